"""The console's inline SVG bars and Russian labels: pure functions."""

from __future__ import annotations

from sales_agent.console.charts import BAR_MAX, bars
from sales_agent.console.labels import reason_ru, when


class TestBars:
    def test_the_largest_value_fills_the_bar_and_others_scale(self) -> None:
        chart = bars([("a", 10), ("b", 5), ("c", 0)])
        assert [b.width for b in chart.rows] == [BAR_MAX, BAR_MAX // 2, 0]
        assert [b.y for b in chart.rows] == [0, 28, 56]

    def test_funnel_figures_show_the_share_of_the_first_step(self) -> None:
        chart = bars([("все", 8), ("написали", 8), ("ответили", 2)], share_of_first=True)
        assert [b.text for b in chart.rows] == ["8", "8 · 100\u00a0%", "2 · 25\u00a0%"]

    def test_no_rows_or_all_zero_draws_nothing_wide(self) -> None:
        assert bars([]).rows == () and bars([]).height == 28
        assert bars([("x", 0)], share_of_first=True).rows[0].width == 0


class TestLabels:
    def test_known_reasons_are_translated_and_unknown_pass_through(self) -> None:
        assert reason_ru("a name is required") == "не указано имя"
        assert reason_ru("invalid email 'x@': bad") == "неверный e-mail 'x@'"
        assert reason_ru("f.csv: missing column(s): name; found: a, b") == \
            "в файле f.csv нет колонок: name (есть: a, b)"
        assert reason_ru("something new") == "something new"

    def test_times_are_shown_in_moscow(self) -> None:
        assert when(0.0) == "01.01.1970 03:00" and when(None) == "—"
