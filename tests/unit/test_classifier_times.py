"""Meeting times in a reply: the slot, in the lead's zone, and what is wrong with it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sales_agent.brain.classifier.offered import offered_in_quote
from sales_agent.brain.classifier.slots import read_slots
from sales_agent.brain.classifier.times import read_meeting

MSK = ZoneInfo("Europe/Moscow")
WED = datetime(2026, 11, 18, 11, 30, tzinfo=timezone(timedelta(hours=3)))  # Wed 18 Nov 2026


def _at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=MSK)


def _lang(text: str) -> str:
    return "en" if sum("a" <= ch.lower() <= "z" for ch in text) > len(text) / 3 else "ru"


@pytest.mark.parametrize(("text", "expected"), [
    ("давайте созвонимся в четверг в 15", _at(11, 19, 15)),
    ("Вторник в 11:00 подходит.", _at(11, 24, 11)),
    ("tomorrow at 3pm", _at(11, 19, 15)),
    ("Let's do Friday at 10:30 am", _at(11, 20, 10, 30)),
    ("How about Monday 12/7 at 2 pm?", _at(12, 7, 14)),
    ("давайте в пятницу, 27 ноября, в 14.30", _at(11, 27, 14, 30)),
    ("можно завтра в 3 часа дня", _at(11, 19, 15)),
    ("Давайте перенесём на пятницу, 11:00", _at(11, 20, 11)),
    ("давайте 20 ноября в 15-00", _at(11, 20, 15)),
    ("в четверг на следующей неделе в 16:00", _at(11, 26, 16)),
    ("созвон в пн в 12", _at(11, 23, 12)),
    ("Can we do 3:30pm tomorrow?", _at(11, 19, 15, 30)),
    ("Let's meet at noon on Friday", _at(11, 20, 12)),
    ("в четверг с 14 до 16 удобно", _at(11, 19, 14)),
    ("Thursday from 2 to 4 works", _at(11, 19, 14)),
    ("давайте в 9.30 в понедельник", _at(11, 23, 9, 30)),
    ("давайте в четверг в 14-16", _at(11, 19, 14)),
    ("Ок, в 17 подойдёт, завтра", _at(11, 19, 17)),
    ("How about 2:30 on Friday?", _at(11, 20, 14, 30)),
    ("давайте в пятницу в 8:30", _at(11, 20, 8, 30)),
    ("I'm free Thursday at 4 PM CET", _at(11, 19, 18)),  # 16:00 in Berlin
    ("давайте в 11 по екб в четверг", _at(11, 19, 9)),  # 11:00 in Yekaterinburg
])
def test_a_proposed_slot_is_resolved(text: str, expected: datetime) -> None:
    meeting = read_meeting(text, now=WED, lang=_lang(text))
    assert meeting.when == expected
    assert meeting.has_time and meeting.problems == ()


@pytest.mark.parametrize(("text", "problem", "expected"), [
    ("давайте в 25:00", "invalid_time", None),
    ("в 14:75 удобно", "invalid_time", None),
    ("в 25 часов", "invalid_time", None),
    ("давайте сегодня в 10", "past", _at(11, 18, 10)),
    ("давайте 31 декабря в 12:00", "holiday", _at(12, 31, 12)),
    ("7 января в 11:00", "holiday", _at(1, 7, 11, year=2027)),
    ("давайте в субботу в 11", "weekend", _at(11, 21, 11)),
    ("давайте в 15", "date_assumed", _at(11, 18, 15)),
    ("давайте в 10 утра по мск", "date_assumed", _at(11, 19, 10)),
])
def test_a_slot_that_cannot_be_booked_as_is_is_flagged(text: str, problem: str,
                                                       expected: datetime | None) -> None:
    meeting = read_meeting(text, now=WED, lang="ru")
    assert meeting.when == expected
    assert problem in meeting.problems and meeting.reason


def test_an_invalid_time_says_which() -> None:
    assert "25:00" in read_meeting("давайте в 25:00", now=WED).reason


def test_a_us_holiday_for_a_lead_in_new_york() -> None:
    meeting = read_meeting("Let's talk Thursday 11/26 at 11am", now=WED, tz="America/New_York",
                           lang="en")
    assert meeting.when == datetime(2026, 11, 26, 11, tzinfo=ZoneInfo("America/New_York"))
    assert meeting.problems == ("holiday",) and "Thanksgiving" in meeting.reason


def test_a_day_without_a_time_is_a_meeting_at_midnight_without_time() -> None:
    meeting = read_meeting("давайте созвонимся в четверг", now=WED)
    assert meeting.when == _at(11, 19, 0) and not meeting.has_time


@pytest.mark.parametrize("text", [
    "напишите в четверг",
    "мы работаем в 15 регионах",
    "в 2026 году планируем",
    "давайте созвонимся через месяц",
    "in 15 minutes",
    "к 15.11 пришлите",
    "у нас в 5 филиалах 30% отзывов",
    "I will be back on 2026-11-30.",
    "",
])
def test_no_meeting_where_there_is_none(text: str) -> None:
    meeting = read_meeting(text, now=WED, lang=_lang(text) if text else "ru")
    assert meeting.when is None and meeting.problems == ()


def test_alternatives_are_all_kept_in_order() -> None:
    meeting = read_meeting("в среду в 11 или в четверг в 15", now=WED)
    assert meeting.options == (_at(11, 25, 11), _at(11, 19, 15))


def test_the_slot_is_in_the_lead_zone() -> None:
    meeting = read_meeting("давайте в четверг в 15", now=WED, tz="Asia/Yekaterinburg")
    assert meeting.when == datetime(2026, 11, 19, 15, tzinfo=ZoneInfo("Asia/Yekaterinburg"))


def test_read_slots_carries_the_meeting() -> None:
    slots = read_slots("Вторник в 11:00 подходит.", now=WED, lang="ru")
    assert slots.meeting == _at(11, 24, 11) and slots.meeting_has_time
    bad = read_slots("давайте в 25:00", now=WED, lang="ru")
    assert bad.meeting is None and bad.meeting_problems == ("invalid_time",)


NOON_WED = datetime(2026, 12, 2, 12, 0, tzinfo=timezone(timedelta(hours=3)))  # Wed 2 Dec 2026
OUR_SLOTS_RU = ("\n\nср, 2 дек. 2026 г. в 10:00, Наполеон <sales@napoleon.example>:\n"
                "> Предлагаем время для демо:\n> - четверг, 3 декабря, 11:00 (МСК)\n"
                "> - пятница, 4 декабря, 15:00 (МСК)\n> - понедельник, 7 декабря, 11:00 (МСК)\n")
OUR_SLOTS_EN = ("\n\nOn Wed, Dec 2, 2026 at 10:00 AM Napoleon <sales@napoleon.example> wrote:\n"
                "> - Thursday, December 3, 11:00 (Moscow time)\n"
                "> - Friday, December 4, 15:00 (Moscow time)\n")


@pytest.mark.parametrize(("reply", "quote", "lang", "expected"), [
    ("Давайте второй вариант", OUR_SLOTS_RU, "ru", _at(12, 4, 15)),
    ("Второй", OUR_SLOTS_RU, "ru", _at(12, 4, 15)),
    ("вариант 3", OUR_SLOTS_RU, "ru", _at(12, 7, 11)),
    ("Пятница подходит", OUR_SLOTS_RU, "ru", _at(12, 4, 15)),  # the day of one offered time
    ("в 15 удобно", OUR_SLOTS_RU, "ru", _at(12, 4, 15)),  # the hour of one offered time
    ("Вторник в 11:00 подходит.", OUR_SLOTS_RU, "ru", _at(12, 8, 11)),  # a time of their own
    ("The second one works", OUR_SLOTS_EN, "en", _at(12, 4, 15)),
    ("Friday works", OUR_SLOTS_EN, "en", _at(12, 4, 15)),
    ("Option 1 please", OUR_SLOTS_EN, "en", _at(12, 3, 11)),
])
def test_a_pick_among_the_times_we_offered(reply: str, quote: str, lang: str,
                                           expected: datetime) -> None:
    slots = read_slots(reply + quote, now=NOON_WED, lang=lang)
    assert slots.meeting == expected and slots.meeting_has_time


def test_the_offered_times_passed_in_win_over_the_quote() -> None:
    offered = (_at(12, 9, 10), _at(12, 10, 16))
    slots = read_slots("давайте второй вариант", now=NOON_WED, lang="ru", offered=offered)
    assert slots.meeting == _at(12, 10, 16)


def test_a_refusal_picks_nothing() -> None:
    slots = read_slots("Спасибо, не интересно" + OUR_SLOTS_RU, now=NOON_WED, lang="ru")
    assert slots.meeting is None


@pytest.mark.parametrize(("line", "tz", "hour"), [
    ("Thursday, December 3, 11:00 (Moscow time)", "Europe/Moscow", 11),  # letters sent before
    ("Thursday, December 3, 11:00 (Moscow time, UTC+3)", "Europe/Moscow", 11),
    ("Thursday, December 3, 11:00 (New York time, UTC-5)", "America/New_York", 11),
    ("четверг, 3 декабря, 11:00 (UTC+5)", "Asia/Yekaterinburg", 11),
    ("четверг, 3 декабря, 11:00 (МСК)", "Asia/Yekaterinburg", 13),  # 11:00 Moscow is 13:00 there
])
def test_our_offered_times_are_read_back_in_their_own_zone(line: str, tz: str, hour: int) -> None:
    # The slots we offer name their zone (brain/when.py); a quote of them read in another zone,
    # or the offset read as bare "UTC", would book the lead an hour or eight off.
    offered = offered_in_quote(f"> - {line}\n", now=NOON_WED, tz=tz,
                               lang="en" if line[0].isascii() else "ru")
    assert offered == (datetime(2026, 12, 3, hour, 0, tzinfo=ZoneInfo(tz)),)
