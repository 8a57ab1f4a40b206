"""Date phrases and the `until` range they mean, resolved against the reply's own date.

Each generator takes (rng, day) and returns (phrase, (earliest, latest)) or None when the phrase
would not make sense on that day (e.g. «после праздников» in February).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

D = dt.date
Range = tuple[D, D]
Gen = Callable[[random.Random, D], tuple[str, Range] | None]

RU_MONTH_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
RU_MONTH_PREP = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]
RU_WD_ACC = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
RU_WD_NOM = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
RU_WD_SHORT = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
RU_WD_GEN = ["понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"]
EN_MONTH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
EN_WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

RU_HOLIDAYS = (
    {D(2026, 12, 31)} | {D(2027, 1, i) for i in range(1, 9)} | {D(2027, 2, 23), D(2027, 3, 8)}
)
EN_HOLIDAYS = {D(2026, 11, 26), D(2026, 12, 25), D(2027, 1, 1)}


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def working(day: D, lang: str) -> D:
    """The day itself or the next working day (weekends and public holidays skipped)."""
    hol = RU_HOLIDAYS if lang == "ru" else EN_HOLIDAYS
    while day.weekday() >= 5 or day in hol:
        day += days(1)
    return day


def next_weekday(day: D, wd: int) -> D:
    """The first given weekday strictly after `day`."""
    ahead = (wd - day.weekday()) % 7 or 7
    return day + days(ahead)


def next_week_monday(day: D) -> D:
    return day + days(7 - day.weekday())


def month_end(year: int, month: int) -> D:
    first_next = D(year + month // 12, month % 12 + 1, 1)
    return first_next - days(1)


def add_months(day: D, n: int) -> tuple[int, int]:
    m = day.month - 1 + n
    return day.year + m // 12, m % 12 + 1


def next_quarter_start(day: D) -> D:
    q = (day.month - 1) // 3
    y, m = add_months(D(day.year, q * 3 + 1, 1), 3)
    return D(y, m, 1)


def ru_dm(t: D, rng: random.Random) -> str:
    """A Russian numeric date: 01.12 / 1.12 / 01.12.2026 / 1.12.26."""
    style = rng.choice(["dd.mm", "d.mm", "dd.mm.yyyy", "d.mm.yyyy", "dd.mm.yy"])
    dd = f"{t.day:02d}" if style.startswith("dd") else str(t.day)
    base = f"{dd}.{t.month:02d}"
    if style.endswith("yyyy"):
        return f"{base}.{t.year}"
    if style.endswith("yy"):
        return f"{base}.{t.year % 100:02d}"
    return base


def en_us(t: D, rng: random.Random) -> str:
    """An American numeric date: 12/14 or 12/14/2026."""
    return rng.choice(
        [f"{t.month}/{t.day}", f"{t.month}/{t.day}/{t.year}", f"{t.month:02d}/{t.day:02d}/{t.year}"]
    )


def en_long(t: D, rng: random.Random) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(t.day, "th")
    return rng.choice(
        [
            f"{EN_MONTH[t.month - 1]} {t.day}",
            f"{EN_MONTH[t.month - 1][:3]} {t.day}",
            f"{EN_MONTH[t.month - 1]} {t.day}{suffix}",
            f"{t.day} {EN_MONTH[t.month - 1]}",
        ]
    )


def ru_long(t: D) -> str:
    return f"{t.day} {RU_MONTH_GEN[t.month - 1]}"


def target(rng: random.Random, day: D, lo: int = 4, hi: int = 60) -> D:
    return day + days(rng.randint(lo, hi))
