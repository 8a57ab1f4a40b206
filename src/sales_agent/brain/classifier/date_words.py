"""Vocabulary for dates in Russian and English: months, weekdays, numbers, units, holidays."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

MONTHS = {  # stem → month; Russian stems match every case ("ноябрь", "ноября", "ноябре")
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма[йяею]": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "jan(?:uary)?": 1, "feb(?:ruary)?": 2, "mar(?:ch)?": 3, "apr(?:il)?": 4, "may": 5,
    "june?": 6, "july?": 7, "aug(?:ust)?": 8, "sep(?:t|tember)?": 9, "oct(?:ober)?": 10,
    "nov(?:ember)?": 11, "dec(?:ember)?": 12,
}
# «25 ноя.», «3 дек»: Russian abbreviations, whole words only («марина» is no month)
_RU_SHORT = r"(?:янв|фев|мар|апр|авг|сент?|окт|нояб?|дек)(?![а-я])\.?"
# Russian: a stem and any ending; English: the name or its abbreviation, whole word only.
MONTH_RE = (r"\b(?:(?:" + "|".join(k for k in MONTHS if k[0] > "z" and k != "ма[йяею]")
            + r")[а-я]*|ма[йяею]\b|" + _RU_SHORT + "|(?:"
            + "|".join(k for k in MONTHS if k[0] <= "z") + r")\.?\b)")
MONTHS.update({"янв": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "окт": 10, "ноя": 11,
               "дек": 12})  # looked up after the full stems

WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
    "воскресен": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
    "пн": 0, "вт": 1, "ср": 2, "чт": 3, "пт": 4, "сб": 5, "вс": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4,
}
WEEKDAY_RE = (r"\b(?:понедельник\w*|вторник\w*|сред[ауы]\b|четверг\w*|пятниц[ауы]\b|"
              r"суббот[ауы]\b|воскресень[еяю]\b|(?:mon|tues?|wed(?:nes)?|thu|thurs?|fri|satur|sun)"
              r"(?:day)?\b\.?|(?<=в\s)(?:пн|вт|ср|чт|пт|сб|вс)\b)")

NUMBERS = {
    "один": 1, "одну": 1, "одна": 1, "a": 1, "an": 1, "one": 1, "два": 2, "две": 2, "пару": 2,
    "пара": 2, "couple of": 2, "a couple of": 2, "a couple": 2, "couple": 2, "two": 2, "три": 3,
    "three": 3, "тройку": 3,
    "четыре": 4, "four": 4, "пять": 5, "five": 5, "шесть": 6, "six": 6, "семь": 7, "seven": 7,
    "восемь": 8, "eight": 8, "девять": 9, "nine": 9, "десять": 10, "ten": 10,
    "полтора": 1.5, "полторы": 1.5, "несколько": 3, "a few": 3, "few": 3, "пол": 0.5,
    "half a": 0.5, "одиннадцать": 11, "двенадцать": 12, "четырнадцать": 14, "пятнадцать": 15,
    "двадцать": 20, "тридцать": 30,
}
NUMBER_RE = r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"

UNITS = {  # stem → (days, months)
    "дн": (1, 0), "ден": (1, 0), "сутк": (1, 0), "day": (1, 0), "недел": (7, 0), "week": (7, 0),
    "fortnight": (14, 0), "wk": (7, 0), "месяц": (0, 1), "месяч": (0, 1), "month": (0, 1),
    "квартал": (0, 3), "quarter": (0, 3), "год": (0, 12),
    r"нед\.?(?![а-я])": (7, 0), r"мес\.?(?![а-я])": (0, 1),  # «через 3 нед», «через 2 мес»
    "лет": (0, 12), "year": (0, 12),
}
UNIT_RE = r"(?:" + "|".join(UNITS) + r")[a-zа-я]*"

ORDINAL_QUARTER = {"перв": 1, "1": 1, "i": 1, "втор": 2, "2": 2, "ii": 2, "трет": 3, "3": 3,
                   "iii": 3, "четверт": 4, "4": 4, "iv": 4, "first": 1, "second": 2, "third": 3,
                   "fourth": 4}

SEASONS = {"весн": 3, "spring": 3, "лет": 6, "summer": 6, "осен": 9, "autumn": 9, "fall": 9,
           "зим": 12, "winter": 12}


def number(word: str) -> float:
    word = word.strip()
    return float(word) if word.isdigit() else NUMBERS.get(word, 1)


def lookup(table: dict[str, int], word: str) -> int | None:
    import re

    for stem, value in table.items():
        if re.match(stem, word):
            return value
    return None


@lru_cache(maxsize=64)
def days_off(year: int, country: str = "RU") -> frozenset[date]:
    """Public holidays and moved days off (the `holidays` package knows the RU decrees)."""
    import holidays

    try:
        return frozenset(holidays.country_holidays(country, years=[year]))
    except NotImplementedError:  # an unknown country code: weekends only
        return frozenset()


def is_day_off(day: date, country: str = "RU") -> bool:
    return day.weekday() >= 5 or day in days_off(day.year, country)


def first_workday(day: date, country: str = "RU") -> date:
    """The first working day on or after `day` (weekends and public holidays skipped)."""
    while is_day_off(day, country):
        day += timedelta(days=1)
    return day


def add_workdays(day: date, count: int, country: str = "RU") -> date:
    for _ in range(count):
        day = first_workday(day + timedelta(days=1), country)
    return day


def after_new_year(today: date, country: str = "RU") -> date:
    """The first working day after the New Year holidays that are still ahead: the Russian
    break runs to 8 January; an English-speaking office is back after the 1st."""
    last_off = 8 if country == "RU" else 1
    year = today.year if today.month == 1 and today.day <= last_off + 2 else today.year + 1
    return first_workday(date(year, 1, last_off + 1), country)


def after_holidays(today: date) -> date:
    """«После праздников»: the working day after the next RU holiday cluster (New Year by default).

    A holiday within two weeks is the one meant (4 November, 23 February, 8 March, May);
    otherwise, and from December on, it is the New Year break.
    """
    if today.month == 12 or (today.month == 1 and today.day <= 10):
        return after_new_year(today)
    for offset in range(1, 15):
        day = today + timedelta(days=offset)
        if day in days_off(day.year):
            while is_day_off(day):
                day += timedelta(days=1)
            return day
    return after_new_year(today)


def thanksgiving(year: int) -> date:
    """The fourth Thursday of November (US)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
