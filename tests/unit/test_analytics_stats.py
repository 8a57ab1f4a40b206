"""CompanyFacts from a hand-made table of 20 reviews whose shares are known in advance."""

from __future__ import annotations

from datetime import date

import pytest

from sales_agent.analytics.format import format_share
from sales_agent.analytics.stats import compute_facts, worst_product


def _rows(product, marketplace, month, spec):
    """spec: [(sentiment, topic, how many)]"""
    return [{"company": "Бодрое утро", "product": product, "marketplace": marketplace,
             "date": f"2026-{month:02d}-1{i % 10}", "sentiment": s, "topic": t}
            for s, t, n in spec for i in range(n)]


# Капсулы: 10 reviews, 7 negative (4 упаковка, 2 цена, 1 without topic), 2 positive, 1 neutral.
# Зёрна: 10 reviews, 2 negative (1 вкус, 1 доставка: a tie), 8 positive.
TABLE = (
    _rows("Капсулы", "Ozon", 1, [("negative", "упаковка", 4), ("negative", "цена", 2),
                                 ("negative", "", 1), ("positive", "вкус", 2)])
    + _rows("Капсулы", "Wildberries", 2, [("neutral", "цена", 1)])
    + _rows("Зёрна", "Ozon", 2, [("negative", "вкус", 1), ("negative", "доставка", 1),
                                 ("positive", "вкус", 3)])
    + _rows("Зёрна", "Wildberries", 3, [("positive", "свежесть", 5)])
)


@pytest.fixture
def facts():
    assert len(TABLE) == 20
    return compute_facts(TABLE)


class TestCompanyShares:
    def test_counts_and_shares(self, facts):
        assert (facts.reviews, facts.negative, facts.neutral, facts.positive) == (20, 9, 1, 10)
        assert facts.negative_share == 9 / 20
        assert facts.positive_share == 0.5 and facts.neutral_share == 0.05
        assert facts.company == "Бодрое утро" and facts.company_key == "бодрое утро"

    def test_period_spans_the_dates(self, facts):
        assert facts.period == (date(2026, 1, 10), date(2026, 3, 14))


class TestProducts:
    def test_most_negative_product_first_with_its_top_complaint(self, facts):
        first, second = facts.products
        assert (first.product, first.reviews, first.negative) == ("Капсулы", 10, 7)
        assert first.negative_share == 0.7
        assert (first.top_topic, first.top_topic_count) == ("упаковка", 4)
        assert first.top_topic_share == 4 / 7
        assert format_share(first.negative_share) == "70\u00a0%"
        assert format_share(first.top_topic_share) == "57\u00a0%"
        assert second.product == "Зёрна" and second.negative_share == 0.2

    def test_a_tie_between_topics_goes_to_the_first_by_name(self, facts):
        assert facts.product("зёрна").top_topic == "вкус"
        assert facts.product("Зёрна").top_topic_share == 0.5

    def test_company_complaint_topics_are_shares_of_negative_reviews(self, facts):
        topics = {t.topic: (t.count, t.share) for t in facts.complaint_topics}
        assert topics == {"упаковка": (4, 4 / 9), "цена": (2, 2 / 9), "вкус": (1, 1 / 9),
                          "доставка": (1, 1 / 9)}
        assert [t.topic for t in facts.complaint_topics][:2] == ["упаковка", "цена"]

    def test_worst_product_skips_anecdotes(self):
        rows = [*TABLE, {"product": "Пробник", "sentiment": "negative", "topic": "цена"}]
        facts = compute_facts(rows)
        assert facts.products[0].product == "Пробник"  # 1 of 1 negative: 100 %
        assert worst_product(facts).product == "Капсулы"


class TestTrendAndMarketplaces:
    def test_monthly_trend_oldest_first(self, facts):
        months = [(m.month, m.reviews, m.negative) for m in facts.monthly]
        assert months == [("2026-01", 9, 7), ("2026-02", 6, 2), ("2026-03", 5, 0)]
        assert facts.monthly[0].negative_share == 7 / 9

    def test_marketplace_shares(self, facts):
        ozon, wb = facts.by_marketplace
        assert (ozon.marketplace, ozon.reviews) == ("Ozon", 14)
        assert ozon.negative_share == 9 / 14 and ozon.positive_share == 5 / 14
        assert (wb.marketplace, wb.reviews, wb.neutral_share) == ("Wildberries", 6, 1 / 6)
        assert facts.marketplaces == ("Ozon", "Wildberries")


def test_no_rows_gives_zero_shares_not_a_division_error():
    facts = compute_facts([], company="Пусто")
    assert (facts.reviews, facts.negative_share, facts.products, facts.period) == (0, 0.0, (), None)
