"""Reading one review's values: company keys, dates, ratings, sentiment."""

from __future__ import annotations

from datetime import date

import pytest

from sales_agent.analytics.fields import (
    ALIASES,
    company_key,
    parse_date,
    parse_rating,
    parse_sentiment,
    sentiment_from_rating,
)


class TestCompanyKey:
    @pytest.mark.parametrize("name", [
        "Кофейная компания «Бодрое утро»", 'ООО "Кофейная компания Бодрое утро"',
        "  кофейная   КОМПАНИЯ 'Бодрое утро', ООО ", "АО «Кофейная компания „Бодрое утро“»",
        "ИП Кофейная компания Бодрое утро",
    ])
    def test_quotes_case_spaces_and_legal_forms_do_not_matter(self, name):
        assert company_key(name) == "кофейная компания бодрое утро"

    def test_english_legal_forms_and_yo(self):
        assert company_key("Northwind Cafe, LLC") == company_key("northwind cafe")
        assert company_key("Зёрна") == company_key("Зерна")

    def test_different_companies_stay_different(self):
        assert company_key("Колосок") != company_key("Бодрое утро")
        assert company_key("Аорта") == "аорта"  # a legal form only as a separate word


class TestParseDate:
    @pytest.mark.parametrize("text", [
        "2026-01-03", "2026-01-03 12:00", "2026-01-03T12:00:00", "2026-01-03T12:00:00+03:00",
        "2026-01-03T09:00:00Z", "03.01.2026", "3.1.2026", "03/01/2026", "03-01-2026",
        "03.01.26", "03.01.2026 12:00", "2026/01/03", " 2026-01-03 ",
    ])
    def test_reads_the_formats_operators_export(self, text):
        assert parse_date(text) == date(2026, 1, 3)

    @pytest.mark.parametrize("text", ["вчера", "2026-13-01", "31.02.2026", "45123", "01/03"])
    def test_refuses_what_it_cannot_read_for_sure(self, text):
        with pytest.raises(ValueError):
            parse_date(text)


class TestRatingAndSentiment:
    @pytest.mark.parametrize(("text", "value"), [
        ("5", 5), ("4.0", 4), ("4,5", 4.5), ("3/5", 3), ("4 из 5", 4), ("", None),
    ])
    def test_reads_ratings(self, text, value):
        assert parse_rating(text) == value

    @pytest.mark.parametrize("text", ["0", "6", "five", "-1"])
    def test_refuses_ratings_outside_one_to_five(self, text):
        with pytest.raises(ValueError):
            parse_rating(text)

    @pytest.mark.parametrize(("rating", "sentiment"), [
        (1, "negative"), (2, "negative"), (3, "neutral"), (4, "positive"), (5, "positive"),
        (2.5, "neutral"), (3.5, "positive"),
    ])
    def test_sentiment_follows_the_rating(self, rating, sentiment):
        assert sentiment_from_rating(rating) == sentiment

    @pytest.mark.parametrize(("text", "sentiment"), [
        ("positive", "positive"), ("Negative", "negative"), ("нейтральный", "neutral"),
        ("Негатив", "negative"), ("отрицательный", "negative"), ("положительный", "positive"),
        ("", None),
    ])
    def test_reads_sentiment_in_russian_and_english(self, text, sentiment):
        assert parse_sentiment(text) == sentiment

    def test_refuses_an_unknown_sentiment(self):
        with pytest.raises(ValueError):
            parse_sentiment("so-so")


def test_prototype_columns_are_aliases():
    prototype = ["Username", "Marketplace", "Product Name", "Review Date", "Sentiment", "Topic"]
    ours = [ALIASES.get(c.lower(), c.lower()) for c in prototype]
    assert ours == ["author", "marketplace", "product", "date", "sentiment", "topic"]
