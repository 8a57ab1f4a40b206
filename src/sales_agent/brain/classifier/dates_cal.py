"""Calendar dates written out: "15.11", "20 октября", "mid-November", quarters, seasons.

Each finder returns (start, end, date, window) spans over lower-cased text, where window is
(earliest, latest) for a loose phrase ("в ноябре", "во втором квартале") and None for one day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .date_words import (
    MONTH_RE,
    MONTHS,
    ORDINAL_QUARTER,
    SEASONS,
    WEEKDAY_RE,
    add_workdays,
    after_new_year,
    first_workday,
    lookup,
)
from .dates_holidays import busy_sentence
from .dates_week import nth_weekday_dates

Window = tuple[date, date]
Span = tuple[int, int, date | None, Window | None]

RECENT_PAST = timedelta(days=90)  # "мы говорили 10 ноября" is the past, not next November


def _future(today: date, month: int, day: int, year: int | None = None, *,
            keep_recent: bool = False) -> date | None:
    if not 1 <= day <= 31:  # «32 декабря» is no date; «31 февраля» is read as its month's end
        return None
    day = min(day, calendar.monthrange(year or today.year, month)[1])
    try:
        found = date(year or today.year, month, day)
    except ValueError:
        return None
    if year is None and found < today and not (keep_recent and today - found <= RECENT_PAST):
        found = date(today.year + 1, month, day)
    return found


def _country(lang: str) -> str:
    """Whose calendar: the New Year break is Russian, an English reply's is not."""
    return "US" if lang == "en" else "RU"


def _month_start(today: date, month: int, lang: str = "ru") -> date:
    if month == today.month:
        return today + timedelta(days=1)
    found = _future(today, month, 1)
    assert found is not None
    return after_new_year(today, _country(lang)) if month == 1 else found


_NUMERIC = re.compile(
    r"(?<![\d.:,$€₽/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d:/]|\.\d|,\d)"
    r"(?!\s*(?:тыс|млн|млрд|руб|р\b|k\b|m\b|%|₽|\$|€|usd|rub|час|ч\b|hour|мин|min))")


def _day_month(first: int, second: int, sep: str, lang: str) -> tuple[int, int]:
    """US order (12/14, 12/7) for a slash in English; else day first unless impossible."""
    if (sep == "/" and lang == "en" and first <= 12) or (second > 12 >= first):
        return second, first
    return first, second


def _clock_like(before: str, m: re.Match[str]) -> bool:
    """"в 11.10", "at 9.30", "до 18.00": a time of day, not a date ("к 15.11", "до 20.12")."""
    if m[4] or m[2] != "." or len(m[3]) != 2 or int(m[1]) > 23:
        return False
    minute = int(m[3])
    if re.search(r"(\bв|\bat|\bс|\bк|\bfrom|\bby)\s*$", before):
        return minute % 5 == 0
    return bool(re.search(r"(\bдо|\buntil|\btill)\s*$", before)) and minute in (0, 30)


def absolute_dates(text: str, today: date, lang: str = "ru") -> list[Span]:
    """(start, end, date, window) for calendar dates written out."""
    out: list[Span] = nth_weekday_dates(text, today)
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        out.append((m.start(), m.end(), _safe(int(m[1]), int(m[2]), int(m[3])), None))
    for m in _NUMERIC.finditer(text):
        if m[0] == "24/7":  # round the clock, not a date
            continue
        before = text[max(0, m.start() - 16): m.start()]
        dated = m[4] or re.search(WEEKDAY_RE, before) or (m[2] == "/" and lang == "en")
        if len(m[3]) == 1 and not dated:  # "1.5 месяца" is a number, "Monday 12/7" a date
            continue
        d, mo = _day_month(int(m[1]), int(m[3]), m[2], lang)
        year = int(m[4]) + (2000 if len(m[4]) == 2 else 0) if m[4] else None
        if _clock_like(before, m):
            continue  # "в 11.10" is a time of day
        if 1 <= d <= 31 and 1 <= mo <= 12:
            out.append((m.start(), m.end(), _future(today, mo, d, year, keep_recent=True),
                        None))
    day_month = (rf"(?:(?:с\s+|from\s+)?(\d{{1,2}})\s*(?:[-–—]|по|to|till|until|до)\s*)?"
                 rf"(\d{{1,2}})(?:-?(?:го|е|th|st|nd|rd))?\s+(?:of\s+)?"
                 rf"({MONTH_RE})(?:\s+(\d{{4}}))?")
    for m in re.finditer(day_month, text):
        month = lookup(MONTHS, m[3])
        if month:
            found = _future(today, month, int(m[2]), int(m[4]) if m[4] else None,
                            keep_recent=True)
            window = None
            if m[1] and found:  # "5–9 October": back on the first working day after
                after = found + timedelta(days=1)
                found = first_workday(after, "US" if re.match(r"[a-z]", m[3]) else "RU")
                window = (after, max(found, add_workdays(after, 1)))
            out.append((m.start(), m.end(), found, window))
    for m in re.finditer(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)"
                         rf"(?:\s*[-–—]\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?![:/.]\d|\s*(?:am|pm|h\b)))?"
                         rf"(?:,?\s+(\d{{4}}))?", text):
        month = lookup(MONTHS, m[1])
        if month and re.match(r"[a-z]", m[1]):
            found = _future(today, month, int(m[3] or m[2]), int(m[4]) if m[4] else None,
                            keep_recent=True)
            window = None
            if m[3] and found:  # "out Nov 23-27": back on the first working day after
                after = found + timedelta(days=1)
                found = first_workday(after, "US")
                window = (after, max(found, add_workdays(after, 1, "US")))
            out.append((m.start(), m.end(), found, window))
    day_only = (r"(?:(?:после|after|до|until|till|с|from|by|к|on|around|about|circa|"
                r"week\s+of|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)\s+(?:the\s+)?(\d{1,2})"
                r"(?:th|st|nd|rd)|\b(\d{1,2})(?:-?го|\s+числа))\b(?!\s*(?:" + MONTH_RE + "))"
                r"(?!\s+of\s+the\s+year)")
    for m in re.finditer(day_only, text):
        group = 1 if m[1] else 2
        day = int(m[group])
        if 1 <= day <= 31:
            start = m.start(group)
            named = _MONTH_BEFORE.search(text[max(0, start - 40): start])
            month = lookup(MONTHS, named[1]) if named else None  # «в январе, после 15-го»
            found = _future(today, month or today.month, day)
            if not month and found and found.year > today.year:  # passed: the next month's
                nxt = date(today.year + today.month // 12, today.month % 12 + 1, 1)
                found = _future(today, nxt.month, day, nxt.year)
            out.append((start, m.end(), found, None))
    return out


# A month named just before a bare day, in the same clause: «в январе, после 15-го».
_MONTH_BEFORE = re.compile(rf"({MONTH_RE})[\s,—–-]*(?:(?:где-?то|примерно|числа|после|не\s+раньше|"
                           rf"с|до|к|around|after|on|by|from|the)\s+)*$")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_last(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _part_of_month(today: date, month: int, part: str, lang: str = "ru"
                   ) -> tuple[date, Window]:
    """The best day and the window for "в начале / в середине / в конце / во второй половине"."""
    start = _month_start(today, month, lang)
    first = start.replace(day=1) if month != 1 else date(start.year, 1, 1)
    last = _month_last(first)
    if re.search(r"втор|second", part):
        best = _future(today, month, 16) or start
        return best, (best, last)
    if re.search(r"серед|mid", part):
        best = _future(today, month, 15) or start
        return best, (max(start, best - timedelta(days=5)), best + timedelta(days=5))
    if re.search(r"кон|end|late|последн", part):
        best = _future(today, month, last.day - 3) or start
        return best, (max(start, best - timedelta(days=7)), _month_last(best))
    if re.search(r"половин|half", part):
        return start, (start, max(start, start.replace(day=15)))
    if part:  # начало, первые числа
        return start, (start, max(start, start.replace(day=10)))
    return start, (start, _month_last(start))


_AFTER_PART = r"(?:после|не\s+раньше|after|not\s+before|no\s+earlier\s+than)\s+(?:the\s+)?"
_WEEK_NO = {"перв": 1, "first": 1, "втор": 8, "second": 8, "трет": 15, "third": 15,
            "четв": 22, "fourth": 22}
# «в двадцатых числах», «после 10-х чисел», «последняя неделя», "the third week of", «после
# середины»: a part of a month finer than its halves.
_MONTH_PART = re.compile(
    rf"(?P<after>{_AFTER_PART})?(?:в\s+|во\s+|на\s+|in\s+|during\s+)?(?:the\s+)?(?:"
    r"(?P<tens>десят\w+|двадцат\w+|10-?х|20-?х)\s+(?:числ\w*|чисел)|"
    r"(?P<dec>перв\w*|втор\w*|трет\w*|последн\w*)\s+декад\w*|"
    r"(?P<last>последн\w+\s+недел\w+|last\s+week\s+of)|"
    r"(?P<week>перв\w*|втор\w*|трет\w*|четв\w*|first|second|third|fourth)\s+(?:недел\w+|week\s+of)|"
    r"(?P<half>втор\w+\s+половин\w+|second\s+half\s+of)|"
    r"(?P<mid>середин\w+|mid[- ]|the\s+middle\s+of))\s*"
    rf"(?P<month>{MONTH_RE})")


def _month_part(today: date, m: re.Match[str], lang: str = "ru") -> tuple[date, Window] | None:
    month = lookup(MONTHS, m["month"])
    if not month or ((m["half"] or m["mid"]) and not m["after"]):
        return None  # «во второй половине», "mid-January": _part_of_month reads them
    start = _month_start(today, month, lang)
    last = _month_last(start).day
    if m["tens"]:
        day = 10 if re.match(r"десят|10", m["tens"]) else 20
    elif m["dec"]:  # «во второй декаде»: the 11th to the 20th
        day = 1 if m["dec"].startswith("перв") else 11 if m["dec"].startswith("втор") else 21
    elif m["last"]:
        day = last - 6
    elif m["week"]:
        day = next(v for k, v in _WEEK_NO.items() if m["week"].startswith(k))
    else:  # the second half, the middle
        day = 16 if m["half"] else 15
    if m["after"]:  # after the 10s / the first week / the middle: the part that follows
        step = 10 if m["tens"] or m["dec"] else 7 if m["week"] else 0 if m["half"] else 1
        day = min(last - 3, day + step)
    best = _future(today, month, day)
    if best is None:
        return None
    best = max(best, start)  # "the first week of January" starts when the holidays end
    return best, (best, min(_month_last(best), best + timedelta(days=9)))


def month_dates(text: str, today: date, lang: str = "ru") -> list[Span]:
    out: list[Span] = []
    for m in _MONTH_PART.finditer(text):
        part = _month_part(today, m, lang)
        if part:
            out.append((m.start(), m.end(), part[0], part[1]))
    taken = [(s, e) for s, e, _, _ in out]
    where = (r"(во?\s+втор\w+\s+половин\w+|second\s+half\s+of|в\s+последн\w+\s+числ\w+|"
             r"в\s+перв\w+\s+(?:половин\w+|числ\w+|декад\w+)|first\s+half\s+of|"
             r"в\s+середине|середин[аеуы]|mid[- ]|middle of|"
             r"в\s+начале|начало|начала|early|beginning of|the start of|start of|"
             r"в\s+конце|ближе\s+к\s+концу|к\s+концу|конец|конца|end of|late|the end of)?\s*")
    for m in re.finditer(rf"{where}({MONTH_RE})", text):
        month = lookup(MONTHS, m[2])
        if not month or any(s <= m.start(2) < e for s, e in taken):
            continue
        if not m[1] and re.search(rf"{MONTH_RE}\s*(?:[-–—]|или|or)\s*$", text[:m.start(2)]):
            continue  # «в феврале-марте»: the range starts with its first month
        best, window = _part_of_month(today, month, (m[1] or "").strip(), lang)
        if (re.search(r"кон|end", m[1] or "") and re.search(r"(\bдо|until)\s*$", text[:m.start()])
                and busy_sentence(text, m.start(), m.end())):
            # «до конца января мы заняты»: not before the month after
            best = _month_last(best) + timedelta(days=1)
            window = (best, best + timedelta(days=7))
        out.append((m.start(), m.end(), best, window))
    seasons = (r"(?:(в\s+начале|в\s+середине|в\s+конце|к\s+концу|ближе\s+к\s+концу|early|mid[- ]?|"
               r"late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)\s+(?:the\s+)?)?"
               r"\b(весн\w*|spring|летом|лета|summer|осен\w*|autumn|the\s+fall|fall|зим\w*|"
               r"winter)\b")
    for m in re.finditer(seasons, text):
        name = re.sub(r"^лет\w*", "лет", m[2]).replace("the fall", "fall")
        month = lookup(SEASONS, name)
        if month and m[1]:  # «в конце зимы», "early spring": a part of one of its months
            step = 2 if re.search(r"кон|end|late", m[1]) else 1 if re.search(r"серед|mid", m[1]) \
                else 0
            best, window = _part_of_month(today, (month + step - 1) % 12 + 1, m[1], lang)
            out.append((m.start(), m.end(), best, window))
        elif month and not (name == "fall" and not m[2].startswith("the")):
            start = _month_start(today, month, lang)
            end = _month_last(date(start.year + (month == 12), (month + 1) % 12 + 1, 1))
            out.append((m.start(), m.end(), start, (start, end)))
    return out


def quarter_dates(text: str, today: date, lang: str = "ru") -> list[Span]:
    out: list[Span] = []
    q_now = (today.month - 1) // 3 + 1
    for m in re.finditer(r"(?:(в\s+начале|early|beginning\s+of|start\s+of)\s+(?:the\s+)?|"
                         r"(в\s+конце|к\s+концу|ближе\s+к\s+концу|end\s+of|late|close\s+of|"
                         r"(?P<after>после|after|once)(?:\s+(?:the\s+)?(?:end\s+of|close\s+of|"
                         r"конца|окончания|закрытия))?)\s+(?:the\s+)?)?"
                         r"(?:(?P<nth>перв|втор|трет|четверт|first|second|third|fourth|[1-4]|iv|"
                         r"iii|ii|i)[а-яa-z-]*\s*(?:кв\.?|квартал\w*|quarter)|\bq(?P<qn>[1-4])\b)",
                         text):
        q = ORDINAL_QUARTER.get(m["nth"]) if m["nth"] else int(m["qn"])
        if q is None:
            continue
        year = today.year + (1 if q <= q_now else 0)
        start = date(year, 3 * q - 2, 1)
        if q == q_now:
            start = today + timedelta(days=1)
        elif q == 1:
            start = after_new_year(today, _country(lang))
        end = _month_last(date(year, 3 * q, 1)) if q != q_now else _month_last(
            date(today.year, 3 * q, 1))
        if m[1]:
            end = min(end, start + timedelta(days=14))
        elif m["after"]:  # "after Q4 close", «после первого квартала»: the next one's start
            start = after_new_year(end, _country(lang)) if end.month == 12 else \
                end + timedelta(days=1)
            out.append((m.start(), m.end(), start, (start, start + timedelta(days=14))))
            continue
        elif m[2]:  # «в конце первого квартала», "end of Q1": its last ten days
            start = max(start, end - timedelta(days=10))
            out.append((m.start(), m.end(), end - timedelta(days=5), (start, end)))
            continue
        out.append((m.start(), m.end(), start, (start, end)))
    return out
