"""Relative dates: "через две недели", "next month", "после праздников", "до конца года"…"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from .date_words import NUMBER_RE, UNIT_RE, UNITS, after_new_year, lookup, number


def add_months(day: date, months: float) -> date:
    whole = int(months)
    extra_days = round((months - whole) * 30)
    month_index = day.month - 1 + whole
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last)) + timedelta(days=extra_days)


def _next_monday(t: date) -> date:
    return t + timedelta(days=7 - t.weekday())


def _month_end(t: date, months_ahead: int = 0) -> date:
    first = add_months(t.replace(day=1), months_ahead)
    end = first.replace(day=calendar.monthrange(first.year, first.month)[1]) - timedelta(days=3)
    return end if end > t else _month_end(t, months_ahead + 1)


def _quarter_start(t: date) -> date:
    q = (t.month - 1) // 3 + 1
    if q == 4:
        return after_new_year(t)
    return date(t.year, 3 * q + 1, 1)


def _friday(t: date) -> date:
    return t + timedelta(days=(4 - t.weekday()) % 7 or 7)


def _year_end(t: date) -> date:
    end = date(t.year, 12, 21)
    return end if end > t else date(t.year + 1, 12, 21)


# (pattern, resolver(today, match)); the first pattern that covers a span wins.
_FIXED: list[tuple[str, Callable[[date, re.Match[str]], date]]] = [
    (r"послезавтра|day after tomorrow", lambda t, m: t + timedelta(days=2)),
    (r"(ближе\s+)?к\s+новому\s+году|перед\s+новым\s+годом|before\s+(the\s+)?(new\s+year|"
     r"christmas|holidays)", lambda t, m: _year_end(t)),
    (r"after\s+(christmas|xmas)", lambda t, m: _after_christmas(t)),
    (r"after\s+thanksgiving", lambda t, m: _after_thanksgiving(t)),
    (r"завтра|tomorrow", lambda t, m: t + timedelta(days=1)),
    (r"через\s+полгода|in\s+half\s+a\s+year|in\s+six\s+months", lambda t, m: add_months(t, 6)),
    (r"(после|after)\s+(новогодних\s+)?(праздник\w*|нового\s+года|нг\b|the\s+holidays|"
     r"new\s+year\w*)|в\s+новом\s+году|in\s+the\s+new\s+year", lambda t, m: after_new_year(t)),
    (r"после\s+майск\w+", lambda t, m: _after_may(t)),
    (r"(в\s+начале\s+|early\s+|beginning\s+of\s+)?(следующ\w+\s+год\w*|next\s+year|"
     r"нового\s+года|the\s+new\s+year)", lambda t, m: after_new_year(t)),
    (r"(до|until)\s+(конца|end\s+of)\s+(этого\s+|the\s+|this\s+)?(года|year)",
     lambda t, m: after_new_year(t)),
    (r"(в|к|ближе\s+к|до|by|at|towards?)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этого\s+|the\s+|this\s+)?"
     r"(года|year)|year[- ]end", lambda t, m: _year_end(t)),
    (r"(в|на)\s+следующ\w+\s+квартал\w*|next\s+quarter", lambda t, m: _quarter_start(t)),
    (r"(до|until)\s+(конца|end\s+of)\s+(этого\s+|the\s+|this\s+)?(месяца|month)",
     lambda t, m: add_months(t.replace(day=1), 1)),
    (r"(в|к|ближе\s+к|by|at|towards?)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этого\s+|the\s+|this\s+)?"
     r"(месяца|month)", lambda t, m: _month_end(t)),
    (r"(в\s+начале\s+|early\s+|beginning\s+of\s+|с\s+)?(следующ\w+\s+месяц\w*|next\s+month)",
     lambda t, m: add_months(t.replace(day=1), 1)),
    (r"(в\s+|by\s+|at\s+)?(the\s+)?(конц\w+|end\s+of)\s+(the\s+)?(следующ\w+\s+недел\w+|next\s+week)",
     lambda t, m: _next_monday(t) + timedelta(days=4)),
    (r"(до|until)\s+(конца|end\s+of)\s+(этой\s+|the\s+|this\s+)?(недели|week)",
     lambda t, m: _next_monday(t)),
    (r"(в|к|by|at)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этой\s+|the\s+|this\s+)?(недели|week)",
     lambda t, m: _friday(t)),
    (r"(в\s+начале\s+|early\s+|с\s+)?(на\s+|со?\s+)?(следующ\w+\s+недел\w*|next\s+week)",
     lambda t, m: _next_monday(t)),
    (r"(на\s+)?(этой\s+неделе|this\s+week)", lambda t, m: t + timedelta(days=2)),
    (r"на\s+днях|in\s+a\s+few\s+days", lambda t, m: t + timedelta(days=3)),
]


def _after_christmas(t: date) -> date:
    day = date(t.year, 12, 28)
    return day if day > t else date(t.year + 1, 12, 28)


def _after_thanksgiving(t: date) -> date:
    """The Monday after the fourth Thursday of November."""
    for year in (t.year, t.year + 1):
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        if thursday + timedelta(days=4) > t:
            return thursday + timedelta(days=4)
    return t


def _after_may(t: date) -> date:
    from .date_words import first_workday

    year = t.year if t < date(t.year, 5, 12) else t.year + 1
    return first_workday(date(year, 5, 12))


_ABOUT = r"another|еще|about|around|approximately|roughly|примерно|около|где-то|приблизительно"
_SPAN = re.compile(rf"(через|in|after|спустя)\s+(?:(?:{_ABOUT})\s+)?"
                   rf"({NUMBER_RE}(?:\s+или\s+{NUMBER_RE}|\s*-\s*\d+)?)?\s*(?:half\s+)?"
                   rf"({UNIT_RE})(?:\s+(?:or\s+two|или\s+две|или\s+два))?|"
                   rf"\b({NUMBER_RE})\s+({UNIT_RE})\s+(спустя|from\s+now|later)")


def _span(t: date, m: re.Match[str]) -> date | None:
    amount_text = m[2] if m[3] else m[4]
    unit_text = m[3] or m[5]
    unit = lookup({k: i for i, k in enumerate(UNITS)}, unit_text)
    if unit is None:
        return None
    days, months = list(UNITS.values())[unit]
    amount = 1.0
    if amount_text:
        parts = re.split(r"\s+или\s+|\s*-\s*", amount_text.strip())
        amount = sum(number(p) for p in parts) / len(parts)
    if m[0].endswith(("or two", "или две", "или два")):
        amount = 1.5
    if months:
        return add_months(t, amount * months)
    return t + timedelta(days=round(amount * days))


def relative_dates(text: str, today: date) -> list[tuple[int, int, date | None, bool]]:
    out: list[tuple[int, int, date | None, bool]] = []
    for pattern, resolve in _FIXED:
        for m in re.finditer(pattern, text):
            if not any(s <= m.start() < e for s, e, _, _ in out):
                out.append((m.start(), m.end(), resolve(today, m), False))
    for m in _SPAN.finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _, _ in out):
            out.append((m.start(), m.end(), _span(today, m), False))
    return out
