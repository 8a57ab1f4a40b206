"""Calendar dates written out: "15.11", "20 октября", "mid-November", quarters, weekdays.

Each finder returns (start, end, date, is_range_end) spans over lower-cased text.
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
    WEEKDAYS,
    after_new_year,
    lookup,
)

Span = tuple[int, int, date | None, bool]

RECENT_PAST = timedelta(days=90)  # "мы говорили 10 ноября" is the past, not next November


def _future(today: date, month: int, day: int, year: int | None = None, *,
            keep_recent: bool = False) -> date | None:
    day = min(day, calendar.monthrange(year or today.year, month)[1])
    try:
        found = date(year or today.year, month, day)
    except ValueError:
        return None
    if year is None and found < today and not (keep_recent and today - found <= RECENT_PAST):
        found = date(today.year + 1, month, day)
    return found


def _month_start(today: date, month: int) -> date:
    if month == today.month:
        return today + timedelta(days=1)
    found = _future(today, month, 1)
    assert found is not None
    return after_new_year(today) if month == 1 else found


def absolute_dates(text: str, today: date) -> list[Span]:
    """(start, end, date, is_range_end) for calendar dates written out."""
    out: list[Span] = []
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
            out.append((m.start(), m.end(), _future(today, mo, d, year, keep_recent=True),
                        False))
    day_month = (rf"(?:(?:с\s+|from\s+)?(\d{{1,2}})\s*(?:[-–—]|по|to|till|until|до)\s*)?"
                 rf"(\d{{1,2}})(?:-?(?:го|е|th|st|nd|rd))?\s+(?:of\s+)?"
                 rf"({MONTH_RE})(?:\s+(\d{{4}}))?")
    for m in re.finditer(day_month, text):
        month = lookup(MONTHS, m[3])
        if month:
            found = _future(today, month, int(m[2]), int(m[4]) if m[4] else None,
                            keep_recent=True)
            ranged = bool(m[1])
            if ranged and found:  # "5–9 October": back the day after the range
                found += timedelta(days=1)
            out.append((m.start(), m.end(), found, ranged))
    for m in re.finditer(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(\d{{4}}))?",
                         text):
        month = lookup(MONTHS, m[1])
        if month and re.match(r"[a-z]", m[1]):
            found = _future(today, month, int(m[2]), int(m[3]) if m[3] else None,
                            keep_recent=True)
            out.append((m.start(), m.end(), found, False))
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


def month_dates(text: str, today: date) -> list[Span]:
    out: list[Span] = []
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


def quarter_dates(text: str, today: date) -> list[Span]:
    out: list[Span] = []
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


def weekday_dates(text: str, today: date) -> list[Span]:
    out: list[Span] = []
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
