"""Russian «когда написать снова» phrases with the `until` range each one means."""

from __future__ import annotations

import random

from dates import (
    RU_MONTH_GEN,
    RU_MONTH_PREP,
    RU_WD_ACC,
    RU_WD_NOM,
    RU_WD_SHORT,
    D,
    Range,
    add_months,
    days,
    month_end,
    next_quarter_start,
    next_week_monday,
    next_weekday,
    ru_dm,
    ru_long,
    target,
)

Out = tuple[str, Range] | None


def numeric(rng: random.Random, day: D) -> Out:
    t = target(rng, day, 3, 50)
    s = ru_dm(t, rng)
    form = rng.choice(["{}", "{}", "после {}", "не раньше {}", "числа {}"])
    if form.startswith("после") or form.startswith("не раньше"):
        return form.format(s), (t, t + days(6))
    return form.format(s), (t, t)


def day_month(rng: random.Random, day: D) -> Out:
    t = target(rng, day, 3, 60)
    form = rng.choice(["{}", "{}", "после {}", "ближе к {}", "в районе {}"])
    s = ru_long(t) if rng.random() < 0.8 else f"{t.day}-го {RU_MONTH_GEN[t.month - 1]}"
    if form.startswith("после"):
        return form.format(s), (t, t + days(6))
    if form.startswith("ближе") or form.startswith("в районе"):
        return form.format(s), (t - days(3), t + days(3))
    return form.format(s), (t, t)


def weekday_with_date(rng: random.Random, day: D) -> Out:
    """A weekday plus a date: the date wins, even when the weekday is wrong."""
    t = target(rng, day, 2, 40)
    wd = t.weekday() if rng.random() < 0.8 else (t.weekday() + rng.randint(1, 6)) % 7
    forms = [
        f"в {RU_WD_ACC[wd]}, {ru_long(t)}",
        f"в {RU_WD_ACC[wd]} {t.day:02d}.{t.month:02d}",
        f"{ru_long(t)} ({RU_WD_SHORT[wd]})",
        f"в {RU_WD_SHORT[wd]} {t.day}.{t.month:02d}",
        f"{RU_WD_NOM[wd]}, {ru_long(t)}",
    ]
    return rng.choice(forms), (t, t)


def weekday_rel(rng: random.Random, day: D) -> Out:
    wd = rng.randint(0, 4)
    kind = rng.random()
    if kind < 0.4:
        t = next_week_monday(day) + days(wd)
        form = rng.choice(
            [
                "{} на следующей неделе",
                "в {} на следующей неделе",
                "в следующий {}",
                "на следующей неделе в {}",
            ]
        )
        name = RU_WD_ACC[wd] if "в {}" in form else RU_WD_NOM[wd]
        if form == "в следующий {}":  # the coming one or the one of next week: both are meant
            if wd in (2, 4):
                return None
            nearest = next_weekday(day, wd)
            return form.format(RU_WD_ACC[wd]), (min(nearest, t), max(nearest, t))
        return form.format(name), (t, t)
    t = next_weekday(day, wd)
    return f"в {RU_WD_ACC[wd]}", (t, t)


def next_week(rng: random.Random, day: D) -> Out:
    mon = next_week_monday(day)
    return rng.choice(
        [
            ("на следующей неделе", (mon, mon + days(4))),
            ("в начале следующей недели", (mon, mon + days(2))),
            ("в конце следующей недели", (mon + days(3), mon + days(4))),
            ("через неделю", (day + days(7), day + days(8))),
            ("через недельку", (day + days(7), day + days(8))),
        ]
    )


def relative(rng: random.Random, day: D) -> Out:
    n = rng.randint(3, 10)
    return rng.choice(
        [
            ("завтра", (day + days(1), day + days(1))),
            ("послезавтра", (day + days(2), day + days(2))),
            (f"через {n} дней" if n > 4 else f"через {n} дня", (day + days(n), day + days(n))),
            ("через две недели", (day + days(14), day + days(15))),
            ("через пару недель", (day + days(13), day + days(16))),
            ("через две-три недели", (day + days(14), day + days(21))),
            ("через 2-3 недели", (day + days(14), day + days(21))),
            ("через три недели", (day + days(21), day + days(22))),
            ("недели через две-три", (day + days(14), day + days(21))),
            ("через две–три недели", (day + days(14), day + days(21))),
            ("через три-четыре недели", (day + days(21), day + days(28))),
            ("через неделю-две", (day + days(7), day + days(14))),
            ("через месяц-два", (day + days(30), day + days(60))),
            ("через месяц", (day + days(28), day + days(33))),
            ("через месяц-полтора", (day + days(30), day + days(45))),
            ("через пару месяцев", (day + days(55), day + days(65))),
            ("месяца через два", (day + days(55), day + days(65))),
            ("через три месяца", (day + days(88), day + days(95))),
            ("через полгода", (day + days(178), day + days(188))),
        ]
    )


def ranges(rng: random.Random, day: D) -> Out:
    """Ranges: the earliest and the latest acceptable day are both stated."""
    return rng.choice(
        [
            ("через две-три недели", (day + days(14), day + days(21))),
            ("недели через две-три", (day + days(14), day + days(21))),
            ("через 2-3 недели", (day + days(14), day + days(21))),
            ("через две–три недели", (day + days(14), day + days(21))),
            ("через неделю-две", (day + days(7), day + days(14))),
            ("через три-четыре недели", (day + days(21), day + days(28))),
            ("через месяц-полтора", (day + days(30), day + days(45))),
            ("через месяц-два", (day + days(30), day + days(60))),
            ("через 1-2 месяца", (day + days(30), day + days(60))),
            ("дней через 10-14", (day + days(10), day + days(14))),
        ]
    )


def next_week_day(rng: random.Random, day: D) -> Out:
    """«четверг на следующей неделе»: that weekday of the next calendar week."""
    wd = rng.randint(0, 4)
    t = next_week_monday(day) + days(wd)
    form = rng.choice(
        [
            "{nom} на следующей неделе",
            "в {acc} на следующей неделе",
            "на следующей неделе в {acc}",
            "в {acc} следующей недели",
        ]
    )
    return form.format(nom=RU_WD_NOM[wd], acc=RU_WD_ACC[wd]), (t, t)


def after_nth(rng: random.Random, day: D) -> Out:
    n = rng.choice([5, 10, 15, 20, 20, 25])
    y, m = (day.year, day.month) if day.day < n - 1 else add_months(day, 1)
    t = D(y, m, n)
    return rng.choice([f"после {n}-го", f"после {n}-го числа", f"после {n} числа"]), (
        t,
        t + days(6),
    )


def quarter(rng: random.Random, day: D) -> Out:
    qs = next_quarter_start(day)
    lo = D(2027, 1, 9) if qs == D(2027, 1, 1) else qs
    rng_ = (lo, lo + days(14))
    phrase = rng.choice(
        [
            "в начале следующего квартала",
            "в следующем квартале",
            "в новом квартале",
            "в начале квартала",
        ]
    )
    if qs.month == 1 and rng.random() < 0.5:
        phrase = rng.choice(["в первом квартале", "в начале первого квартала", "в 1 квартале"])
    if qs.month == 4 and rng.random() < 0.5:
        phrase = rng.choice(["во втором квартале", "во 2 квартале", "в начале Q2"])
    return phrase, rng_


def holidays(rng: random.Random, day: D) -> Out:
    options: list[tuple[str, Range]] = []
    if day < D(2027, 1, 9):
        ny = (D(2027, 1, 9), D(2027, 1, 13))
        options += [
            ("после праздников", ny),
            ("после новогодних праздников", ny),
            ("после новогодних каникул", ny),
            ("после НГ", ny),
            ("после Нового года", ny),
            ("в январе после праздников", ny),
            ("после каникул", ny),
        ]
    if day <= D(2026, 12, 15):
        options += [
            ("до конца года", (D(2026, 12, 20), D(2026, 12, 31))),
            ("ближе к концу года", (D(2026, 12, 20), D(2026, 12, 31))),
            ("в конце декабря", (D(2026, 12, 20), D(2026, 12, 31))),
        ]
    if day < D(2027, 2, 10):
        options += [("ближе к весне", (D(2027, 2, 20), D(2027, 3, 10)))]
    if day < D(2027, 2, 20):
        options += [("после 23 февраля", (D(2027, 2, 24), D(2027, 3, 2)))]
    options += [
        ("весной", (D(2027, 3, 1), D(2027, 3, 20))),
        ("после 8 марта", (D(2027, 3, 9), D(2027, 3, 15))),
        ("после майских", (D(2027, 5, 11), D(2027, 5, 17))),
        ("после майских праздников", (D(2027, 5, 11), D(2027, 5, 17))),
    ]
    return rng.choice(options)


def month_part(rng: random.Random, day: D) -> Out:
    k = rng.randint(0, 3)
    y, m = add_months(day, k)
    part = rng.choice(["начале", "середине", "конце", "весь"])
    end = month_end(y, m)
    if part == "начале":
        lo, hi = D(y, m, 1), D(y, m, 10)
        if (y, m) == (2027, 1):
            lo, hi = D(2027, 1, 9), D(2027, 1, 15)
        phrase = f"в начале {RU_MONTH_GEN[m - 1]}"
    elif part == "середине":
        lo, hi = D(y, m, 10), D(y, m, 20)
        phrase = f"в середине {RU_MONTH_GEN[m - 1]}"
    elif part == "конце":
        lo, hi = D(y, m, 20), end
        phrase = rng.choice(
            [f"в конце {RU_MONTH_GEN[m - 1]}", f"ближе к концу {RU_MONTH_GEN[m - 1]}"]
        )
        if k == 0:
            phrase = rng.choice([phrase, "в конце месяца", "ближе к концу месяца"])
    else:
        if k == 0:
            return None
        lo, hi = D(y, m, 1), D(y, m, 10)
        if (y, m) == (2027, 1):
            lo, hi = D(2027, 1, 9), D(2027, 1, 15)
        phrase = f"в {RU_MONTH_PREP[m - 1]}"
        if k == 1 and rng.random() < 0.4:
            phrase = "в следующем месяце"
    if hi <= day or (lo <= day and (hi - day).days < 6):
        return None  # «в начале января» written on January 13 means nothing
    return phrase, (max(lo, day + days(1)), hi)


GENERATORS = [
    numeric,
    day_month,
    weekday_with_date,
    weekday_rel,
    next_week,
    relative,
    after_nth,
    quarter,
    holidays,
    month_part,
    ranges,
    next_week_day,
]
WEIGHTS = [12, 10, 12, 8, 6, 12, 7, 8, 10, 8, 10, 8]


def phrase(rng: random.Random, day: D) -> tuple[str, Range]:
    while True:
        gen = rng.choices(GENERATORS, WEIGHTS)[0]
        out = gen(rng, day)
        if out is not None:
            return out
