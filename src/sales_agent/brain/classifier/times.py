"""Meeting times in a reply: «давайте созвонимся в четверг в 15», "tomorrow at 3pm".

`read_meeting` finds every proposed slot (a clock time with the day named beside it), resolves it
in the lead's time zone against the message time, and says what is wrong with it: not a time of
day («в 25:00»), already past, a public holiday, a weekend, or no day named (the day is assumed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .date_words import MONTH_RE, days_off, first_workday, is_day_off
from .dates import FoundDate, find_dates

_AMPM = r"[ap]\.?\s?m\b\.?"
_PART = (r"(?P<part>утра|дня|вечера|ночи|in\s+the\s+(?:morning|afternoon|evening)|"
         r"morning|afternoon|evening|tonight)")
_PREP = r"\b(?:в|во|at|к|с|from|by|around|на|до|until|to|till)"
# What may follow a bare hour («в 15»): not a noun («в 15 компаниях», «в 15 числа»).
_BARE_END = (r"(?=\s*(?:$|[.,!?;:)(\-–—]|\s(?:или|or|и|and|по|мск|msk|подходит|подойд\w*|удобно|"
             r"устроит|годится|пойдет|можно|ок|ok|норм\w*|works|is|suits|please|пожалуйста|"
             r"давайте|в|on|tomorrow|today|завтра|сегодня|next|this|до|to|till|until|утра|дня|"
             r"вечера|ночи|e[sd]?t|p[sd]?t|cet|cest|gmt|bst|utc)\b))")
_CLOCK = re.compile(
    rf"(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?:\s*(?P<ap>{_AMPM}))?(?:\s+{_PART})?"
    rf"|{_PREP}\s*(?P<h2>\d{{1,2}})[.\-](?P<m2>[0-5][05])(?![.\d])(?:\s*(?P<ap2>{_AMPM}))?"
    rf"|(?<![:.\d])(?P<h3>\d{{1,2}})\s*(?P<ap3>{_AMPM})"
    rf"|{_PREP}\s*(?P<h4>\d{{1,2}})(?![:.]?\d)(?!-(?:00|15|30|45)\b)(?!-?(?:го|е|ое|th|st|nd|rd)\b)"
    # «с 14 по 18 декабря» is a range of days
    rf"(?!\s*(?:[-–—]|по|до|to|till|until)\s*\d{{1,2}}(?:-?го)?\s+{MONTH_RE})"
    r"(?P<hours>\s*(?:час\w*|ч\b\.?|h\b|o'?clock))?"
    rf"(?:\s+(?P<part4>утра|дня|вечера|ночи|in\s+the\s+(?:morning|afternoon|evening)))?"
    rf"(?(hours)|(?(part4)|{_BARE_END}))"
    r"|(?P<noon>\bполдень|\bnoon\b|\bmidday\b)")
_TODAY = re.compile(r"\bсегодня\b|\btoday\b|\btonight\b|\bthis\s+(?:afternoon|evening|morning)\b")
_MEETING_CUE = re.compile(
    r"созвон|звон|встрет|встреч|видео|демо|демк|показ|zoom|зум|teams|skype|скайп|meet|call|"
    r"demo|подход|удобн|устро|слот|slot|перенес|перенос|reschedul|\bmove\b|works|suits|"
    r"давайте|let'?s|бронир|book")
_ZONES = {r"\bпо\s+мск\b|\bмск\b|\bmsk\b|по\s+москве|moscow\s+time": "Europe/Moscow",
          r"\bпо\s+екб\b|екатеринбург": "Asia/Yekaterinburg",
          r"\bпо\s+нск\b|новосибирск": "Asia/Novosibirsk",
          r"\bcet\b|\bcest\b|berlin\s+time": "Europe/Berlin",
          r"\bgmt\b|\bbst\b|london\s+time|uk\s+time": "Europe/London",
          r"\butc\b": "UTC", r"\be[sd]?t\b|eastern\s+time|new\s+york\s+time": "America/New_York",
          r"\bp[sd]?t\b|pacific\s+time": "America/Los_Angeles"}
_COUNTRY_BY_ZONE = {"Europe/Moscow": "RU", "Europe/Samara": "RU", "Asia/Yekaterinburg": "RU",
                    "Asia/Novosibirsk": "RU", "Europe/Kaliningrad": "RU", "Europe/Minsk": "BY",
                    "Asia/Almaty": "KZ", "Asia/Tashkent": "UZ", "Europe/London": "GB",
                    "Europe/Berlin": "DE", "Europe/Kyiv": "UA", "Europe/Kiev": "UA"}


@dataclass(frozen=True)
class MeetingTime:
    when: datetime | None  # the first usable slot, tz-aware; midnight when only a day is named
    has_time: bool
    problems: tuple[str, ...] = ()  # invalid_time | past | holiday | weekend | date_assumed
    reason: str = ""
    options: tuple[datetime, ...] = ()  # every slot proposed, in the order written


NO_MEETING = MeetingTime(None, False)


def country_of(zone: str) -> str:
    """The holiday calendar for a time zone: the listed ones, the US for America/*, else RU."""
    if zone in _COUNTRY_BY_ZONE:
        return _COUNTRY_BY_ZONE[zone]
    return "US" if zone.startswith("America/") else "RU"


def _clock(m: re.Match[str]) -> tuple[int, int] | None:
    """(hour, minute) on the 24-hour clock; out-of-range values are kept for the caller to flag."""
    if m["noon"]:
        return 12, 0
    hour = int(m["h"] or m["h2"] or m["h3"] or m["h4"])
    minute = int(m["m"] or m["m2"] or 0)
    ap = (m["ap"] or m["ap2"] or m["ap3"] or "").replace(".", "").replace(" ", "")
    part = m["part"] or m["part4"] or ""
    if ap == "pm" or re.search(r"дня|вечера|afternoon|evening|tonight", part):
        hour += 12 if hour < 12 else 0
    elif (ap == "am" or re.search(r"ночи", part)) and hour == 12:
        hour = 0
    elif not ap and not part and 1 <= hour <= (7 if m["h4"] else 6):
        hour += 12  # «в 3», "at 2:30": business hours, the afternoon
    return hour, minute


# "UTC+3", "GMT-5", «UTC+5» (our own offered slots carry one: brain/when.py): an offset is
# exact, so it wins over a city or a bare "UTC" in the same sentence. Whole hours only (Etc/GMT).
_OFFSET = re.compile(r"\b(?:utc|gmt)\s*([+\-−])\s*(\d{1,2})(?::(\d\d))?\b")


def _zone_named(sentence: str, default: str) -> str:
    offset = _OFFSET.search(sentence)
    if offset and offset.group(3) in (None, "00"):
        hours = int(offset.group(2)) * (1 if offset.group(1) == "+" else -1)
        if -12 <= hours <= 14:
            return f"Etc/GMT{-hours:+d}" if hours else "UTC"  # Etc/GMT-3 is UTC+3
    for pattern, zone in _ZONES.items():
        if re.search(pattern, sentence):
            return zone
    return default


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, at) for ch in ".!?\n;") + 1
    ends = [i for i in (text.find(ch, at) for ch in "!?\n;") if i >= 0]
    dot = re.search(r"\.(?!\d)", text[at:])
    if dot:
        ends.append(at + dot.start())
    return start, min(ends, default=len(text))


def _exact(found: FoundDate) -> bool:
    """A day one can meet on (not "через месяц", not "в ноябре")."""
    return found.earliest in (None, found.day) and (found.latest in (None, found.day)
                                                    or found.role != "plain")


def _days(found: list[FoundDate], low: str, now: datetime) -> list[tuple[int, date]]:
    days = [(f.start, f.day) for f in found if _exact(f)]
    days += [(m.start(), now.date()) for m in _TODAY.finditer(low)]
    return sorted(days)


def mask_clocks(text: str) -> str:
    """`text` with every clock time blanked (same length): a time is never a date («в 11.30»)."""
    low = text.lower().replace("ё", "е")
    for m in _clock_matches(low):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _day_for(at: int, days: list[tuple[int, date]], text: str) -> date | None:
    """The day written nearest the time in the same sentence; else the only day in the text."""
    lo, hi = _sentence_bounds(text, at)
    near = [(abs(pos - at) + (0 if pos < at else 10), day) for pos, day in days if lo <= pos < hi]
    if near:
        return min(near)[1]
    distinct = {day for _, day in days}
    return distinct.pop() if len(distinct) == 1 else None


def _problems(when: datetime, now: datetime, country: str) -> list[tuple[str, str]]:
    out = []
    if when < now:
        out.append(("past", f"{when:%Y-%m-%d %H:%M} is already past"))
    holiday = days_off(when.year, country)
    if when.date() in holiday:
        name = dict(holiday_names(when.year, country)).get(when.date(), "a public holiday")
        out.append(("holiday", f"{when:%Y-%m-%d} is a public holiday ({name})"))
    elif when.weekday() >= 5:
        out.append(("weekend", f"{when:%Y-%m-%d} is a {when:%A}"))
    return out


def holiday_names(year: int, country: str) -> list[tuple[date, str]]:
    import holidays

    try:
        return list(holidays.country_holidays(country, years=[year]).items())
    except NotImplementedError:
        return []


def _assumed_day(at: time, now: datetime, country: str) -> date:
    """No day named: today if the hour is still two hours away, else the next working day."""
    today = now.date()
    if not is_day_off(today, country) and datetime.combine(today, at, now.tzinfo) >= now + \
            timedelta(hours=2):
        return today
    return first_workday(today + timedelta(days=1), country)


def _clock_matches(low: str) -> list[re.Match[str]]:
    """Clock times, less dates that look like them («к 15.11») and the ends of ranges
    («с 14 до 16»: the meeting starts at 14)."""
    out: list[re.Match[str]] = []
    for m in _CLOCK.finditer(low):
        if m["h2"] and int(m["m2"]) % 5:
            continue
        gap = low[out[-1].end():m.end()] if out else ""
        if out and re.match(r"\s*(до|until|till|to|[-–])\s*(до|until|till|to|[-–])?\s*\d", gap):
            continue
        out.append(m)
    return out


def read_meeting(text: str, *, now: datetime, tz: str = "Europe/Moscow", lang: str = "ru",
                 dates: list[FoundDate] | None = None) -> MeetingTime:
    """The slot the lead proposes or accepts, resolved in `tz` against `now` (the message time).

    `dates`: `find_dates` over `mask_clocks(text)` when the caller already has them.
    """
    zone = ZoneInfo(tz)
    now = now.astimezone(zone) if now.tzinfo else now.replace(tzinfo=zone)
    low = text.lower().replace("ё", "е")
    country = country_of(tz)
    clocks = _clock_matches(low)
    masked = mask_clocks(low)
    if dates is None:
        dates = find_dates(masked, now, lang=lang)
    days = _days(dates, masked, now)
    options: list[datetime] = []
    problems: list[tuple[str, str]] = []
    for m in clocks:
        hour, minute = _clock(m)
        if hour > 23 or minute > 59:
            problems.append(("invalid_time", f"«{m[0].strip()}» is not a time of day"))
            continue
        day = _day_for(m.start(), days, masked)
        sentence = low[slice(*_sentence_bounds(low, m.start()))]
        local_zone = ZoneInfo(_zone_named(sentence, tz))
        if day is None:
            day = _assumed_day(time(hour, minute), now.astimezone(local_zone), country)
            problems.append(("date_assumed", f"no day named for {hour:02d}:{minute:02d}"))
        options.append(datetime.combine(day, time(hour, minute), local_zone).astimezone(zone))
    has_time = bool(options)
    if not options and days and _MEETING_CUE.search(masked) and not problems:
        options.append(datetime.combine(days[0][1], time(0, 0), zone))
    if not options:
        if problems:
            return MeetingTime(None, False, tuple(p for p, _ in problems),
                               "; ".join(r for _, r in problems))
        return NO_MEETING
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    problems += _problems(options[0], now if has_time else midnight, country)
    kinds = tuple(dict.fromkeys(p for p, _ in problems))
    return MeetingTime(options[0], has_time, kinds, "; ".join(r for _, r in problems),
                       tuple(options))


__all__ = ["NO_MEETING", "MeetingTime", "country_of", "mask_clocks", "read_meeting"]
