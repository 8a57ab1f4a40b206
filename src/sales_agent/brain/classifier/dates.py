"""Dates in a reply, resolved against the message date: our own table first, dateparser after.

`find_dates` returns every date it sees with its role: "return" (back on…), "until" (до, until),
"after" (после, after: the next day), or "plain". `pick_until` chooses the one that matters.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .date_words import (
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINAL_QUARTER,
    SEASONS,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    after_new_year,
    first_workday,
    lookup,
)
from .dates_rel import relative_dates


@dataclass(frozen=True)
class FoundDate:
    day: date
    role: str  # "return" | "until" | "after" | "plain"
    start: int
    phrase: str


_RETURN = re.compile(r"(вернусь|возвраща|вернемся|выйду|выхожу|буду на (связи|месте|работе)|"
                     r"буду в офисе|буду доступ|отвечу|отвечать|back\b|return|available|"
                     r"in the office|reply|respond)"
                     r"[^.!?]{0,25}$")
_UNTIL = re.compile(r"(\bдо|\bпо|until|till|through|\bthru|\bto)\s*(the\s+)?$")
_AFTER = re.compile(r"(после|after|не раньше|no earlier than|not before|позже)\s*(the\s+)?$")


def _role(text: str, start: int) -> str:
    before = text[max(0, start - 40): start]
    if _AFTER.search(before):
        return "after"
    if _RETURN.search(before):
        return "return"
    if _UNTIL.search(before):
        return "until"
    return "plain"


def _future(today: date, month: int, day: int, year: int | None = None) -> date | None:
    day = min(day, calendar.monthrange(year or today.year, month)[1])
    try:
        found = date(year or today.year, month, day)
    except ValueError:
        return None
    if year is None and found < today:
        found = date(today.year + 1, month, day)
    return found


def _month_start(today: date, month: int) -> date:
    if month == today.month:
        return today + timedelta(days=1)
    found = _future(today, month, 1)
    assert found is not None
    return after_new_year(today) if month == 1 else found


def _absolute(text: str, today: date) -> list[tuple[int, int, date | None, bool]]:
    """(start, end, date, is_range_end) for calendar dates written out."""
    out: list[tuple[int, int, date | None, bool]] = []
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        out.append((m.start(), m.end(), _safe(int(m[1]), int(m[2]), int(m[3])), False))
    numeric = (r"(?<![\d.:,$€₽])(\d{1,2})[./](\d{2})(?:[./](\d{2,4}))?(?![\d:]|\.\d|,\d)"
               r"(?!\s*(?:тыс|млн|млрд|руб|р\b|k\b|m\b|%|₽|\$|€|usd|rub))")
    for m in re.finditer(numeric, text):
        d, mo = int(m[1]), int(m[2])
        year = int(m[3]) + (2000 if m[3] and len(m[3]) == 2 else 0) if m[3] else None
        clock = re.search(r"(\bв|\bat|\bс|\bдо)\s*$", text[max(0, m.start() - 4): m.start()])
        if clock and d <= 23:  # "в 11.10" is a time of day
            continue
        if 1 <= d <= 31 and 1 <= mo <= 12:
            out.append((m.start(), m.end(), _future(today, mo, d, year), False))
    day_month = (rf"(?:(?:с\s+|from\s+)?(\d{{1,2}})\s*(?:[-–—]|по|to|till|until|до)\s*)?"
                 rf"(\d{{1,2}})(?:-?(?:го|е|th|st|nd|rd))?\s+(?:of\s+)?"
                 rf"({MONTH_RE})(?:\s+(\d{{4}}))?")
    for m in re.finditer(day_month, text):
        month = lookup(MONTHS, m[3])
        if month:
            found = _future(today, month, int(m[2]), int(m[4]) if m[4] else None)
            ranged = bool(m[1])
            if ranged and found:  # "5–9 October": back the day after the range
                found += timedelta(days=1)
            out.append((m.start(), m.end(), found, ranged))
    for m in re.finditer(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(\d{{4}}))?",
                         text):
        month = lookup(MONTHS, m[1])
        if month and re.match(r"[a-z]", m[1]):
            out.append((m.start(), m.end(), _future(today, month, int(m[2]),
                                                    int(m[3]) if m[3] else None), False))
    day_only = (r"(?:(?:после|after|до|until|till|с|from|by|к|on)\s+(?:the\s+)?(\d{1,2})"
                r"(?:th|st|nd|rd)|\b(\d{1,2})(?:-?го|\s+числа))\b(?!\s*(?:" + MONTH_RE + "))")
    for m in re.finditer(day_only, text):
        group = 1 if m[1] else 2
        day = int(m[group])
        if 1 <= day <= 31:
            start = m.start(group)
            found = _future(today, today.month, day)
            if found and found.year > today.year and today.month < 12:
                found = _future(today, today.month + 1, day)
            out.append((start, m.end(), found, False))
    return out


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _months(text: str, today: date) -> list[tuple[int, int, date | None, bool]]:
    out: list[tuple[int, int, date | None, bool]] = []
    where = (r"(во?\s+втор\w+\s+половин\w+|second\s+half\s+of|в\s+последн\w+\s+числ\w+|"
             r"в\s+перв\w+\s+(?:половин\w+|числ\w+|декад\w+)|first\s+half\s+of|"
             r"в\s+середине|середин[аеуы]|mid[- ]|middle of|"
             r"в\s+начале|начало|начала|early|beginning of|the start of|start of|"
             r"в\s+конце|ближе\s+к\s+концу|к\s+концу|конец|конца|end of|late|the end of)?\s*")
    for m in re.finditer(rf"{where}({MONTH_RE})", text):
        month = lookup(MONTHS, m[2])
        if not month:
            continue
        start = _month_start(today, month)
        part = (m[1] or "").strip()
        if re.search(r"втор|second", part):
            start = _future(today, month, 16) or start
        elif re.search(r"серед|mid", part):
            start = _future(today, month, 15) or start
        elif re.search(r"кон|end|late|последн", part):
            last = calendar.monthrange(start.year, month)[1]
            start = _future(today, month, last - 3) or start
        out.append((m.start(), m.end(), start, False))
    seasons = r"\b(весн\w*|spring|летом|summer|осен\w*|autumn|the\s+fall|зим\w*|winter)\b"
    for m in re.finditer(seasons, text):
        month = lookup(SEASONS, m[1].replace("летом", "лет").replace("the fall", "fall"))
        if month:
            out.append((m.start(), m.end(), _month_start(today, month), False))
    return out


def _quarters(text: str, today: date) -> list[tuple[int, int, date | None, bool]]:
    out: list[tuple[int, int, date | None, bool]] = []
    q_now = (today.month - 1) // 3 + 1
    for m in re.finditer(r"(перв|втор|трет|четверт|first|second|third|fourth|[1-4]|iv|iii|ii|i)"
                         r"[а-яa-z-]*\s*(?:кв\.?|квартал\w*|quarter)|\bq([1-4])\b", text):
        q = ORDINAL_QUARTER.get(m[1]) if m[1] else int(m[2])
        if q is None:
            continue
        year = today.year + (1 if q <= q_now else 0)
        if q == q_now:
            out.append((m.start(), m.end(), today + timedelta(days=1), False))
            continue
        start = date(year, 3 * q - 2, 1)
        out.append((m.start(), m.end(), after_new_year(today) if q == 1 else start, False))
    return out


def _weekdays(text: str, today: date) -> list[tuple[int, int, date | None, bool]]:
    out: list[tuple[int, int, date | None, bool]] = []
    for m in re.finditer(rf"(следующ\w+\s+|next\s+)?\b({WEEKDAY_RE})", text):
        wd = lookup(WEEKDAYS, m[2])
        if wd is None:
            continue
        if m[1]:  # "в следующий вторник": that weekday of next week
            monday = today + timedelta(days=7 - today.weekday())
            found = monday + timedelta(days=wd)
        else:
            found = today + timedelta(days=(wd - today.weekday()) % 7 or 7)
        out.append((m.start(), m.end(), found, False))
    return out


def find_dates(text: str, now: datetime) -> list[FoundDate]:
    """Every date expression in `text` (lower-cased inside), masked so no span counts twice."""
    low = text.lower().replace("ё", "е")
    today = now.date()
    found: list[FoundDate] = []
    for finder in (_absolute, relative_dates, _quarters, _months, _weekdays):
        for start, end, day, _ranged in sorted(finder(low, today), key=lambda x: x[0]):
            if day is None or "\0" in low[start:end]:
                continue
            role = _role(low, start)
            if role == "after" and _is_day(low[start:end]):
                day += timedelta(days=1)
            found.append(FoundDate(day, role, start, text[start:end]))
            low = low[:start] + "\0" * (end - start) + low[end:]
    if not found:
        found = _dateparser(text, now)
    return sorted(found, key=lambda f: f.start)


def _is_day(phrase: str) -> bool:
    """An exact calendar day ("20 октября", "15.11"), not a month or a span."""
    return bool(re.search(r"\d", phrase)) and not re.search(UNIT_RE, phrase)


def _dateparser(text: str, now: datetime) -> list[FoundDate]:
    if not re.search(rf"{MONTH_RE}|\d", text.lower()):
        return []
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": now.replace(tzinfo=None), "PREFER_DATES_FROM": "future",
                "DATE_ORDER": "DMY"}
    try:
        hits = search_dates(text[:500], languages=["ru", "en"], settings=settings) or []
    except Exception:  # dateparser has raised on odd input before; a date is never worth a crash
        return []
    out = []
    for phrase, when in hits:
        if (len(phrase) < 4 or phrase.strip().isdigit() or when.date() <= now.date()
                or re.search(r"within|течени|hour|час|минут|minute", phrase.lower())):
            continue
        start = text.find(phrase)
        out.append(FoundDate(when.date(), _role(text.lower(), start), start, phrase))
    return out


def pick_until(found: list[FoundDate], *, auto_reply: bool = False) -> date | None:
    """The date that matters: a return date, then (autoresponder) an "until", else the latest."""
    if not found:
        return None
    for role in ("return", "until") if auto_reply else ("return",):
        chosen = [f.day for f in found if f.role == role]
        if chosen:
            return max(chosen)
    return max(f.day for f in found)


__all__ = ["NUMBER_RE", "UNITS", "FoundDate", "find_dates", "first_workday", "pick_until"]
