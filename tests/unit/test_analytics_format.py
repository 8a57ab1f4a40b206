"""The one formatter of shares: what messages, charts and the console print."""

from __future__ import annotations

import pytest

from sales_agent.analytics.format import (
    NBSP,
    format_reviews_ru,
    format_share,
    format_share_en,
    percent,
    plural_ru,
)


class TestFormatShare:
    def test_russian_puts_a_no_break_space_before_the_sign(self):
        assert format_share(0.6543) == f"65{NBSP}%"
        assert format_share(0.6543).replace(NBSP, " ") == "65 %"

    def test_english_has_no_space(self):
        assert format_share_en(0.6543) == "65%"

    @pytest.mark.parametrize(("share", "expected"), [
        (0.125, 13),  # half up, not banker's rounding (round(12.5) == 12)
        (0.145, 15),  # 0.145 * 100 == 14.499999999999998 in floats
        (29 / 200, 15),
        (0.005, 1),
        (0.0049, 0),
        (1 / 3, 33),
        (2 / 3, 67),
        (0.0, 0),
        (1.0, 100),
    ])
    def test_rounds_half_up_despite_float_noise(self, share, expected):
        assert percent(share) == expected
        assert format_share_en(share) == f"{expected}%"

    def test_decimals_use_a_comma_in_russian_and_a_point_in_english(self):
        assert format_share(2 / 3, digits=1) == f"66,7{NBSP}%"
        assert format_share_en(2 / 3, digits=1) == "66.7%"
        assert percent(0.12345, digits=2) == 12.35


class TestPluralRu:
    @pytest.mark.parametrize(("n", "word"), [
        (1, "отзыв"), (2, "отзыва"), (4, "отзыва"), (5, "отзывов"), (11, "отзывов"),
        (12, "отзывов"), (21, "отзыв"), (22, "отзыва"), (111, "отзывов"), (148, "отзывов"),
        (0, "отзывов"),
    ])
    def test_chooses_the_russian_plural_form(self, n, word):
        assert plural_ru(n, "отзыв", "отзыва", "отзывов") == word

    def test_counts_reviews_with_a_no_break_space(self):
        assert format_reviews_ru(21) == f"21{NBSP}отзыв"
