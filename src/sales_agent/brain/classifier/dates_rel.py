"""Relative dates: "через две недели", "next month", "после праздников", "до конца года"…

A resolver gives either one day or (best, earliest, latest): the window a careful reader would
still accept («через две-три недели» → [+14, +21], «после праздников» → around 11 January).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from .date_words import NUMBER_RE, UNIT_RE, UNITS, after_new_year, first_workday, lookup, number
from .dates_holidays import (
    after_christmas,
    after_easter,
    after_holidays_window,
    after_may,
    after_new_year_window,
    after_old_new_year,
    after_season,
    after_thanksgiving,
    before_christmas,
    before_may,
    before_thanksgiving,
    between_christmas_and_new_year,
    busy_until,
    closer_to_season,
    until_year_end,
    year_end,
    year_start,
)

Window = tuple[date, date]
Resolved = date | tuple[date, date, date]  # a day, or (best, earliest, latest)
Span = tuple[int, int, date | None, Window | None]


def add_months(day: date, months: float) -> date:
    whole = int(months)
    extra_days = round((months - whole) * 30)
    month_index = day.month - 1 + whole
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last)) + timedelta(days=extra_days)


def _month_last(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _next_monday(t: date) -> date:
    return t + timedelta(days=7 - t.weekday())


def _month_end(t: date, months_ahead: int = 0) -> Resolved:
    first = add_months(t.replace(day=1), months_ahead)
    last = _month_last(first)
    if last - timedelta(days=3) <= t:
        return _month_end(t, months_ahead + 1)
    return last - timedelta(days=3), max(t + timedelta(days=1), last - timedelta(days=9)), last


def _en(m: re.Match[str]) -> bool:
    """An English phrase: the English-speaking calendar (no Russian New Year break)."""
    return bool(re.search(r"[a-z]", m[0]))


def _quarter_start(t: date, lang_en: bool = False) -> date:
    q = (t.month - 1) // 3 + 1
    return after_new_year(t, "US" if lang_en else "RU") if q == 4 else date(t.year, 3 * q + 1, 1)


def _next_quarter(t: date, m: re.Match[str]) -> Resolved:
    start = _quarter_start(t, _en(m))
    if re.search(r"начал|early|beginning|start", m[0]):  # the first ~2 weeks
        return start, start, start + timedelta(days=14)
    return start, start, _month_last(add_months(start.replace(day=1), 2))


def _friday(t: date) -> date:
    return t + timedelta(days=(4 - t.weekday()) % 7 or 7)


def _quarter_end(t: date, m: re.Match[str]) -> Resolved:
    """«к концу квартала»: the last ten days of this quarter (or of the next, if already there)."""
    if busy_until(m):
        start = _quarter_start(t, _en(m))
        return start, start, start + timedelta(days=14)
    last_month = ((t.month - 1) // 3 + 1) * 3
    end = _month_last(date(t.year, last_month, 1))
    if end - timedelta(days=3) <= t:
        end = _month_last(add_months(date(t.year, last_month, 1), 3))
    return end - timedelta(days=5), max(t + timedelta(days=1), end - timedelta(days=10)), end


def _week(t: date, m: re.Match[str]) -> Resolved:
    monday = _next_monday(t)
    if re.search(r"начал|early|beginning|start", m[0]):
        return monday, monday, monday + timedelta(days=2)
    if re.search(r"середин|mid", m[0]):
        return monday + timedelta(days=2), monday + timedelta(days=1), monday + timedelta(days=3)
    return monday, monday, monday + timedelta(days=4)


def _week_after_next(t: date, m: re.Match[str]) -> Resolved:
    """"the week after next", «через неделю после следующей»: the working days of that week."""
    monday = _next_monday(t) + timedelta(days=7)
    return monday, monday, monday + timedelta(days=4)


def _month(t: date, m: re.Match[str]) -> Resolved:
    first = add_months(t.replace(day=1), 1)
    if re.search(r"начал|early|beginning", m[0]):
        return first, first, first + timedelta(days=9)
    if re.search(r"середин|mid|middle", m[0]):
        return first.replace(day=15), first.replace(day=10), first.replace(day=20)
    if re.search(r"late", m[0]):
        return _month_end(t, 1)
    return first, first, _month_last(first)


def _after_weekend(t: date, m: re.Match[str]) -> Resolved:
    """«После выходных», "after the weekend": the coming Monday (or the next working day)."""
    monday = first_workday(_next_monday(t), "US" if _en(m) else "RU")
    return monday, monday, monday + timedelta(days=1)


def _year(t: date, m: re.Match[str]) -> Resolved | None:
    """«В начале 2027 года», "in 2027": next year's start; this year's number says nothing."""
    if int(m["year"]) != t.year + 1:
        return None
    return year_start(t, _en(m)) if m["early"] else after_new_year_window(t, _en(m))


def _half_year(t: date, m: re.Match[str]) -> Resolved:
    """«Во втором полугодии», "in H2": the first two weeks of that half."""
    if re.search(r"втор|second|h2", m[0]):
        start = date(t.year if t.month < 7 else t.year + 1, 7, 1)
        return start, start, start + timedelta(days=14)
    best = after_new_year(t, "US" if _en(m) else "RU")
    return best, best, best + timedelta(days=14)


_HOLIDAYS = (r"(?:после|after)\s+(?:новогодних\s+)?(?:праздник\w*|каникул|нового\s+года|нг\b|"
             r"праздничных\s+дней|новогодних\b|the\s+holidays|new\s+year\w*|"
             r"the\s+(?:holiday|winter|christmas|xmas|new\s+year'?s?)\s+(?:season|break|period|"
             r"holidays?)|(?:the\s+)?(?:year[- ]end|end\s+of\s+(?:the\s+)?year)(?:\s+close)?)"
             r"|(?:once|when)\s+the\s+holidays\s+(?:are\s+over|end|are\s+behind\s+us|are\s+done|"
             r"wrap\s+up)|"
             r"(?:когда|как)\s+(?:закончатся|пройдут)\s+(?:новогодние\s+)?праздники|"
             r"(?:когда|как)\s+(?:новогодние\s+)?праздники\s+(?:закончатся|пройдут)")
_OVER_NEW_YEAR = (r"(?:на|в)\s+(?:новогодн\w+\s+(?:праздник\w*|каникул\w*)|каникулах)|"
                  r"(?:over|during)\s+the\s+(?:holidays|holiday\s+(?:season|break)|new\s+year|"
                  r"winter\s+break|christmas\s+break)|"
                  r"в\s+новом\s+году|in\s+the\s+new\s+year")
_SEASON = (r"(ближе\s+к|к|towards?|closer\s+to|nearer\s+to)\s+"
           r"(весн|лет|осен|зим|spring|summer|autumn|fall|winter)\w*")
_NEXT = r"(?:следующ\w+|след\.?)"
_QUARTER = (r"(?:(?:в|на)\s+)?(?:начал[еуо]\s+|early\s+(?:in\s+)?(?:the\s+)?|beginning\s+of\s+"
            r"(?:the\s+)?|(?:at\s+)?the\s+start\s+of\s+(?:the\s+)?)?"
            rf"(?:(?:{_NEXT}|нов\w+)\s+квартал\w*|(?:next|the\s+new)\s+quarter)")

# a week after the coming one, said without a number: "the week after next", "after next week",
# "not next week, the one after", «после следующей недели», «не на следующей неделе, а через одну»
_WEEK_AFTER_NEXT = (
    r"(?:the\s+)?week\s+after\s+(?:the\s+)?next(?:\s+one)?|after\s+(?:the\s+)?next\s+week|"
    r"next\s+week,?\s+(?:but\s+)?the\s+one\s+after|"
    rf"(?:через\s+неделю\s+)?после\s+{_NEXT}\s+недел\w+|"
    rf"(?:на\s+)?{_NEXT}\s+недел\w+,?\s+а\s+через\s+одну|через\s+одну\s+неделю|"
    rf"через\s+неделю\s+после\s+{_NEXT}")

# (pattern, resolver(today, match)); the first pattern that covers a span wins.
_FIXED: list[tuple[str, Callable[[date, re.Match[str]], Resolved]]] = [
    (r"послезавтра|day after tomorrow", lambda t, m: t + timedelta(days=2)),
    (r"(ближе\s+)?к\s+(новому\s+году|нг\b)|перед\s+(новым\s+годом|нг\b)|before\s+(the\s+)?(new\s+year|"
     r"holidays)", lambda t, m: year_end(t)),
    (r"(перед|до)\s+(новогодними\s+|новогодних\s+)?праздник\w*",
     lambda t, m: year_end(t) if t.month >= 11 else None),
    (r"between\s+christmas\s+and\s+(the\s+)?new\s+year'?s?|между\s+рождеством\s+и\s+новым\s+годом",
     lambda t, m: between_christmas_and_new_year(t)),
    (r"после\s+старого\s+нового\s+года", lambda t, m: after_old_new_year(t)),
    (r"after\s+the\s+break|после\s+перерыва",  # in December: the holiday break
     lambda t, m: after_new_year_window(t, _en(m)) if t.month == 12 else None),
    (r"before\s+(christmas|xmas)", lambda t, m: before_christmas(t)),
    (r"after\s+(christmas|xmas)|(over|during)\s+(christmas|xmas)",
     lambda t, m: after_christmas(t)),
    (r"after\s+(the\s+)?thanksgiving|(once|when)\s+thanksgiving\s+is\s+(over|behind\s+us|done)",
     lambda t, m: after_thanksgiving(t)),
    (r"after\s+easter|после\s+пасхи", after_easter),
    (r"после\s+рождеств\w*", lambda t, m: after_new_year_window(t)),  # 7 January: in the break
    (r"before\s+thanksgiving", lambda t, m: before_thanksgiving(t)),
    (r"завтра|tomorrow", lambda t, m: t + timedelta(days=1)),
    (r"через\s+полгода|in\s+half\s+a\s+year|in\s+six\s+months", lambda t, m: add_months(t, 6)),
    (r"(после|after)\s+(майск\w+|may\s+holidays)", lambda t, m: after_may(t)),
    (r"(до|перед)\s+майск\w+", lambda t, m: before_may(t)),
    (_HOLIDAYS, after_holidays_window),
    (r"до\s+(?:конца|окончания)\s+(?:новогодних\s+)?(?:праздник\w*|каникул)|"
     r"until\s+the\s+(?:end\s+of\s+the\s+)?holidays\s+(?:are\s+over|end)", after_holidays_window),
    (_OVER_NEW_YEAR, lambda t, m: after_new_year_window(t, lang_en=_en(m))),
    (r"after\s+the\s+(first|1st)\s+of\s+the\s+year",
     lambda t, m: after_new_year_window(t, lang_en=True)),
    (rf"(в\s+начале\s+|early\s+|beginning\s+of\s+)({_NEXT}\s+год\w*|next\s+year|"
     r"нового\s+года|the\s+new\s+year)", lambda t, m: year_start(t, _en(m))),
    (rf"({_NEXT}\s+год\w*|next\s+year|нового\s+года|the\s+new\s+year)",
     lambda t, m: after_new_year_window(t, _en(m))),
    (r"(до|until)\s+(конца|end\s+of)\s+(этого\s+|the\s+|this\s+)?(года|year)", until_year_end),
    (r"(в|к|ближе\s+к|by|at|towards?)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этого\s+|the\s+|this\s+)?"
     r"(года|year)|year[- ]end|\beoy\b", lambda t, m: year_end(t)),
    (_SEASON, closer_to_season),
    (r"(после|after)\s+(the\s+)?(лета|summer|зимы|winter|весны|spring|осени|autumn|fall)\b",
     after_season),
    (r"(в|к|до|by|at|until)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этого\s+|the\s+|this\s+)?"
     r"(квартала|quarter)", _quarter_end),
    (_QUARTER, _next_quarter),
    (rf"(в\s+|by\s+|at\s+)?(the\s+)?(конц\w+|end\s+of)\s+(the\s+)?(?:{_NEXT}\s+"
     r"месяц\w*|next\s+month)", lambda t, m: _month_end(t, 1)),
    (r"(в\s+начале|early\s+(in\s+)?|(at\s+)?the\s+(beginning|start)\s+of)\s+(the\s+)?(года|year)",
     lambda t, m: year_start(t, _en(m))),
    (r"later\s+(this|in\s+the)\s+month|позже\s+в\s+этом\s+месяце|\beom\b",
     lambda t, m: _month_end(t)),
    (r"(после|after)\s+(the\s+)?(выходных|weekend)", _after_weekend),
    (r"(в\s+начале|early\s+in\s+the|at\s+the\s+(?:beginning|start)\s+of\s+the)\s+(месяца|month)",
     lambda t, m: _month(t, m)),
    (r"(?:на|в)\s+следующей(?=\s*(?:[.,!?;)]|$))", _week),  # «заняты на этой, пишите на следующей»
    (r"(?:(?P<early>в\s+начале|early(?:\s+in)?|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of)"
     r"\s+|(?:в|in)\s+)(?P<year>20\d\d)(?:\s*г\.|\s+год\w*)?\b", _year),
    (r"(в|во)\s+(перв|втор)\w+\s+полугоди\w+|in\s+(the\s+)?(first|second)\s+half\s+of\s+"
     r"(the\s+|next\s+)?year|\bin\s+h[12]\b", _half_year),
    (r"(до|until)\s+(конца|end\s+of)\s+(этого\s+|the\s+|this\s+)?(месяца|month)",
     lambda t, m: add_months(t.replace(day=1), 1)),
    (r"(в|к|ближе\s+к|by|at|towards?)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этого\s+|the\s+|this\s+)?"
     r"(месяца|month)", lambda t, m: _month_end(t)),
    (rf"(в\s+начале\s+|early\s+|beginning\s+of\s+|с\s+|в\s+середине\s+|mid[- ]|"
     rf"(?:the\s+)?middle\s+of\s+(?:the\s+)?|late\s+|later\s+)?({_NEXT}\s+месяц\w*|next\s+month)",
     _month),
    (_WEEK_AFTER_NEXT, _week_after_next),
    (rf"(в\s+|by\s+|at\s+)?(the\s+)?(конц\w+|end\s+of)\s+(the\s+)?({_NEXT}\s+недел\w+|next\s+week)",
     lambda t, m: _next_monday(t) + timedelta(days=4)),
    (r"(до|until)\s+(конца|end\s+of)\s+(этой\s+|the\s+|this\s+)?(недели|week)",
     lambda t, m: _next_monday(t)),
    (r"(в|к|by|at)?\s*(the\s+)?(конц\w+|end\s+of)\s+(этой\s+|the\s+|this\s+)?(недели|week)",
     lambda t, m: _friday(t)),
    (rf"(в\s+(начале|середине)\s+|early\s+|mid[- ]|с\s+)?(на\s+|со?\s+)?"
     rf"({_NEXT}\s+недел\w*|next\s+week)", _week),
    (r"(на\s+)?(этой\s+неделе|this\s+week)", lambda t, m: t + timedelta(days=2)),
    (r"на\s+днях|in\s+a\s+few\s+days", lambda t, m: t + timedelta(days=3)),
]

_FIXED_COMPILED = [(re.compile(pattern), resolve) for pattern, resolve in _FIXED]

# «через недели две»: a number written after its unit, in words only («через неделю 2 раза»)
_WORD_NUMBER = r"(?:две|два|три|четыре|пять|шесть|пару|несколько)"
_ABOUT = r"another|еще|about|around|approximately|roughly|примерно|около|где-то|приблизительно"
_SPAN = re.compile(
    rf"через\s+(?P<unit4>недели|недельки|месяца|дня|года)\s+(?P<amount4>{_WORD_NUMBER}(?:\s*[-–]\s*{_WORD_NUMBER})?)\b|"
    rf"(?:через|in|after|спустя|give\s+(?:it|us|me)|дайте\s+(?:нам\s+|мне\s+)?|ещ[её]|"
    rf"for\s+(?:another|the\s+next))\s*"
    rf"(?:(?:{_ABOUT})\s+|~\s*)?"
    rf"(?P<amount>{NUMBER_RE}(?:\s+(?:или|or)\s+{NUMBER_RE}|\s*[-–]\s*{NUMBER_RE})?)?\s*"
    rf"(?:half\s+)?(?P<unit>{UNIT_RE})"
    rf"(?:(?:\s*[-–]\s*|\s+(?:or|или)\s+)(?P<upto>две|два|три|two|three|[23]|друг\w+)\b)?|"
    rf"\b(?P<amount2>{NUMBER_RE})\s+(?P<unit2>{UNIT_RE})\s+(?:спустя|from\s+(?:now|today)|later|"
    rf"(?=after\s|после\s))|"
    rf"\b(?P<unit3>{UNIT_RE})\s+через\s+(?P<amount3>{NUMBER_RE})\b")  # «недельки через две»


def _shift(t: date, amount: float, days: int, months: int) -> date:
    return add_months(t, amount * months) if months else t + timedelta(days=round(amount * days))


def _span(t: date, m: re.Match[str]) -> Resolved | None:
    amount_text = m["amount"] if m["unit"] else m["amount2"] or m["amount3"] or m["amount4"]
    unit = lookup({k: i for i, k in enumerate(UNITS)},
                  m["unit"] or m["unit2"] or m["unit3"] or m["unit4"])
    if unit is None:
        return None
    days, months = list(UNITS.values())[unit]
    amounts = [1.0]
    if amount_text:
        amounts = [number(p) for p in re.split(r"\s+(?:или|or)\s+|\s*[-–]\s*", amount_text.strip())]
    if m["upto"]:  # "неделю-две", "a week or two", «месяц-другой»
        more = amounts[0] + 1 if m["upto"].startswith("друг") else number(m["upto"])
        amounts = [amounts[0], more]
    if max(amounts) * (days + 30 * months) > 3 * 366:  # «через 999 лет» is a joke, not a date
        return None
    best = _shift(t, sum(amounts) / len(amounts), days, months)
    low, high = _shift(t, min(amounts), days, months), _shift(t, max(amounts), days, months)
    slack = timedelta(days=0 if days == 1 or len(amounts) > 1 else 2 if days in (7, 14) else 7)
    # "через месяц" is loose; "через две-три недели" names its own bounds
    return best, max(t + timedelta(days=1), low - slack), high + slack


def _as_span(m: re.Match[str], found: Resolved | None) -> Span:
    if isinstance(found, tuple):
        return m.start(), m.end(), found[0], (found[1], found[2])
    return m.start(), m.end(), found, None


def relative_dates(text: str, today: date, lang: str = "ru") -> list[Span]:
    out: list[Span] = []
    for pattern, resolve in _FIXED_COMPILED:
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e, _, _ in out) and "\0" not in m[0]:
                out.append(_as_span(m, resolve(today, m)))
    for m in _SPAN.finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _, _ in out):
            out.append(_as_span(m, _span(today, m)))
    return out
