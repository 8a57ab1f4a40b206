"""English "when to write again" phrases with the `until` range each one means."""

from __future__ import annotations

import random

from dates import (
    EN_MONTH,
    EN_WD,
    D,
    Range,
    add_months,
    days,
    en_long,
    en_us,
    month_end,
    next_quarter_start,
    next_week_monday,
    next_weekday,
    target,
)

Out = tuple[str, Range] | None


def us_numeric(rng: random.Random, day: D) -> Out:
    t = target(rng, day, 3, 50)
    form = rng.choice(["on {}", "{}", "after {}", "around {}"])
    s = en_us(t, rng)
    if form.startswith("after"):
        return form.format(s), (t, t + days(6))
    if form.startswith("around"):
        return form.format(s), (t - days(2), t + days(2))
    return form.format(s), (t, t)


def long_date(rng: random.Random, day: D) -> Out:
    t = target(rng, day, 3, 60)
    form = rng.choice(["on {}", "{}", "after {}", "sometime after {}"])
    if form.startswith("after") or form.startswith("sometime"):
        return form.format(en_long(t, rng)), (t, t + days(6))
    return form.format(en_long(t, rng)), (t, t)


def weekday_with_date(rng: random.Random, day: D) -> Out:
    t = target(rng, day, 2, 40)
    wd = t.weekday() if rng.random() < 0.8 else (t.weekday() + rng.randint(1, 6)) % 7
    forms = [
        f"{EN_WD[wd]} {t.month}/{t.day}",
        f"on {EN_WD[wd]}, {en_long(t, rng)}",
        f"{EN_WD[wd][:3]} {EN_MONTH[t.month - 1][:3]} {t.day}",
        f"on {EN_WD[wd]} the {t.day}th"
        if t.day not in (1, 2, 3, 21, 22, 23, 31)
        else f"on {EN_WD[wd]} {t.month}/{t.day}",
    ]
    return rng.choice(forms), (t, t)


def weekday_rel(rng: random.Random, day: D) -> Out:
    wd = rng.randint(0, 4)
    nxt = next_weekday(day, wd)
    in_next_week = next_week_monday(day) + days(wd)
    return rng.choice(
        [
            (f"next {EN_WD[wd]}", (min(nxt, in_next_week), max(nxt, in_next_week))),
            (f"on {EN_WD[wd]}", (nxt, nxt)),
            (f"{EN_WD[wd]} next week", (in_next_week, in_next_week)),
            (f"{EN_WD[wd]} of next week", (in_next_week, in_next_week)),
        ]
    )


def relative(rng: random.Random, day: D) -> Out:
    mon = next_week_monday(day)
    n = rng.randint(3, 10)
    return rng.choice(
        [
            ("tomorrow", (day + days(1), day + days(1))),
            (f"in {n} days", (day + days(n), day + days(n))),
            ("in a week", (day + days(7), day + days(8))),
            ("in a week or so", (day + days(7), day + days(10))),
            ("next week", (mon, mon + days(4))),
            ("early next week", (mon, mon + days(2))),
            ("in two weeks", (day + days(14), day + days(15))),
            ("in a couple of weeks", (day + days(13), day + days(16))),
            ("in 2-3 weeks", (day + days(14), day + days(21))),
            ("in two or three weeks", (day + days(14), day + days(21))),
            ("in 3-4 weeks", (day + days(21), day + days(28))),
            ("in a week or two", (day + days(7), day + days(14))),
            ("in a month", (day + days(28), day + days(33))),
            ("in a month or two", (day + days(30), day + days(60))),
            ("in a couple of months", (day + days(55), day + days(65))),
            ("in six months", (day + days(178), day + days(188))),
        ]
    )


def holidays(rng: random.Random, day: D) -> Out:
    options: list[tuple[str, Range]] = []
    if day < D(2026, 11, 26):
        tg = (D(2026, 11, 27), D(2026, 12, 4))
        options += [
            ("after Thanksgiving", tg),
            ("after the Thanksgiving break", tg),
            ("once Thanksgiving is over", tg),
        ]
    if day < D(2026, 12, 24):
        options += [
            ("after Christmas", (D(2026, 12, 28), D(2027, 1, 8))),
            ("after the holidays", (D(2027, 1, 4), D(2027, 1, 11))),
            ("after the holiday season", (D(2027, 1, 4), D(2027, 1, 11))),
        ]
    if day < D(2027, 1, 2):
        options += [
            ("after New Year", (D(2027, 1, 4), D(2027, 1, 11))),
            ("in the new year", (D(2027, 1, 4), D(2027, 1, 15))),
            ("early January", (D(2027, 1, 4), D(2027, 1, 11))),
        ]
    if day <= D(2026, 12, 15):
        options += [
            ("before the end of the year", (D(2026, 12, 20), D(2026, 12, 31))),
            ("by year end", (D(2026, 12, 20), D(2026, 12, 31))),
        ]
    if day < D(2027, 2, 10):
        options += [("closer to spring", (D(2027, 2, 20), D(2027, 3, 10)))]
    options += [
        ("in the spring", (D(2027, 3, 1), D(2027, 3, 20))),
        ("after Easter", (D(2027, 3, 29), D(2027, 4, 5))),
    ]
    return rng.choice(options)


def quarter(rng: random.Random, day: D) -> Out:
    qs = next_quarter_start(day)
    lo = D(2027, 1, 4) if qs == D(2027, 1, 1) else qs
    qn = (qs.month - 1) // 3 + 1
    phrase = rng.choice(
        [
            "next quarter",
            "early next quarter",
            "at the start of next quarter",
            f"in Q{qn}",
            f"early Q{qn}",
            f"at the beginning of Q{qn}",
        ]
    )
    return phrase, (lo, lo + days(14))


def month_part(rng: random.Random, day: D) -> Out:
    k = rng.randint(0, 3)
    y, m = add_months(day, k)
    name = EN_MONTH[m - 1]
    part = rng.choice(["early", "mid", "end", "in"])
    if part == "early":
        lo, hi, phrase = D(y, m, 1), D(y, m, 10), f"early {name}"
        if (y, m) == (2027, 1):
            lo, hi = D(2027, 1, 4), D(2027, 1, 11)
    elif part == "mid":
        lo, hi, phrase = D(y, m, 10), D(y, m, 20), rng.choice([f"mid-{name}", f"mid {name}"])
    elif part == "end":
        lo, hi = D(y, m, 20), month_end(y, m)
        phrase = rng.choice([f"at the end of {name}", f"late {name}"])
        if k == 0:
            phrase = rng.choice([phrase, "at the end of the month", "later this month"])
    else:
        if k == 0:
            return None
        lo, hi, phrase = D(y, m, 1), D(y, m, 10), f"in {name}"
        if (y, m) == (2027, 1):
            lo, hi = D(2027, 1, 4), D(2027, 1, 11)
        if k == 1 and rng.random() < 0.4:
            phrase = "next month"
    if hi <= day or (lo <= day and (hi - day).days < 6):
        return None  # «в начале января» written on January 13 means nothing
    return phrase, (max(lo, day + days(1)), hi)


def ranges(rng: random.Random, day: D) -> Out:
    return rng.choice(
        [
            ("in 2-3 weeks", (day + days(14), day + days(21))),
            ("in two or three weeks", (day + days(14), day + days(21))),
            ("in a week or two", (day + days(7), day + days(14))),
            ("in 3-4 weeks", (day + days(21), day + days(28))),
            ("in a month or two", (day + days(30), day + days(60))),
            ("in 4-6 weeks", (day + days(28), day + days(42))),
        ]
    )


def next_week_day(rng: random.Random, day: D) -> Out:
    wd = rng.randint(0, 4)
    t = next_week_monday(day) + days(wd)
    return rng.choice(
        [f"{EN_WD[wd]} next week", f"next week on {EN_WD[wd]}", f"{EN_WD[wd]} of next week"]
    ), (t, t)


def after_nth(rng: random.Random, day: D) -> Out:
    n = rng.choice([10, 15, 20])
    y, m = (day.year, day.month) if day.day < n - 1 else add_months(day, 1)
    t = D(y, m, n)
    return f"after the {n}th", (t, t + days(6))


GENERATORS = [
    us_numeric,
    long_date,
    weekday_with_date,
    weekday_rel,
    relative,
    holidays,
    quarter,
    month_part,
    after_nth,
    ranges,
    next_week_day,
]
WEIGHTS = [14, 10, 14, 8, 14, 12, 8, 8, 5, 9, 7]


def phrase(rng: random.Random, day: D) -> tuple[str, Range]:
    while True:
        gen = rng.choices(GENERATORS, WEIGHTS)[0]
        out = gen(rng, day)
        if out is not None:
            return out
