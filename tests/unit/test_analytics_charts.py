"""The review chart in Russian and English: words from knowledge/, topics through the glossary,
every label inside the picture."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from matplotlib.text import Text

from sales_agent.analytics.charts import (
    chart_path,
    draw_company_chart,
    localized_chart,
    render_company_chart,
)
from sales_agent.analytics.stats import compute_facts

CYRILLIC = re.compile(r"[а-яё]", re.I)
COMPANY, PRODUCTS = "Кофейня «Зерно»", ("Капсулы Лунго 10 шт", "Кофе в зёрнах 1 кг")


def _facts():
    rows = []
    for i in range(60):
        rows.append({
            "company": COMPANY, "marketplace": ("Ozon", "Яндекс Маркет")[i % 2],
            "product": PRODUCTS[i % 2], "date": date(2026, 1 + i % 3, 1 + i % 27),
            "sentiment": ("negative", "positive", "neutral", "negative")[i % 4],
            "topic": ("упаковка", "доставка", "свежесть", "вкус", "цена")[i % 5],
        })
    return compute_facts(rows)


def _texts(fig) -> list[Text]:
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]


def _bad_input():
    """A 300-character company, 50 products named alike up to their last words, one odd topic."""
    name = "Товар с очень длинным названием, скопированным из карточки целиком, вариант"
    rows = [{"company": "Компания " + "с длинным названием " * 15, "marketplace": "Ozon",
             "product": f"{name} {i % 50}", "date": date(2026, 1 + i % 12, 1),
             "sentiment": ("negative", "positive")[i % 2],
             "topic": ("упаковка", "тема, которой нет в глоссарии и которая длинная")[i % 2]}
            for i in range(150)]
    return compute_facts(rows)


def _one_review():
    return compute_facts([{"company": "Кафе «Ромашка»", "marketplace": "2ГИС", "product": "",
                           "date": None, "sentiment": "negative", "topic": ""}])


def _assert_fits(fig) -> None:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    # Each axes with its drawn ticks, titles and bar notes, and the figure title.
    axes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    drawn = axes + [t.get_window_extent(renderer) for t in fig.texts]
    assert len(drawn) == 4
    for extent in drawn:
        assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, (extent, box)
        assert box.y0 - 1 <= extent.y0 and extent.y1 <= box.y1 + 1, (extent, box)
    for i, a in enumerate(axes):  # no panel's labels run into another panel
        for b in axes[i + 1:]:
            assert not a.overlaps(b), (a, b)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("facts", [_facts, _bad_input, _one_review])
def test_every_label_is_inside_the_picture(lang: str, facts) -> None:
    _assert_fits(draw_company_chart(facts(), lang))


def test_products_cut_alike_stay_apart() -> None:
    fig = draw_company_chart(_bad_input(), "en")
    products = fig.axes[0]
    labels = [t.get_text() for t in products.get_yticklabels()]
    assert len(products.patches) == 8 and len(set(labels)) == 8  # the top 8, each its own bar
    assert all(len(line) <= 30 for label in labels for line in label.splitlines())


def test_english_chart_has_no_russian_but_the_names_given() -> None:
    texts = [t.get_text() for t in _texts(draw_company_chart(_facts(), "en"))]
    joined = "\n".join(texts)
    for name in (COMPANY, *PRODUCTS):
        joined = joined.replace(name, "")
    assert not CYRILLIC.search(joined), joined
    for word in ("packaging", "delivery", "Share of negative reviews by product", "Jan 26",
                 "60\u00a0reviews"):
        assert word in joined
    assert "%" in joined and "\u00a0%" not in joined  # English: "25%", no space


def test_russian_chart_keeps_russian_words() -> None:
    joined = "\n".join(t.get_text() for t in _texts(draw_company_chart(_facts(), "ru")))
    assert "упаковка" in joined and "60\u00a0отзывов" in joined and "\u00a0%" in joined
    assert "янв 26" in joined


def test_each_language_has_its_own_file_and_both_survive(tmp_path: Path) -> None:
    facts = _facts()
    ru = render_company_chart(facts, tmp_path)
    en = render_company_chart(facts, tmp_path, "en")
    assert ru != en and ru.read_bytes()[:4] == en.read_bytes()[:4] == b"\x89PNG"
    assert ru == chart_path(facts, tmp_path, "ru") and "-en-" in en.name
    assert sorted(tmp_path.glob("*.png")) == sorted([ru, en])


def test_localized_chart_follows_the_lead_language(tmp_path: Path) -> None:
    from dataclasses import replace

    facts = _facts()
    assert localized_chart(None, "en") is None and localized_chart(facts, "en") is None
    with_chart = replace(facts, chart=render_company_chart(facts, tmp_path))
    assert localized_chart(with_chart, "ru") == with_chart.chart
    english = localized_chart(with_chart, "en")
    assert english is not None and english.exists() and english.parent == tmp_path
    assert english == chart_path(facts, tmp_path, "en")
