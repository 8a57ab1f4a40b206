"""Horizontal bar charts drawn as inline SVG by the templates: no scripts, no CDN."""

from __future__ import annotations

from dataclasses import dataclass

from ..analytics.format import format_share

WIDTH = 560
LABEL_W = 200
ROW_H = 28
BAR_MAX = WIDTH - LABEL_W - 90  # room for the figure after the longest bar


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int  # pixels
    text: str  # the figure printed after the bar


@dataclass(frozen=True)
class Bars:
    rows: tuple[Bar, ...]
    height: int
    width: int = WIDTH
    label_w: int = LABEL_W


def bars(rows: list[tuple[str, int]], *, share_of_first: bool = False) -> Bars:
    """One bar per (label, value), scaled to the largest; with `share_of_first` each figure also
    says what share of the first row it is (a funnel's conversion)."""
    top = max((n for _, n in rows), default=0)
    first = rows[0][1] if rows else 0
    drawn = []
    for i, (label, n) in enumerate(rows):
        text = f"{n} · {format_share(n / first)}" if share_of_first and first and i else str(n)
        drawn.append(Bar(label, n, i * ROW_H, round(BAR_MAX * n / top) if top else 0, text))
    return Bars(tuple(drawn), max(len(rows), 1) * ROW_H)
