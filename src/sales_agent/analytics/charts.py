"""One PNG per company: where the negative reviews are (products, topics, months).

Uses matplotlib's object API with the Agg canvas (no pyplot, no display, safe in a worker thread).
Labels are Russian and their numbers come from `format.format_share`, like the messages.
The file name carries a hash of the facts, so a chart is redrawn only when the numbers change.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .facts import CompanyFacts
from .fields import company_key
from .format import format_reviews_ru, format_share

RED, GREY, GREEN = "#d9534f", "#9aa0a6", "#3c9d5d"
_MONTHS = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]


def chart_path(facts: CompanyFacts, charts_dir: Path) -> Path:
    key = facts.company_key or company_key(facts.company)
    company = hashlib.sha1(key.encode()).hexdigest()[:10]
    numbers = hashlib.sha1(repr(replace(facts, chart=None)).encode()).hexdigest()[:10]
    return charts_dir / f"reviews-{company}-{numbers}.png"


def render_company_chart(facts: CompanyFacts, charts_dir: Path) -> Path:
    """Draw (or reuse) the company's chart; older charts of the same company are removed."""
    path = chart_path(facts, charts_dir)
    if path.exists():
        return path
    charts_dir.mkdir(parents=True, exist_ok=True)
    fig = Figure(figsize=(12, 8), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2, height_ratios=(3, 2))
    _products(fig.add_subplot(grid[0, 0]), facts)
    _topics(fig.add_subplot(grid[0, 1]), facts)
    _trend(fig.add_subplot(grid[1, :]), facts)
    period = (f", {facts.period[0]:%d.%m.%Y} — {facts.period[1]:%d.%m.%Y}"
              if facts.period else "")
    fig.suptitle(f"{facts.company}: {format_reviews_ru(facts.reviews)}{period}; "
                 f"негативных {format_share(facts.negative_share)}", fontsize=14)
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp)
    tmp.replace(path)  # readers never see a half-written file
    for old in charts_dir.glob(path.name.rsplit("-", 1)[0] + "-*.png"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def _products(ax, facts: CompanyFacts) -> None:
    products = list(reversed(facts.products[:8]))  # barh draws bottom-up: worst on top
    ax.set_title("Доля негативных отзывов по товарам")
    if not products:
        ax.text(0.5, 0.5, "нет данных о товарах", ha="center", va="center")
        ax.set_axis_off()
        return
    labels = [f"{p.product}\n({p.reviews} отз.)" for p in products]
    bars = ax.barh(labels, [p.negative_share * 100 for p in products], color=RED)
    for bar, p in zip(bars, products, strict=True):
        note = format_share(p.negative_share)
        if p.top_topic:
            note += f" · главная жалоба: {p.top_topic}"
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, note, va="center",
                fontsize=9)
    top = max(p.negative_share for p in products) * 100
    ax.set_xlim(0, top + 55)  # room for the note right of the longest bar
    step = 10 if top <= 40 else 20
    ax.set_xticks([t for t in range(0, 101, step) if t <= top + step])
    ax.set_xlabel("% отзывов товара")
    ax.tick_params(axis="y", labelsize=9)


def _topics(ax, facts: CompanyFacts) -> None:
    topics = list(reversed(facts.complaint_topics))
    ax.set_title("О чём жалуются (доля негативных отзывов)")
    if not topics:
        ax.text(0.5, 0.5, "нет тем в негативных отзывах", ha="center", va="center")
        ax.set_axis_off()
        return
    bars = ax.barh([t.topic for t in topics], [t.share * 100 for t in topics], color=GREY)
    for bar, t in zip(bars, topics, strict=True):
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2,
                f"{format_share(t.share)} ({t.count})", va="center", fontsize=9)
    ax.set_xlim(0, min(100, max(t.share for t in topics) * 100 + 20))
    ax.set_xlabel("% негативных отзывов")


def _trend(ax, facts: CompanyFacts) -> None:
    ax.set_title("Тональность по месяцам")
    months = facts.monthly
    if not months:
        ax.text(0.5, 0.5, "в отзывах нет дат", ha="center", va="center")
        ax.set_axis_off()
        return
    x = range(len(months))
    labels = [f"{_MONTHS[int(m.month[5:]) - 1]} {m.month[2:4]}" for m in months]
    ax.plot(x, [m.negative_share * 100 for m in months], "o-", color=RED, label="негативные")
    ax.plot(x, [m.positive_share * 100 for m in months], "o-", color=GREEN, label="позитивные")
    ax.set_xticks(list(x), labels)
    ax.set_ylim(-3, 105)  # markers at 0 and 100 stay whole
    ax.set_ylabel("% отзывов за месяц")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
