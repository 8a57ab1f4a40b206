"""Weekdays: «в четверг», "next Friday", «четверг на следующей неделе», "the first Monday of
December"; a working week ("Monday to Friday") is a schedule, not a date.

Each finder returns (start, end, date, window) spans over lower-cased text, like dates_cal.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .date_words import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS, lookup

Window = tuple[date, date]
Span = tuple[int, int, date | None, Window | None]

_NTH_WEEKDAY = re.compile(
    rf"(?P<nth>перв\w*|втор\w*|трет\w*|четв[её]рт\w*|последн\w*|first|second|third|fourth|last)"
    rf"\s+(?P<wd>{WEEKDAY_RE})\s+(?:of\s+|in\s+)?(?P<month>{MONTH_RE})")


def _nth_weekday(today: date, m: re.Match[str]) -> date | None:
    """«в первый понедельник декабря», "the last Friday of November"."""
    wd, month = lookup(WEEKDAYS, m["wd"]), lookup(MONTHS, m["month"])
    if wd is None or month is None:
        return None
    for year in (today.year, today.year + 1):
        first = date(year, month, 1)
        days = [first + timedelta(days=i) for i in range(calendar.monthrange(year, month)[1])]
        days = [d for d in days if d.weekday() == wd]
        nth = m["nth"]
        day = days[-1] if re.match(r"последн|last", nth) else days[
            next(i for i, k in enumerate(("перв|first", "втор|second", "трет|third",
                                          "четв|fourth")) if re.match(k, nth))]
        if day > today:
            return day
    return None


def nth_weekday_dates(text: str, today: date) -> list[Span]:
    return [(m.start(), m.end(), _nth_weekday(today, m), None) for m in _NTH_WEEKDAY.finditer(text)]


# «в четверг через неделю», "Thursday the week after next": a weekday of a later week
_NEXT_WEEK = (r"(?:на\s+)?(?:следующ\w+|след\.?)\s+недел\w+|next\s+week|"
              r"через\s+(?:одну\s+|две\s+)?недел[юи]|in\s+a\s+week|(?:the\s+)?week\s+after\s+next")
_THIS_WEEK = r"(?:на\s+)?этой\s+неделе|this\s+week"


_WEEK_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WEEKS_FROM = re.compile(r"\b(a|one|two|three|four|[1-4])\s+weeks?\s+from\s+(?:this\s+|next\s+)?$")


_WEEKDAY_ONLY = (r"(?:понедельник\w*|вторник\w*|сред[аеуы]|четверг\w*|пятниц[аеуы]|суббот[аеуы]|"
                 r"воскресень[еяю]|(?:mon|tues?|wed(?:nes)?|thu|thurs?|fri|satur|sun)(?:day)?\.?|"
                 r"пн|вт|ср|чт|пт|сб|вс)\b")
_RANGE_TO = r"\s*(?:-|–|—|to|through|thru|till|until|по|до)\s*"
_HOURS = re.compile(r"hours|working|\bwork\b|part-time|business\s+days|open|\d\s*(?:am|pm)|\d:\d\d|"
                    r"часы|график|работаем|работаю|режим|приём|прием")


def _working_week(text: str, start: int, end: int, wd: int) -> bool:
    """"Office hours Monday to Friday", «пн–пт с 9 до 18»: a schedule, not a day to write."""
    after = re.match(rf"{_RANGE_TO}({_WEEKDAY_ONLY})", text[end:])
    before = re.search(rf"\b({_WEEKDAY_ONLY}){_RANGE_TO}$", text[max(0, start - 30):start])
    if not (after or before):
        return False
    first, last = (wd, lookup(WEEKDAYS, after[1])) if after else (lookup(WEEKDAYS, before[1]), wd)
    sentence = text[text.rfind("\n", 0, start) + 1: (text.find("\n", end) + 1 or len(text) + 1) - 1]
    return (first == 0 and (last or 0) >= 4) or bool(_HOURS.search(sentence))


def weekday_dates(text: str, today: date, lang: str = "ru") -> list[Span]:
    """The next such weekday; «четверг на следующей неделе» is next week's; a weekday written
    beside a calendar date («в пятницу, 27 ноября», "Monday 12/7") is left to that date."""
    out: list[Span] = []
    pattern = (rf"(?:({_NEXT_WEEK})\s*,?\s*(?:в|во|on)?\s*|({_THIS_WEEK})\s*,?\s*(?:в|во|on)?\s*)?"
               rf"((?:следующ\w+|след\.?)\s+|next\s+|(?:в\s+)?этот\s+|this\s+)?\b({WEEKDAY_RE})"
               rf"(?:\s*,?\s*(?:(?:on\s+|of\s+)?({_NEXT_WEEK})|({_THIS_WEEK}))|"
               r"(\s+after\s+(?:the\s+)?next\b(?!\s+week)))?")
    for m in re.finditer(pattern, text):
        wd = lookup(WEEKDAYS, m[4])
        if wd is None:
            continue
        if re.match(r"[\s,(]*(?:the\s+)?\0", text[m.end():]) or re.search(r"\0[\s,(]*$",
                                                                           text[:m.start()]):
            continue  # the calendar date beside it wins
        if _working_week(text, m.start(4), m.end(4), wd):
            continue
        monday = today + timedelta(days=7 - today.weekday())
        if m[7]:  # "the Monday after next": Monday of the week after the coming one
            found = monday + timedelta(days=7 + wd)
        elif m[1] or m[5] or (m[3] and re.match(r"след|next", m[3])):
            found = monday + timedelta(days=wd)  # that weekday of next week
            if re.search(r"две\s+недели|after\s+next", m[0]):
                found += timedelta(days=7)
        elif (m[2] or m[6] or m[3]) and wd > today.weekday():
            found = today + timedelta(days=wd - today.weekday())  # "в этот четверг"
        else:
            found = today + timedelta(days=(wd - today.weekday()) % 7 or 7)
        weeks = _WEEKS_FROM.search(text[max(0, m.start() - 20): m.start()])
        if weeks:  # "two weeks from Thursday": that many weeks after the coming Thursday
            found += timedelta(weeks=_WEEK_COUNT.get(weeks[1], 1))
            out.append((m.start() - len(weeks[0]), m.end(), found, None))
            continue
        out.append((m.start(), m.end(), found, None))
    return out
