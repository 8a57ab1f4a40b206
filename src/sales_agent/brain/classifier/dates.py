"""Dates in a reply, resolved against the message date: our own table first, dateparser after.

`find_dates` returns every date it sees with its role: "return" (back on…), "until" (до, until),
"after" (после, after: the next day), or "plain", and the window [earliest, latest] a careful
reader would accept. `pick_until` chooses the one that matters, `pick_window` its window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .date_words import MONTH_RE, NUMBER_RE, UNIT_RE, WEEKDAY_RE, add_workdays, first_workday
from .dates_cal import absolute_dates, month_dates, quarter_dates
from .dates_rel import relative_dates
from .dates_week import weekday_dates


@dataclass(frozen=True)
class FoundDate:
    day: date
    role: str  # "return" | "resume" (auto-reply: «с 11.01 на связи») | "until" | "after" | "plain"
    start: int
    phrase: str
    earliest: date | None = None  # None: exactly `day`
    latest: date | None = None

    @property
    def window(self) -> tuple[date, date]:
        return self.earliest or self.day, self.latest or self.day


_RETURN = re.compile(r"(вернусь|возвраща|вернемся|вернется|выйду|выйдет|выхожу|выходит|"
                     r"буд(у|ет) на (связи|месте|работе)|буд(у|ет) в офисе|буд(у|ет) доступ|"
                     r"отвечу|отвечать|"
                     r"(?<!check )(?<!circle )(?<!get )(?<!come )(?<!reach )(?<!write )back\b|"
                     r"return|available|"
                     r"in the office|reply|respond)"
                     r"[^.!?]{0,25}$")
_UNTIL = re.compile(r"(\bдо|\bпо|until|till|through|\bthru|\bto)\s*(the\s+)?$")
_AFTER = re.compile(r"(после|after|не раньше|no earlier than|not before|позже)\s*(the\s+)?$")


def _role(text: str, start: int) -> str:
    before = text[max(0, start - 40): start]
    before = re.sub(rf"(?:{WEEKDAY_RE})[\s,]*$", "", before)  # "until Wednesday 25th November"
    if re.search(r"\0\s*[-–—]\s*$", before):  # "Dec 21 - Jan 4": the end of a range
        return "until"
    if _AFTER.search(before):
        return "after"
    if _RETURN.search(before):
        return "return"
    if _UNTIL.search(before):
        return "until"
    return "plain"


_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[а-я]")
_INCLUSIVE = re.compile(r"\s*\(?(включительно|inclusive|inclusively)")


def find_dates(text: str, now: datetime, *, lang: str | None = None) -> list[FoundDate]:
    """Every date expression in `text` (lower-cased inside), masked so no span counts twice.

    `now` is the message time in the lead's time zone; `lang` ("ru"/"en") decides 12/7 (US
    order in English); None guesses it from the letters.
    """
    low = text.lower().replace("ё", "е")
    if lang is None:
        lang = "en" if len(_LATIN.findall(low)) > len(_CYRILLIC.findall(low)) else "ru"
    today = now.date()
    found: list[FoundDate] = []
    for finder in (absolute_dates, weekday_dates, relative_dates, quarter_dates, month_dates):
        for start, end, day, window in sorted(finder(low, today, lang), key=lambda x: x[0]):
            if "\0" in low[start:end]:
                continue
            if day is not None:
                found.append(_found(low, text, start, end, day, window))
            low = low[:start] + "\0" * (end - start) + low[end:]  # «32 декабря»: no date at all
    if "\0" not in low:  # nothing we know, not even an impossible date: ask dateparser
        found = _dateparser(text, now)
    return _spans_after(sorted(found, key=lambda f: f.start), text.lower(), today)


# «через неделю после праздников», "a week after Thanksgiving": the span counts from the anchor
_SPAN_PHRASE = re.compile(rf"^(?:через|in|{NUMBER_RE})\b.*\b{UNIT_RE}$|"
                          rf"^{UNIT_RE}(?:\s+спустя)?$")
_AFTER_WORD = re.compile(r"^\s*(?:после|after|from)?\s*$")


def _spans_after(found: list[FoundDate], low: str, today: date) -> list[FoundDate]:
    out: list[FoundDate] = []
    i = 0
    while i < len(found):
        span, anchor = found[i], found[i + 1] if i + 1 < len(found) else None
        gap = low[span.start + len(span.phrase): anchor.start] if anchor else ""
        if (anchor and _SPAN_PHRASE.match(span.phrase.lower().strip()) and _AFTER_WORD.match(gap)
                and (gap.strip() or re.match(r"(после|after)\b", anchor.phrase.lower()))):
            shift = span.day - today
            lo, hi = anchor.window
            out.append(FoundDate(anchor.day + shift, anchor.role if anchor.role != "after"
                                 else "plain", span.start, span.phrase + gap + anchor.phrase,
                                 lo + shift, hi + shift))
            i += 2
            continue
        out.append(span)
        i += 1
    return out


# «с 11.01 в обычном режиме», «С 12 января — на связи», "from Jan 4 we're back": a return day.
_SINCE = re.compile(r"(\bс|\bсо|from|as\s+of|starting)\s*$")
_RESUMES = re.compile(r"^[\s,.:—–-]*(я\s+|мы\s+|офис\s+)?(снова\s+)?(на\s+связи|"
                      r"в\s+обычном\s+режиме|"
                      r"i\s*'?m\s+back|we\s*'?re\s+(back|open)|open\s+as\s+usual)")


def _found(low: str, text: str, start: int, end: int, day: date,
           window: tuple[date, date] | None) -> FoundDate:
    role = _role(low, start)
    resumes = _RESUMES.match(low[end: end + 40])
    if (role == "plain" and resumes and _SINCE.search(low[max(0, start - 12): start])
            and not re.match(r"[\s,—–-]*(будет\s+|will\s+be\s+)?[А-ЯЁA-Z]",
                             text[end + resumes.end():])):  # «с 14-го на связи Ольга»: hers
        role = "resume"  # an autoresponder's return day; in a human reply only a plain date
    before = re.sub(rf"(?:{WEEKDAY_RE})[\s,]*$", "", low[:start])  # "through Friday, Dec 11"
    through = role == "until" and (re.search(r"(\bпо|through|thru|\0\s*[-–—])\s*$", before)
                                   or _INCLUSIVE.match(low[end:]))
    if role == "after" and _is_day(low[start:end]):
        day += timedelta(days=1)  # "после 20-го": the next day
        window = None
    elif through and _is_day(low[start:end]):
        # "по 08.01 в отпуске", "out Dec 24 - Jan 1": back on the first working day after
        day = first_workday(day + timedelta(days=1), "US" if _LATIN.search(before[-40:]) and
                            not _CYRILLIC.search(before[-40:]) else "RU")
        window = None
    if role == "after" and window is None:
        window = (day, day + timedelta(days=6))
    elif role in ("return", "until", "resume") and window is None:
        window = (day, add_workdays(day, 1))  # back that day or the next working day
    earliest, latest = window or (None, None)
    return FoundDate(day, role, start, text[start:end], earliest, latest)


def _is_day(phrase: str) -> bool:
    """An exact calendar day ("20 октября", "15.11", "friday"), not a month or a span."""
    return bool(re.search(rf"\d|{WEEKDAY_RE}", phrase)) and not re.search(rf"\b{UNIT_RE}", phrase)


def _dateparser(text: str, now: datetime) -> list[FoundDate]:
    text = text.replace("24/7", "    ")  # round the clock, not 24 July
    if not re.search(MONTH_RE, text.lower()):  # bare digits (phones, prices) are not worth it
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


def pick_date(found: list[FoundDate], *, auto_reply: bool = False) -> FoundDate | None:
    """The date that matters: a return date, then (autoresponder) an "until", else the latest."""
    if not found:
        return None
    for role in ("return", "resume", "until") if auto_reply else ("return",):
        chosen = [f for f in found if f.role == role]
        if chosen:
            return max(chosen, key=lambda f: f.day)
    return max(found, key=lambda f: f.day)


def pick_until(found: list[FoundDate], *, auto_reply: bool = False) -> date | None:
    chosen = pick_date(found, auto_reply=auto_reply)
    return chosen.day if chosen else None


def pick_window(found: list[FoundDate], *, auto_reply: bool = False) -> tuple[date, date] | None:
    """[earliest, latest] acceptable for the date `pick_until` chooses."""
    chosen = pick_date(found, auto_reply=auto_reply)
    return chosen.window if chosen else None


__all__ = ["FoundDate", "find_dates", "first_workday", "pick_date", "pick_until", "pick_window"]
