"""Dates resolved against the message date: our table, in Russian and English."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sales_agent.brain.classifier.date_words import first_workday
from sales_agent.brain.classifier.dates import find_dates, pick_until

MSK = timezone(timedelta(hours=3))
TUE = datetime(2026, 10, 6, 15, 0, tzinfo=MSK)  # a Tuesday
WED = datetime(2026, 11, 18, 11, 30, tzinfo=MSK)  # a Wednesday
AFTER_NY_2027 = date(2027, 1, 11)  # first working day after the 2027 New Year holidays
AFTER_NY_2027_EN = date(2027, 1, 4)  # an English-speaking office: back after the 1st


def until(text: str, now: datetime = TUE, *, auto_reply: bool = False) -> date | None:
    return pick_until(find_dates(text, now), auto_reply=auto_reply)


@pytest.mark.parametrize(("text", "expected"), [
    ("напишите через неделю", date(2026, 10, 13)),
    ("через две недели", date(2026, 10, 20)),
    ("через пару недель", date(2026, 10, 20)),
    ("через 10 дней", date(2026, 10, 16)),
    ("через месяц", date(2026, 11, 6)),
    ("через полтора месяца", date(2026, 11, 21)),
    ("через полгода", date(2027, 4, 6)),
    ("in two weeks", date(2026, 10, 20)),
    ("ping me in three weeks", date(2026, 10, 27)),
    ("let's talk in a month", date(2026, 11, 6)),
    ("in a week or two", date(2026, 10, 16)),
    ("завтра", date(2026, 10, 7)),
    ("послезавтра", date(2026, 10, 8)),
    ("tomorrow", date(2026, 10, 7)),
])
def test_spans_count_from_the_message_date(text: str, expected: date) -> None:
    assert until(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("в январе", AFTER_NY_2027),
    ("после праздников", AFTER_NY_2027),
    ("после Нового года", AFTER_NY_2027),
    ("after the holidays", AFTER_NY_2027_EN),
    ("не раньше следующего года", AFTER_NY_2027),
    ("до конца года не актуально", AFTER_NY_2027),
    ("в следующем квартале", AFTER_NY_2027),
    ("в конце года", date(2026, 12, 21)),
    ("ближе к Новому году", date(2026, 12, 21)),
    ("в начале декабря", date(2026, 12, 1)),
    ("в середине ноября", date(2026, 11, 15)),
    ("mid-November", date(2026, 11, 15)),
    ("в ноябре", date(2026, 11, 1)),
    ("in March", date(2027, 3, 1)),
    ("в мае", date(2027, 5, 1)),
    ("во втором квартале", date(2027, 4, 1)),
    ("in Q3", date(2027, 7, 1)),
    ("весной", date(2027, 3, 1)),
    ("ближе к концу месяца", date(2026, 10, 28)),
    ("в следующем месяце", date(2026, 11, 1)),
    ("next month", date(2026, 11, 1)),
])
def test_months_quarters_and_holidays(text: str, expected: date) -> None:
    assert until(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("в понедельник", date(2026, 10, 12)),
    ("напомни в пятницу", date(2026, 10, 9)),
    ("в среду", date(2026, 10, 7)),
    ("в следующий вторник", date(2026, 10, 13)),
    ("next week", date(2026, 10, 12)),
    ("на следующей неделе", date(2026, 10, 12)),
    ("в конце недели", date(2026, 10, 9)),
    ("on Thursday", date(2026, 10, 8)),
])
def test_weekdays_are_the_next_such_day(text: str, expected: date) -> None:
    assert until(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("после 15 декабря", date(2026, 12, 16)),
    ("после 20 октября", date(2026, 10, 21)),
    ("after October 30th", date(2026, 10, 31)),
    ("напишите 15.11", date(2026, 11, 15)),
    ("15.11.2026", date(2026, 11, 15)),
    ("2026-12-01", date(2026, 12, 1)),
    ("1 декабря", date(2026, 12, 1)),
    ("November 3", date(2026, 11, 3)),
    ("в сентябре", date(2027, 9, 1)),  # already past this year: next year's
    ("5 июня", date(2027, 6, 5)),  # long past: next year
    ("5 октября", date(2026, 10, 5)),  # yesterday: the recent past, not next year
    ("после 25-го", date(2026, 10, 26)),
])
def test_calendar_dates_prefer_the_future(text: str, expected: date) -> None:
    assert until(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Я в отпуске до 19 октября, отвечу после возвращения.", date(2026, 10, 19)),
    ("Out of office 5–9 October. Back on Monday, October 12.", date(2026, 10, 12)),
    ("Out of office until October 12.", date(2026, 10, 12)),
    ("Нахожусь на конференции, отвечу 14 октября.", date(2026, 10, 14)),
])
def test_an_autoresponder_gives_its_return_date(text: str, expected: date) -> None:
    assert until(text, auto_reply=True) == expected


@pytest.mark.parametrize("text", ["", "Вышлите презентацию", "ответим в течение 24 часов",
                                  "Маркетингом занимается Мария", "среди прочего", "@marina_smm",
                                  "в 12:30", "цена 5.5 тысяч"])
def test_no_date_where_there_is_none(text: str) -> None:
    assert until(text, WED) is None


def test_first_workday_skips_weekends_and_holidays() -> None:
    assert first_workday(date(2027, 1, 1)) == AFTER_NY_2027
    assert first_workday(date(2026, 10, 10)) == date(2026, 10, 12)


@pytest.mark.parametrize(("text", "expected"), [
    ("в первых числах декабря", date(2026, 12, 1)),
    ("во второй половине декабря", date(2026, 12, 16)),
    ("end of next week", date(2026, 10, 16)),
    ("через 2-3 недели", date(2026, 10, 24)),
    ("с 16 по 29 октября в отпуске", date(2026, 10, 30)),
    ("в отпуске с 16.10.2026 по 27.10.2026", date(2026, 10, 28)),
    ("в отпуске по 9 октября", date(2026, 10, 12)),  # Friday: back on Monday
])
def test_parts_of_months_and_ranges(text: str, expected: date) -> None:
    assert until(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("напишите завтра в 11.10", date(2026, 10, 7)),  # a time of day, not 11 October
    ("вернусь 25-го", date(2026, 10, 25)),
    ("after the 20th", date(2026, 10, 21)),
    ("до 10 числа", date(2026, 10, 10)),
    ("к 15.11", date(2026, 11, 15)),
    ("in about six weeks", date(2026, 11, 17)),
])
def test_days_of_month_and_times_of_day(text: str, expected: date) -> None:
    assert until(text) == expected


@pytest.mark.parametrize("text", [
    "get back to me the week after next",
    "reach out again week after next",
    "after next week, please",
    "not next week, the one after",
    "напишите после следующей недели",
    "давайте не на следующей неделе, а через одну",
    "через неделю после следующей",
])
def test_the_week_after_next_is_that_weeks_working_days(text: str) -> None:
    # the reply is written on Wednesday 18 November: next week starts on the 23rd
    found = until(text, WED)
    assert found is not None and date(2026, 11, 30) <= found <= date(2026, 12, 4)


@pytest.mark.parametrize(("text", "expected"), [
    ("write to me in a fortnight", date(2026, 12, 2)),
    ("let's revisit in a fortnight or so", date(2026, 12, 2)),
])
def test_a_fortnight_is_two_weeks(text: str, expected: date) -> None:
    assert until(text, WED) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("write again the Monday after next", date(2026, 11, 30)),
    ("let's talk the Thursday after next", date(2026, 12, 3)),
    ("write on Friday next week", date(2026, 11, 27)),
])
def test_a_weekday_after_next_is_in_the_week_after_the_coming_one(text: str,
                                                                  expected: date) -> None:
    assert until(text, WED) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("circle back around the 24th", date(2026, 11, 24)),
    ("let's reconnect the week of the 30th", date(2026, 11, 30)),
    ("give it a month", date(2026, 12, 18)),
    ("give us a couple of weeks", date(2026, 12, 2)),
    ("дайте нам пару недель подумать", date(2026, 12, 2)),
])
def test_a_bare_day_of_month_and_give_it_a_span(text: str, expected: date) -> None:
    assert until(text, WED) == expected


@pytest.mark.parametrize("text", [
    "follow up once the holidays are over",
    "let's talk after the first of the year",
    "напишите, когда закончатся праздники",
    "как праздники пройдут, вернёмся к разговору",
])
def test_the_end_of_the_new_year_holidays_in_other_words(text: str) -> None:
    found = until(text, WED)
    assert found is not None and date(2027, 1, 4) <= found <= date(2027, 1, 13)


@pytest.mark.parametrize(("text", "expected"), [
    ("давайте во второй декаде декабря", date(2026, 12, 11)),
    ("напишите в третьей декаде декабря", date(2026, 12, 21)),
    ("в последней декаде января", date(2027, 1, 21)),
    ("после второй декады декабря", date(2026, 12, 21)),
    ("через месячишко напишите", date(2026, 12, 18)),
])
def test_ten_day_parts_of_a_month_and_a_diminutive_month(text: str, expected: date) -> None:
    assert until(text, WED) == expected
