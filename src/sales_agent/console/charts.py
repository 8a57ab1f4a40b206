"""Horizontal bar charts drawn as inline SVG by the templates: no scripts, no CDN."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 520
LABEL_W = 170
ROW_H = 28
BAR_MAX = WIDTH - LABEL_W - 70


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int  # pixels


@dataclass(frozen=True)
class Bars:
    rows: tuple[Bar, ...]
    height: int
    width: int = WIDTH
    label_w: int = LABEL_W


def bars(rows: list[tuple[str, int]]) -> Bars:
    top = max((n for _, n in rows), default=0)
    drawn = tuple(
        Bar(label, n, i * ROW_H, round(BAR_MAX * n / top) if top else 0)
        for i, (label, n) in enumerate(rows)
    )
    return Bars(drawn, max(len(rows), 1) * ROW_H)
