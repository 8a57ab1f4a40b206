"""Dates that end a stay away, and holidays that have just passed.

"По 08.01 в отпуске" means back on the first working day after the 8th (the 9th is a Saturday);
"after Thanksgiving" written the Monday after it means "now", not next November.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sales_agent.brain.classifier.dates import find_dates, pick_until

MSK = timezone(timedelta(hours=3))
NY = timezone(timedelta(hours=-5))


def until(text: str, now: datetime, *, auto_reply: bool = False) -> date | None:
    return pick_until(find_dates(text, now), auto_reply=auto_reply)


@pytest.mark.parametrize(("text", "now", "expected"), [
    ("Я в отпуске с 25.12 по 08.01, по срочным вопросам звоните в офис.",
     datetime(2026, 12, 24, 10, tzinfo=MSK), date(2027, 1, 11)),
    ("В командировке с 1 по 4 декабря.", datetime(2026, 12, 1, 10, tzinfo=MSK),
     date(2026, 12, 7)),
    ("В отпуске по пятницу, 4 декабря, включительно.", datetime(2026, 12, 1, 10, tzinfo=MSK),
     date(2026, 12, 7)),
    ("I'm out of the office through Friday, December 11.", datetime(2026, 12, 7, 9, tzinfo=NY),
     date(2026, 12, 14)),
    ("I will be out Dec 24 - Jan 1 with limited access to email.",
     datetime(2026, 12, 22, 9, tzinfo=NY), date(2027, 1, 4)),
    ("В отпуске по 15 декабря.", datetime(2026, 12, 1, 10, tzinfo=MSK), date(2026, 12, 16)),
])
def test_the_end_of_a_stay_away_is_followed_by_a_working_day(text: str, now: datetime,
                                                              expected: date) -> None:
    assert until(text, now, auto_reply=True) == expected


@pytest.mark.parametrize(("text", "now", "expected"), [
    ("Follow up after Thanksgiving.", datetime(2026, 11, 30, 9, tzinfo=NY), date(2026, 12, 1)),
    ("Let's talk after Christmas.", datetime(2027, 1, 8, 9, tzinfo=NY), date(2027, 1, 11)),
    ("Напишите после праздников.", datetime(2027, 1, 12, 10, tzinfo=MSK), date(2027, 1, 13)),
    ("Давайте после Нового года, через неделю.", datetime(2027, 1, 12, 10, tzinfo=MSK),
     date(2027, 1, 19)),
    ("After the holidays, in a couple of weeks.", datetime(2027, 1, 14, 9, tzinfo=NY),
     date(2027, 1, 28)),
    ("Давайте после майских.", datetime(2027, 5, 13, 10, tzinfo=MSK), date(2027, 5, 14)),
])
def test_a_holiday_that_has_just_passed_is_not_next_years(text: str, now: datetime,
                                                          expected: date) -> None:
    assert until(text, now) == expected


@pytest.mark.parametrize(("text", "now", "expected"), [
    ("Follow up after Thanksgiving.", datetime(2026, 11, 20, 9, tzinfo=NY), date(2026, 11, 30)),
    ("Напишите после праздников.", datetime(2026, 12, 2, 10, tzinfo=MSK), date(2027, 1, 11)),
    ("Давайте после Рождества.", datetime(2027, 1, 5, 10, tzinfo=MSK), date(2027, 1, 11)),
    ("Let's talk after Christmas.", datetime(2026, 12, 10, 9, tzinfo=NY), date(2026, 12, 28)),
])
def test_a_holiday_ahead_is_still_the_one_meant(text: str, now: datetime, expected: date) -> None:
    assert until(text, now) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Напишите в четверг через неделю.", date(2026, 12, 10)),
    ("Давайте через неделю, в пятницу.", date(2026, 12, 11)),
    ("Let's talk Thursday the week after next.", date(2026, 12, 17)),
    ("Давайте в среду через две недели.", date(2026, 12, 16)),
    ("Напишите в четверг.", date(2026, 12, 3)),
])
def test_a_weekday_of_a_later_week(text: str, expected: date) -> None:
    assert until(text, datetime(2026, 12, 2, 10, tzinfo=MSK)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Напишите в двадцатых числах января.", date(2027, 1, 20)),
    ("Давайте после 10-х чисел января.", date(2027, 1, 20)),
    ("Не раньше второй половины января.", date(2027, 1, 16)),
    ("Напишите после середины января.", date(2027, 1, 16)),
    ("Напишите в последнюю неделю января.", date(2027, 1, 25)),
    ("Not before the third week of January.", date(2027, 1, 22)),
    ("The last week of January works.", date(2027, 1, 25)),
    ("Let's talk after mid-January.", date(2027, 1, 16)),
    ("Во второй половине января.", date(2027, 1, 16)),
])
def test_parts_of_a_month_finer_than_its_halves(text: str, expected: date) -> None:
    assert until(text, datetime(2026, 12, 2, 10, tzinfo=MSK)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two weeks from Thursday works.", date(2026, 12, 17)),
    ("A week from Monday?", date(2026, 12, 14)),
    ("Circle back after the holidays.", date(2027, 1, 4)),  # New York is back on the 4th
])
def test_weeks_from_a_weekday_and_a_check_back_is_no_return(text: str, expected: date) -> None:
    assert until(text, datetime(2026, 12, 2, 10, tzinfo=NY)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("До 08.01 офис не работает, с 11.01 в обычном режиме.", date(2027, 1, 11)),
    ("Нахожусь в отпуске до 11 января. С 12 января — на связи.", date(2027, 1, 12)),
    ("Office closed until Jan 4; from Jan 5 we're back to normal hours.", date(2027, 1, 5)),
])
def test_a_day_from_which_work_resumes_is_the_return(text: str, expected: date) -> None:
    assert until(text, datetime(2026, 12, 25, 10, tzinfo=MSK), auto_reply=True) == expected
