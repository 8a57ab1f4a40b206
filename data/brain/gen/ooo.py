"""Out-of-office return dates in the common formats, with the `until` range they mean.

Rule (data/brain/LABELS.md): the stated day X (last day away, or day back) →
[X, next working day after X].
"""

from __future__ import annotations

import random

from dates import (
    EN_MONTH,
    EN_WD,
    RU_MONTH_GEN,
    RU_WD_ACC,
    RU_WD_GEN,
    D,
    Range,
    days,
    en_long,
    ru_dm,
    ru_long,
    working,
)


def pick_day(rng: random.Random, day: D) -> D:
    return day + days(rng.choice([1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 14, 16, 18, 21, 25]))


def ru(rng: random.Random, day: D) -> tuple[dict[str, str], Range]:
    x = pick_day(rng, day)
    start = day - days(rng.randint(0, 5))
    wd = x.weekday()
    num = ru_dm(x, rng)
    do = rng.choice(
        [
            num,
            ru_long(x),
            f"{RU_WD_GEN[wd]}, {ru_long(x)}",
            f"{num} включительно",
            f"{ru_long(x)} включительно",
            f"{x.isoformat()}",
        ]
    )
    on = rng.choice(
        [num, ru_long(x), f"в {RU_WD_ACC[wd]}, {ru_long(x)}", f"{x.day:02d}.{x.month:02d}"]
    )
    if start.month == x.month:
        span = f"с {start.day} по {x.day} {RU_MONTH_GEN[x.month - 1]}"
    else:
        span = f"с {ru_long(start)} по {ru_long(x)}"
    span = rng.choice(
        [
            span,
            f"с {start.day:02d}.{start.month:02d} по {x.day:02d}.{x.month:02d}",
            f"{start.day:02d}.{start.month:02d}–{ru_dm(x, rng)}",
        ]
    )
    return {"do": do, "on": on, "span": span}, (x, working(x + days(1), "ru"))


def en(rng: random.Random, day: D) -> tuple[dict[str, str], Range]:
    x = pick_day(rng, day)
    start = day - days(rng.randint(0, 5))
    wd = x.weekday()
    us = f"{x.month}/{x.day}"
    # day-first only when it cannot be read as US month/day
    uk = f"{x.day:02d}/{x.month:02d}/{x.year}" if x.day > 12 else f"{us}/{x.year}"
    do = rng.choice(
        [
            f"{EN_WD[wd]}, {en_long(x, rng)}",
            en_long(x, rng),
            us,
            f"{us}/{x.year}",
            f"{x.isoformat()}",
            f"{EN_WD[wd]} {us}",
            uk,
        ]
    )
    on = rng.choice(
        [
            f"{EN_WD[wd]}, {en_long(x, rng)}",
            en_long(x, rng),
            us,
            f"{EN_WD[wd]} {us}",
            f"{EN_WD[wd]} the {x.day}th"
            if x.day in (4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
            else en_long(x, rng),
        ]
    )
    if start.month == x.month:
        span = f"{EN_MONTH[x.month - 1]} {start.day}-{x.day}"
    else:
        span = f"{en_long(start, rng)} to {en_long(x, rng)}"
    span = rng.choice(
        [
            span,
            f"{start.month}/{start.day} through {x.month}/{x.day}",
            f"{en_long(start, rng)} until {en_long(x, rng)}",
        ]
    )
    return {"do": do, "on": on, "span": span}, (x, working(x + days(1), "en"))
