"""`read_slots` dates: the best day and the window [earliest, latest], RU and EN, by table.

Every expectation is worked out by hand from the message date (a Russian working calendar:
2027 New Year break 1–10 January, Victory Day break to 10 May, 23 February on a Tuesday;
an English reply's New Year ends on the 1st, so its office is back on Monday 4 January).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from sales_agent.brain.classifier.slots import read_slots

MSK = timezone(timedelta(hours=3))
WED = datetime(2026, 11, 18, 11, 30, tzinfo=MSK)  # Wednesday 18 November 2026
MON_DEC = datetime(2026, 12, 7, 10, 0, tzinfo=MSK)  # Monday 7 December 2026
FRI_JAN = datetime(2027, 1, 15, 16, 0, tzinfo=MSK)  # Friday 15 January 2027
TUE_FEB = datetime(2027, 2, 16, 9, 0, tzinfo=MSK)  # Tuesday 16 February 2027
D = date


def _slots(text: str, now: datetime, *, auto_reply: bool | None = None):
    lang = "en" if sum("a" <= ch.lower() <= "z" for ch in text) > len(text) / 3 else "ru"
    return read_slots(text, now=now, lang=lang, auto_reply=auto_reply)


# (text, message date, best day, [earliest, latest]); the window None means exactly that day.
CASES = [
    # numeric dates; a US slash in English; the numeric date beats a weekday beside it
    ("Напишите 01.12, пожалуйста", WED, D(2026, 12, 1), None),
    ("Напомните мне 1.12.2026", WED, D(2026, 12, 1), None),
    ("Let's reconnect on 12/14", WED, D(2026, 12, 14), None),
    ("How about Monday 12/7?", WED, D(2026, 12, 7), None),
    ("Could you ping me Friday, 12/4?", WED, D(2026, 12, 4), None),
    ("напишите 2026-12-03", WED, D(2026, 12, 3), None),
    # a weekday with a date: the date wins, in either order
    ("Давайте в пятницу, 27 ноября", WED, D(2026, 11, 27), None),
    ("27 ноября, в пятницу, будет удобно", WED, D(2026, 11, 27), None),
    ("Можно во вторник 1 декабря", WED, D(2026, 12, 1), None),
    ("Thursday, December 3rd works", WED, D(2026, 12, 3), None),
    # weekdays relative to weeks
    ("четверг на следующей неделе", WED, D(2026, 11, 26), None),
    ("на следующей неделе в четверг", WED, D(2026, 11, 26), None),
    ("в следующий вторник", WED, D(2026, 11, 24), None),
    ("в этот четверг", WED, D(2026, 11, 19), None),
    ("next Friday", WED, D(2026, 11, 27), None),
    ("Thursday next week", WED, D(2026, 11, 26), None),
    ("напишите в понедельник", WED, D(2026, 11, 23), None),
    ("next week", WED, D(2026, 11, 23), (D(2026, 11, 23), D(2026, 11, 27))),
    # a day of the month
    ("после 20-го", WED, D(2026, 11, 21), (D(2026, 11, 21), D(2026, 11, 27))),
    ("after the 25th", WED, D(2026, 11, 26), (D(2026, 11, 26), D(2026, 12, 2))),
    ("после 8 марта", WED, D(2027, 3, 9), (D(2027, 3, 9), D(2027, 3, 15))),
    # spans and ranges of spans
    ("через две-три недели", WED, D(2026, 12, 6), (D(2026, 12, 2), D(2026, 12, 9))),
    ("через 2-3 недели", WED, D(2026, 12, 6), (D(2026, 12, 2), D(2026, 12, 9))),
    ("через неделю-две", WED, D(2026, 11, 28), (D(2026, 11, 25), D(2026, 12, 2))),
    ("in a week or two", WED, D(2026, 11, 28), (D(2026, 11, 25), D(2026, 12, 2))),
    ("через неделю", WED, D(2026, 11, 25), (D(2026, 11, 23), D(2026, 11, 27))),
    ("через месяц", WED, D(2026, 12, 18), (D(2026, 12, 11), D(2026, 12, 25))),
    ("in two weeks", WED, D(2026, 12, 2), (D(2026, 11, 30), D(2026, 12, 4))),
    ("через пару месяцев", WED, D(2027, 1, 18), (D(2027, 1, 11), D(2027, 1, 25))),
    ("через две-три недели", FRI_JAN, D(2027, 2, 2), (D(2027, 1, 29), D(2027, 2, 5))),
    # quarters
    ("в начале следующего квартала", WED, D(2027, 1, 11), (D(2027, 1, 11), D(2027, 1, 25))),
    ("early next quarter", WED, D(2027, 1, 4), (D(2027, 1, 4), D(2027, 1, 18))),
    ("в следующем квартале", WED, D(2027, 1, 11), (D(2027, 1, 11), D(2027, 3, 31))),
    ("let's revisit in Q1", WED, D(2027, 1, 4), (D(2027, 1, 4), D(2027, 3, 31))),
    ("во втором квартале", WED, D(2027, 4, 1), (D(2027, 4, 1), D(2027, 6, 30))),
    ("в начале следующего квартала", FRI_JAN, D(2027, 4, 1), (D(2027, 4, 1), D(2027, 4, 15))),
    ("Q2", FRI_JAN, D(2027, 4, 1), (D(2027, 4, 1), D(2027, 6, 30))),
    # holidays: the RU New Year and May breaks, 23 February, Thanksgiving and Christmas
    ("после праздников", WED, D(2027, 1, 11), (D(2027, 1, 9), D(2027, 1, 13))),
    ("после новогодних праздников", MON_DEC, D(2027, 1, 11), (D(2027, 1, 9), D(2027, 1, 13))),
    ("после Нового года", WED, D(2027, 1, 11), (D(2027, 1, 9), D(2027, 1, 13))),
    ("после праздников", TUE_FEB, D(2027, 2, 24), (D(2027, 2, 22), D(2027, 2, 26))),
    ("после майских", FRI_JAN, D(2027, 5, 11), (D(2027, 5, 10), D(2027, 5, 13))),
    ("after the holidays", WED, D(2027, 1, 4), (D(2027, 1, 4), D(2027, 1, 11))),
    ("after Thanksgiving", WED, D(2026, 11, 30), (D(2026, 11, 27), D(2026, 12, 4))),
    ("before Christmas", WED, D(2026, 12, 21), (D(2026, 12, 14), D(2026, 12, 23))),
    ("after Christmas", WED, D(2026, 12, 28), (D(2026, 12, 27), D(2027, 1, 1))),
    # the end of the year: to write by then, or not before the next one
    ("свяжитесь до конца года", WED, D(2026, 12, 21), (D(2026, 12, 20), D(2026, 12, 31))),
    ("до конца года", MON_DEC, D(2026, 12, 21), (D(2026, 12, 20), D(2026, 12, 31))),
    ("до конца года не актуально", WED, D(2027, 1, 11), (D(2027, 1, 9), D(2027, 1, 13))),
    ("до конца года", TUE_FEB, D(2027, 12, 21), (D(2027, 12, 20), D(2027, 12, 31))),
    # months, seasons, parts of months
    ("ближе к весне", WED, D(2027, 3, 1), (D(2027, 2, 15), D(2027, 3, 15))),
    ("ближе к весне", FRI_JAN, D(2027, 3, 1), (D(2027, 2, 15), D(2027, 3, 15))),
    ("весной", WED, D(2027, 3, 1), (D(2027, 3, 1), D(2027, 5, 31))),
    ("в январе", WED, D(2027, 1, 11), (D(2027, 1, 11), D(2027, 1, 31))),
    ("в середине января", WED, D(2027, 1, 15), (D(2027, 1, 11), D(2027, 1, 20))),
    ("в конце декабря", WED, D(2026, 12, 28), (D(2026, 12, 21), D(2026, 12, 31))),
    ("во второй половине декабря", WED, D(2026, 12, 16), (D(2026, 12, 16), D(2026, 12, 31))),
    ("в начале декабря", WED, D(2026, 12, 1), (D(2026, 12, 1), D(2026, 12, 10))),
    ("в следующем месяце", WED, D(2026, 12, 1), (D(2026, 12, 1), D(2026, 12, 31))),
    ("mid-January", WED, D(2027, 1, 15), (D(2027, 1, 10), D(2027, 1, 20))),
    ("в конце месяца", MON_DEC, D(2026, 12, 28), (D(2026, 12, 22), D(2026, 12, 31))),
    ("в конце следующего месяца", WED, D(2026, 12, 28), (D(2026, 12, 22), D(2026, 12, 31))),
    ("в начале года", WED, D(2027, 1, 11), (D(2027, 1, 11), D(2027, 1, 31))),
    ("недельки через две", WED, D(2026, 12, 2), (D(2026, 11, 30), D(2026, 12, 4))),
    ("circle back in a couple weeks", WED, D(2026, 12, 2), (D(2026, 11, 30), D(2026, 12, 4))),
    ("в первой половине января", WED, D(2027, 1, 11), (D(2027, 1, 11), D(2027, 1, 15))),
    ("к концу квартала", WED, D(2026, 12, 26), (D(2026, 12, 21), D(2026, 12, 31))),
    ("до конца квартала не до этого", WED, D(2027, 1, 11), (D(2027, 1, 11), D(2027, 1, 25))),
    ("let's talk after the summer", FRI_JAN, D(2027, 9, 1), (D(2027, 9, 1), D(2027, 9, 15))),
    ("не раньше марта", WED, D(2027, 3, 1), (D(2027, 3, 1), D(2027, 3, 31))),
    # Telegram shorthand
    ("давайте на след неделе", WED, D(2026, 11, 23), (D(2026, 11, 23), D(2026, 11, 27))),
    ("в след. вторник", WED, D(2026, 11, 24), None),
    ("после нг", WED, D(2027, 1, 11), (D(2027, 1, 9), D(2027, 1, 13))),
]


@pytest.mark.parametrize(("text", "now", "best", "window"), CASES)
def test_the_best_day_and_its_window(text: str, now: datetime, best: date,
                                     window: tuple[date, date] | None) -> None:
    slots = _slots(text, now)
    assert slots.until == best
    assert slots.until_range == (window or (best, best))


OUT_OF_OFFICE = [
    ("Я в отпуске до 11 января включительно.", WED, D(2027, 1, 12)),
    ("I'm out of office, back on Monday, January 11.", WED, D(2027, 1, 11)),
    ("Буду на связи с 12.01", WED, D(2027, 1, 12)),
    ("Out of office until 1/11", WED, D(2027, 1, 11)),
    ("I will return on Jan. 11, 2027", WED, D(2027, 1, 11)),
    ("Нахожусь в отпуске с 28.12 по 10.01", WED, D(2027, 1, 11)),
    ("Отсутствую до 04.12.2026", WED, D(2026, 12, 4)),
    ("Out of the office from Dec 21 through Jan 4", WED, D(2027, 1, 5)),
    ("В отпуске до понедельника", WED, D(2026, 11, 23)),
    ("Я на больничном, вернусь 25 ноября", WED, D(2026, 11, 25)),
    ("В командировке по 20.11, отвечу в понедельник", WED, D(2026, 11, 23)),
    ("I am out of the office and will be back on 2026-11-30.", WED, D(2026, 11, 30)),
    ("I'm OOO through Friday", WED, D(2026, 11, 23)),  # back on Monday
    ("I am on annual leave until 4 January 2027 and will respond on my return.", WED,
     D(2027, 1, 4)),
    ("Спасибо за письмо! Я в отпуске, вернусь 12 января", MON_DEC, D(2027, 1, 12)),
    ("Автоответ: отсутствую до 18 января. Срочно: +7 495 000-00-00", FRI_JAN, D(2027, 1, 18)),
    ("I'm out of the office Dec 21 - Jan 4", WED, D(2027, 1, 5)),
    ("Out of office 12/21-1/4", WED, D(2027, 1, 5)),
    ("I'm out until Wednesday 25th November", WED, D(2026, 11, 25)),
    ("В отпуске с 1 по 10 декабря", WED, D(2026, 12, 11)),
    ("Меня не будет до 5 января", WED, D(2027, 1, 5)),
]


@pytest.mark.parametrize(("text", "now", "back"), OUT_OF_OFFICE)
def test_an_out_of_office_gives_its_return_day(text: str, now: datetime, back: date) -> None:
    slots = _slots(text, now)
    assert slots.until == back
    assert slots.until_range is not None
    earliest, latest = slots.until_range
    # that day or the next working day (the RU New Year break makes it a week in January)
    assert earliest == back and back < latest <= back + timedelta(days=7)


@pytest.mark.parametrize("text", [
    "Вышлите, пожалуйста, презентацию",
    "Цена 5.5 тысяч в месяц — дорого",
    "Звоните: +7 (495) 123-45-67",
    "we are open 24/7",
    "у нас 3/4 бюджета уже ушло",
    "Мы говорили 10 ноября, помните?",  # the past is not a date to write again
    "32 декабря",
    "через 999 лет",
    "2026-02-30",
])
def test_no_date_where_there_is_none(text: str) -> None:
    slots = _slots(text, WED)
    assert slots.until is None and slots.until_range is None


def test_the_lead_time_zone_decides_what_tomorrow_is() -> None:
    late_in_moscow = datetime(2026, 11, 18, 22, 30, tzinfo=UTC)  # 01:30 on 19th, MSK
    assert read_slots("напишите завтра", now=late_in_moscow, lang="ru").until == D(2026, 11, 20)
    in_new_york = read_slots("write me tomorrow", now=late_in_moscow, tz="America/New_York",
                             lang="en")
    assert in_new_york.until == D(2026, 11, 19)


def test_our_quoted_letter_gives_no_date() -> None:
    text = ("Ок, через неделю.\n\nOn Mon, 16 Nov 2026 at 10:00, Napoleon <sales@napoleon.example>"
            " wrote:\n> Можем созвониться 1 декабря?")
    assert _slots(text, WED).until == D(2026, 11, 25)


@pytest.mark.parametrize(("text", "best"), [
    ("napishite cherez mesyac", D(2026, 12, 18)),
    ("posle prazdnikov", D(2027, 1, 11)),
    ("davayte na sleduyushchey nedele v pyatnicu", D(2026, 11, 27)),
    ("vernus 12 yanvarya", D(2027, 1, 12)),
])
def test_russian_in_latin_letters(text: str, best: date) -> None:
    assert read_slots(text, now=WED, lang="en").until == best


def test_a_time_in_latin_letters() -> None:
    slots = read_slots("davai zavtra v 11", now=WED, lang="en")
    assert slots.meeting == datetime(2026, 11, 19, 11, tzinfo=MSK) and slots.meeting_has_time


@pytest.mark.parametrize(("text", "expected"), [
    ("Автоответ: я в отпуске до 29 ноября.", D(2026, 11, 30)),  # a Sunday: back on Monday
    ("Out of office. I will be back on Saturday, November 28.", D(2026, 11, 30)),
    ("Автоответ: вернусь 26 ноября.", D(2026, 11, 26)),  # a Thursday stays
])
def test_an_autoresponders_day_off_return_is_the_next_working_day(text: str,
                                                                  expected: date) -> None:
    slots = _slots(text, WED, auto_reply=True)
    assert slots.until == expected
    assert slots.until_range is not None and slots.until_range[0] <= expected
