"""The RU<->EN glossary used by English letters, charts and the deck."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sales_agent.brain.glossary import Glossary, load_glossary, term
from sales_agent.errors import ConfigError
from tests.conftest import SHARED

SAMPLES = SHARED / "samples" / "reviews.csv"


@pytest.mark.parametrize(("ru", "en"), [
    ("упаковка", "packaging"), ("доставка", "delivery"), ("свежесть", "freshness"),
    ("цена", "price"), ("вкус", "taste"), ("негативный", "negative"), ("пекарня", "bakery"),
])
def test_known_words_both_ways(ru: str, en: str) -> None:
    assert term(ru, "en") == en
    assert term(en, "ru") == ru


def test_case_yo_and_inflection() -> None:
    assert term("Упаковка", "en") == "Packaging"
    assert term("  ДОСТАВКА ", "en") == "delivery"
    assert term("упаковку", "en") == "packaging"  # pymorphy3 lemma fallback
    assert term("кофе в зернах", "en") == "coffee beans"


def test_unknown_words_come_back_as_given() -> None:
    assert term("пылесос", "en") == "пылесос"
    assert term("Капсулы Лунго 10 шт", "en") == "Капсулы Лунго 10 шт"
    assert term("упаковка", "de") == "упаковка"
    assert term("", "en") == ""


def test_every_sample_topic_is_translated() -> None:
    if not SAMPLES.exists():
        pytest.skip("shared samples are not on this machine")
    with SAMPLES.open(encoding="utf-8") as f:
        topics = {row["topic"] for row in csv.DictReader(f) if row["topic"]}
    assert topics
    untranslated = {t for t in topics if term(t, "en") == t}
    assert not untranslated


def test_bad_file_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "glossary.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_glossary(bad)
    ok = tmp_path / "ok.yaml"
    ok.write_text("topics:\n  брак: defects\n", encoding="utf-8")
    assert isinstance(load_glossary(ok), Glossary)
    assert load_glossary(ok).term("брак", "en") == "defects"
