"""One PNG per company and language: where the negative reviews are (products, topics, months).

Uses matplotlib's object API with the Agg canvas (no pyplot, no display, safe in a worker thread).
The words come from knowledge/chart.yaml (Russian or English), topic names through the glossary,
numbers from `format.format_share[_en]`, like the messages. Product and company names are shown
as the lead wrote them. The file name carries the language and a hash of the facts, so a chart
is redrawn only when the numbers change.
"""

from __future__ import annotations

import hashlib
import textwrap
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..brain.glossary import term
from ..settings import PROJECT_ROOT
from .facts import CompanyFacts
from .fields import company_key
from .format import NBSP, format_share, format_share_en, plural_ru

RED, GREY, GREEN = "#d9534f", "#9aa0a6", "#3c9d5d"
LABELS_PATH = PROJECT_ROOT / "knowledge" / "chart.yaml"
LANGUAGES = ("ru", "en")
# Label room, in characters: a name pasted whole from a product card must not squeeze the bars.
PRODUCT_CHARS, TOPIC_CHARS, COMPANY_CHARS = 30, 22, 45


def _short(text: str, width: int, lines: int = 1) -> str:
    """`text` in at most `lines` lines of `width` characters. A longer text keeps its start and,
    on a second line, its end («…целиком 12»): product names differ mostly at the end."""
    text = " ".join(text.split())
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    if lines == 1:
        return wrapped[0][:width - 1].rstrip(" ,.;:-") + "…"
    tail = text[-(width - 1):]
    tail = tail.split(" ", 1)[1] if " " in tail[1:] else tail  # start the end at a word
    return "\n".join([*wrapped[:lines - 1], "…" + tail])


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(LABELS_PATH.read_text(encoding="utf-8"))


class _Words:
    """The chart's words and number formats in one language."""

    def __init__(self, language: str) -> None:
        self.lang = language if language in LANGUAGES else "ru"
        self.labels = _all_labels()[self.lang]

    def __getitem__(self, key: str) -> str:
        return str(self.labels[key])

    def share(self, share: float) -> str:
        return format_share(share) if self.lang == "ru" else format_share_en(share)

    def reviews(self, n: int) -> str:
        one, few, many = self.labels["reviews"]
        form = plural_ru(n, one, few, many) if self.lang == "ru" else (one if n == 1 else many)
        return form.format(n=n).replace(" ", NBSP, 1)

    def topic(self, topic: str) -> str:
        return term(topic, self.lang)

    def day(self, d: date) -> str:
        return self["date"].format(day=d.day, month=d.month, year=d.year,
                                   month_name=self.labels["months"][d.month - 1])

    def month(self, month: str) -> str:  # "2026-01" -> "янв 26" / "Jan 26"
        return f"{self.labels['months'][int(month[5:]) - 1]} {month[2:4]}"


def chart_path(facts: CompanyFacts, charts_dir: Path, language: str = "ru") -> Path:
    key = facts.company_key or company_key(facts.company)
    company = hashlib.sha1(key.encode()).hexdigest()[:10]
    numbers = hashlib.sha1(repr(replace(facts, chart=None)).encode()).hexdigest()[:10]
    lang = language if language in LANGUAGES else "ru"
    return charts_dir / f"reviews-{company}-{lang}-{numbers}.png"


def render_company_chart(facts: CompanyFacts, charts_dir: Path, language: str = "ru") -> Path:
    """Draw (or reuse) the company's chart in `language`; older charts of the same company and
    language are removed."""
    path = chart_path(facts, charts_dir, language)
    if path.exists():
        return path
    charts_dir.mkdir(parents=True, exist_ok=True)
    fig = draw_company_chart(facts, language)
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp)
    tmp.replace(path)  # readers never see a half-written file
    for old in charts_dir.glob(path.name.rsplit("-", 1)[0] + "-*.png"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def draw_company_chart(facts: CompanyFacts, language: str = "ru") -> Figure:
    """The chart as a matplotlib Figure (not saved): products, complaint topics, months."""
    words = _Words(language)
    fig = Figure(figsize=(12, 8), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2, height_ratios=(3, 2))
    _products(fig.add_subplot(grid[0, 0]), facts, words)
    _topics(fig.add_subplot(grid[0, 1]), facts, words)
    _trend(fig.add_subplot(grid[1, :]), facts, words)
    period = (words["period"].format(start=words.day(facts.period[0]),
                                     end=words.day(facts.period[1])) if facts.period else "")
    company = _short(facts.company, COMPANY_CHARS)
    fig.suptitle(words["title"].format(company=company, reviews=words.reviews(facts.reviews),
                                       period=period, negative=words.share(facts.negative_share)),
                 fontsize=14)
    return fig


def localized_chart(facts: CompanyFacts | None, language: str) -> Path | None:
    """The chart to send a lead writing in `language`: `facts.chart` for Russian, the same
    numbers drawn in English next to it otherwise (None when there is no chart at all)."""
    if facts is None or facts.chart is None:
        return None
    if language not in LANGUAGES or language == "ru":
        return facts.chart
    return render_company_chart(facts, facts.chart.parent, language)


def _products(ax: Any, facts: CompanyFacts, words: _Words) -> None:
    products = list(reversed(facts.products[:8]))  # barh draws bottom-up: worst on top
    ax.set_title(words["products"])
    if not products:
        ax.text(0.5, 0.5, words["no_products"], ha="center", va="center")
        ax.set_axis_off()
        return
    labels = [words["product_label"].format(product=_short(p.product, PRODUCT_CHARS, 2),
                                            reviews=p.reviews) for p in products]
    rows = range(len(products))  # positions, not labels: two names cut alike stay two bars
    bars = ax.barh(rows, [p.negative_share * 100 for p in products], color=RED)
    ax.set_yticks(list(rows), labels)
    for bar, p in zip(bars, products, strict=True):
        note = words.share(p.negative_share)
        if p.top_topic:
            note += words["top_topic"].format(topic=_short(words.topic(p.top_topic),
                                                           TOPIC_CHARS))
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, note, va="center",
                fontsize=9)
    top = max(p.negative_share for p in products) * 100
    ax.set_xlim(0, top + max(55.0, top * 1.3))  # room for the note right of the longest bar
    step = 10 if top <= 40 else 20
    ax.set_xticks([t for t in range(0, 101, step) if t <= top + step])
    ax.set_xlabel(words["products_axis"])
    ax.tick_params(axis="y", labelsize=9)


def _topics(ax: Any, facts: CompanyFacts, words: _Words) -> None:
    topics = list(reversed(facts.complaint_topics))
    ax.set_title(words["topics"])
    if not topics:
        ax.text(0.5, 0.5, words["no_topics"], ha="center", va="center")
        ax.set_axis_off()
        return
    rows = range(len(topics))
    bars = ax.barh(rows, [t.share * 100 for t in topics], color=GREY)
    ax.set_yticks(list(rows), [_short(words.topic(t.topic), TOPIC_CHARS) for t in topics])
    for bar, t in zip(bars, topics, strict=True):
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2,
                f"{words.share(t.share)} ({t.count})", va="center", fontsize=9)
    ax.set_xlim(0, min(100, max(t.share for t in topics) * 100 + 20))
    ax.set_xlabel(words["topics_axis"])


def _trend(ax: Any, facts: CompanyFacts, words: _Words) -> None:
    ax.set_title(words["trend"])
    months = facts.monthly
    if not months:
        ax.text(0.5, 0.5, words["no_dates"], ha="center", va="center")
        ax.set_axis_off()
        return
    x = range(len(months))
    ax.plot(x, [m.negative_share * 100 for m in months], "o-", color=RED,
            label=words["negative"])
    ax.plot(x, [m.positive_share * 100 for m in months], "o-", color=GREEN,
            label=words["positive"])
    ax.set_xticks(list(x), [words.month(m.month) for m in months])
    ax.set_ylim(-3, 105)  # markers at 0 and 100 stay whole
    ax.set_ylabel(words["trend_axis"])
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
