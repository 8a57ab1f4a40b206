"""Numbers, dates and names are written one way everywhere."""

from __future__ import annotations

from datetime import date

import pytest

from sales_agent.brain import wording
from sales_agent.brain.rendering import TemplateRenderer
from sales_agent.settings import PROJECT_ROOT
from tests.fixtures.llm import coffee_facts, make_contact


@pytest.mark.parametrize(("share", "ru", "en"), [
    (0.654, "65\u00a0%", "65%"), (0.655, "66\u00a0%", "66%"), (0.125, "13\u00a0%", "13%"),
    (0.0, "0\u00a0%", "0%"), (1.0, "100\u00a0%", "100%"), (0.995, "100\u00a0%", "100%"),
])
def test_percent_rounds_half_up(share, ru, en):
    assert wording.percent(share, "ru") == ru and wording.percent(share, "en") == en


def test_counts_are_grouped():
    assert wording.count(12345, "ru") == "12\u00a0345" and wording.count(12345, "en") == "12,345"


def test_day_adds_the_year_only_when_it_differs():
    today = date(2026, 11, 25)
    assert wording.day(date(2026, 12, 15), "ru", today=today) == "15 декабря"
    assert wording.day(date(2027, 1, 9), "ru", today=today) == "9 января 2027"
    assert wording.day(date(2027, 1, 9), "en", today=today) == "January 9, 2027"


@pytest.mark.parametrize(("name", "expected"), [
    ("Ольга Смирнова", "Ольга"), ("Смирнова Ольга", "Ольга"),
    ("Смирнова Ольга Ивановна", "Ольга Ивановна"), ("Игорь", "Игорь"), ("", ""),
])
def test_russian_address_name(name, expected):
    assert wording.address_name(name, "ru") == expected


@pytest.mark.parametrize(("topic", "expected"), [
    ("упаковка", "упаковку"), ("цена", "цену"), ("вкус", "вкус"), ("доставка", "доставку"),
    ("качество упаковки", "качество упаковки"),
])
def test_topic_in_accusative(topic, expected):
    assert wording.accusative(topic) == expected


def test_insight_has_no_facts_without_products():
    assert wording.insight(make_contact(), None, "ru") is None


def test_insight_lists_marketplaces():
    i = wording.insight(make_contact(), coffee_facts(), "ru")
    assert i is not None and i.marketplaces == "Wildberries и Ozon"


def test_html_alternative_is_escaped_and_links_urls():
    html = TemplateRenderer(PROJECT_ROOT / "templates").html(
        "Привет <b>&</b>\nhttps://cal.example/a?b=1&c=2\n\nВторой абзац")
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html and "<b>" not in html
    assert '<a href="https://cal.example/a?b=1&amp;c=2">' in html
    assert html.count("<p>") == 2


@pytest.mark.parametrize(("ru", "en"), [("Анна Соколова", "Anna Sokolova"),
                                        ("Щукина Юлия", "Shchukina Yuliya"),
                                        ("Anna Berg", "Anna Berg")])
def test_a_russian_name_signs_english_letters_in_latin(ru: str, en: str) -> None:
    assert wording.latin(ru) == en
