"""Holiday and season phrases that only make sense in a window of reply dates.

`pick` returns the phrase, its `until` range and the window the reply date is then drawn from,
so that Thanksgiving, Christmas, the Russian New Year and May breaks appear in quantity.
"""

from __future__ import annotations

import random

from dates import D, Range

Window = tuple[D, D]
NOV2, FEB26 = D(2026, 11, 2), D(2027, 2, 26)

NEW_YEAR_RU = (D(2027, 1, 9), D(2027, 1, 13))
YEAR_END = (D(2026, 12, 20), D(2026, 12, 31))
SPRING_SOON = (D(2027, 2, 20), D(2027, 3, 10))
MAY_RU = (D(2027, 5, 11), D(2027, 5, 17))
Q1_RU = (D(2027, 1, 9), D(2027, 1, 23))
Q2 = (D(2027, 4, 1), D(2027, 4, 15))

RU: list[tuple[list[str], Range, Window]] = [
    (
        [
            "после праздников",
            "после новогодних праздников",
            "после новогодних каникул",
            "после НГ",
            "после Нового года",
            "в январе после праздников",
            "после каникул",
            "после новогодних",
            "как отгуляем новогодние праздники",
            "после ёлок",
        ],
        NEW_YEAR_RU,
        (NOV2, D(2027, 1, 7)),
    ),
    (
        [
            "до конца года",
            "ближе к концу года",
            "до Нового года",
            "в последних числах декабря",
            "под конец года",
        ],
        YEAR_END,
        (NOV2, D(2026, 12, 15)),
    ),
    (
        ["ближе к весне", "к весне", "в конце зимы", "ближе к марту"],
        SPRING_SOON,
        (NOV2, D(2027, 2, 9)),
    ),
    (
        ["после майских", "после майских праздников", "в мае после праздников"],
        MAY_RU,
        (NOV2, FEB26),
    ),
    (
        [
            "в начале следующего квартала",
            "в следующем квартале",
            "в первом квартале",
            "в начале 1 квартала",
            "в новом квартале",
        ],
        Q1_RU,
        (D(2026, 11, 2), D(2026, 12, 28)),
    ),
    (
        [
            "в начале следующего квартала",
            "в следующем квартале",
            "во втором квартале",
            "в начале Q2",
            "в новом квартале",
        ],
        Q2,
        (D(2027, 1, 11), FEB26),
    ),
]
EN: list[tuple[list[str], Range, Window]] = [
    (
        [
            "after Thanksgiving",
            "after the Thanksgiving break",
            "once Thanksgiving is over",
            "the week after Thanksgiving",
        ],
        (D(2026, 11, 27), D(2026, 12, 4)),
        (NOV2, D(2026, 11, 25)),
    ),
    (
        ["after Christmas", "between Christmas and New Year", "right after Christmas"],
        (D(2026, 12, 28), D(2027, 1, 8)),
        (NOV2, D(2026, 12, 23)),
    ),
    (
        [
            "after the holidays",
            "after the holiday season",
            "once the holidays are over",
            "after New Year",
            "after New Year's",
        ],
        (D(2027, 1, 4), D(2027, 1, 11)),
        (D(2026, 11, 16), D(2026, 12, 31)),
    ),
    (
        ["in the new year", "early in the new year"],
        (D(2027, 1, 4), D(2027, 1, 15)),
        (NOV2, D(2027, 1, 1)),
    ),
    (
        ["before the end of the year", "by year end", "before year-end"],
        YEAR_END,
        (NOV2, D(2026, 12, 15)),
    ),
    (["closer to spring", "toward the end of winter"], SPRING_SOON, (NOV2, D(2027, 2, 9))),
    (
        ["next quarter", "early next quarter", "in Q1", "early Q1", "at the start of Q1"],
        (D(2027, 1, 4), D(2027, 1, 18)),
        (NOV2, D(2026, 12, 28)),
    ),
    (["next quarter", "in Q2", "early Q2", "at the beginning of Q2"], Q2, (D(2027, 1, 11), FEB26)),
]


def pick(rng: random.Random, lang: str) -> tuple[str, Range, Window]:
    phrases, until, window = rng.choice(RU if lang == "ru" else EN)
    return rng.choice(phrases), until, window
