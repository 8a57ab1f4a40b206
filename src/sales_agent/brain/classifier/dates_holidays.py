"""Holidays and seasons as a reader resolves them: the RU New Year and May breaks, 23 February,
Christmas and Thanksgiving in English, «до конца года», «ближе к весне», "after the summer".

Each resolver gives (best, earliest, latest) against today's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .date_words import add_workdays, after_holidays, after_new_year, first_workday, thanksgiving

Resolved = tuple[date, date, date]
# "After Thanksgiving" written the Monday after it, «после праздников» on 12 January: the holiday
# has just passed, so the reader means "now that it is over", not the same holiday a year later.
JUST_PASSED = timedelta(days=30)


def just_passed(t: date, this_years_end: date) -> bool:
    """The holiday ended (its first working day after) on or before today, within a month."""
    return this_years_end <= t < this_years_end + JUST_PASSED


def from_now(t: date) -> Resolved:
    """The first working day after today, with a week's slack."""
    best = first_workday(t + timedelta(days=1))
    return best, t + timedelta(days=1), best + timedelta(days=6)


def year_end(t: date) -> Resolved:
    year = t.year if date(t.year, 12, 21) > t else t.year + 1
    return date(year, 12, 21), max(t + timedelta(days=1), date(year, 12, 20)), date(year, 12, 31)


def after_new_year_window(t: date, lang_en: bool = False) -> Resolved:
    country = "US" if lang_en else "RU"
    if t.month == 1 and just_passed(t, after_new_year(date(t.year - 1, 12, 31), country)):
        return from_now(t)
    best = after_new_year(t, country)
    earliest = date(best.year, 1, 4 if lang_en else 9)
    # an English office is back on the 4th, yet "after the holidays" may mean the week after
    return best, min(best, earliest), add_workdays(best, 5 if lang_en else 2, country)


def after_holidays_window(t: date, m: re.Match[str]) -> Resolved:
    if re.search(r"[a-z]", m[0]):  # "after the holidays": Christmas and New Year
        return after_new_year_window(t, lang_en=True)
    if t.month == 1 and t.day > 10:  # the New Year break is over: not the next one
        return after_new_year_window(t)
    best = after_holidays(t)
    return best, best - timedelta(days=2), add_workdays(best, 2)


_BUSY = re.compile(r"\bне\b|\bнет\b|занят|не до|не актуал|заморож|отпуск|загружен|завал|\bnot\b|"
                   r"\bno\b|busy|frozen|closed|out of|booked|swamped|slammed")


def busy_until(m: re.Match[str]) -> bool:
    """«До конца X не актуально / заняты»: not before then (against «свяжитесь до конца X»)."""
    if not re.match(r"до|until", m[0].strip()):
        return False
    return busy_sentence(m.string, m.start(), m.end())


def busy_sentence(text: str, start: int, end: int) -> bool:
    """The sentence around text[start:end] says "not now" (busy, closed, not relevant)."""
    first = text.rfind(".", 0, start) + 1
    last = text.find(".", end)
    return bool(_BUSY.search(text[first: len(text) if last < 0 else last]))


def until_year_end(t: date, m: re.Match[str]) -> Resolved:
    """«До конца года не актуально» → after New Year; «свяжитесь до конца года» → late December."""
    latin = bool(re.search(r"[a-z]", m[0]))
    return after_new_year_window(t, latin) if busy_until(m) else year_end(t)


def closer_to_season(t: date, m: re.Match[str]) -> Resolved:
    month = {"вес": 3, "spr": 3, "лет": 6, "sum": 6, "осе": 9, "aut": 9, "fal": 9, "зим": 12,
             "win": 12}[m[2][:3]]
    start = date(t.year, month, 1)
    if start <= t:
        start = date(t.year + 1, month, 1)
    return start, max(t + timedelta(days=1), start - timedelta(days=14)), start + timedelta(days=14)


def after_season(t: date, m: re.Match[str]) -> Resolved:
    """"after the summer" → the first of September (the next season's first month)."""
    month = {"лет": 9, "sum": 9, "зим": 3, "win": 3, "вес": 6, "spr": 6, "осе": 12, "aut": 12,
             "fal": 12}[m[3][:3]]
    start = date(t.year, month, 1)
    start = start if start > t else date(t.year + 1, month, 1)
    return start, start, start + timedelta(days=14)


def after_christmas(t: date) -> Resolved:
    if just_passed(t, date(t.year - 1, 12, 28)):
        return from_now(t)
    day = date(t.year, 12, 28)
    day = day if day > t else date(t.year + 1, 12, 28)
    return day, day - timedelta(days=1), day + timedelta(days=4)


def between_christmas_and_new_year(t: date) -> Resolved:
    day = date(t.year, 12, 28)
    day = day if day > t else date(t.year + 1, 12, 28)
    return day, max(t + timedelta(days=1), day - timedelta(days=2)), day + timedelta(days=3)


def after_old_new_year(t: date) -> Resolved:
    """«После старого Нового года»: after 14 January."""
    day = date(t.year, 1, 14) if t < date(t.year, 1, 14) else date(t.year + 1, 1, 14)
    best = first_workday(day + timedelta(days=1))
    return best, day, best + timedelta(days=6)


def before_christmas(t: date) -> Resolved:
    day = date(t.year, 12, 21)
    day = day if day > t else date(t.year + 1, 12, 21)
    return day, max(t + timedelta(days=1), day - timedelta(days=7)), day + timedelta(days=2)


def after_thanksgiving(t: date) -> Resolved:
    """The Monday after the fourth Thursday of November."""
    day = thanksgiving(t.year) + timedelta(days=4)
    if just_passed(t, day):
        return from_now(t)
    day = day if day > t else thanksgiving(t.year + 1) + timedelta(days=4)
    return day, day - timedelta(days=3), day + timedelta(days=4)


def after_easter(t: date, m: re.Match[str]) -> Resolved:
    """The first working day after Easter Monday's weekend: Western Easter in English, the
    Orthodox one for «после Пасхи»."""
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    latin = bool(re.search(r"[a-z]", m[0]))
    kind, country = (EASTER_WESTERN, "US") if latin else (EASTER_ORTHODOX, "RU")
    sunday = easter(t.year, kind)
    if sunday + timedelta(days=1) <= t:
        sunday = easter(t.year + 1, kind)
    best = first_workday(sunday + timedelta(days=1), country)
    return best, sunday + timedelta(days=1), best + timedelta(days=7)


def before_thanksgiving(t: date) -> Resolved:
    day = thanksgiving(t.year)
    day = day if day > t else thanksgiving(t.year + 1)
    return day - timedelta(days=3), max(t + timedelta(days=1), day - timedelta(days=10)), day


def after_may(t: date) -> Resolved:
    if just_passed(t, first_workday(date(t.year, 5, 9))):
        return from_now(t)
    year = t.year if t < date(t.year, 5, 9) else t.year + 1
    best = first_workday(date(year, 5, 9))  # the day after the Victory Day break
    return best, best - timedelta(days=1), add_workdays(best, 2)


def before_may(t: date) -> Resolved:
    year = t.year if t < date(t.year, 4, 28) else t.year + 1
    return date(year, 4, 27), max(t + timedelta(days=1), date(year, 4, 20)), date(year, 4, 30)


def year_start(t: date, lang_en: bool = False) -> Resolved:
    best = after_new_year(t, "US" if lang_en else "RU")
    return best, best, date(best.year, 1, 31)
