"""The one place numbers from the analytics become text, so every message, chart and page agrees.

Russian style (ГОСТ 8.417, «Справочник издателя и автора») puts a space between a number and «%»;
we use a NO-BREAK SPACE (U+00A0) so the figure never wraps away from its sign: "65\u00a0%".
English has no space: "65%". Rounding is half up on the percentage (12.5 % -> "13 %"), never
Python's banker's rounding, and a tiny epsilon absorbs float noise (29/200*100 = 14.4999…).
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
_EPS = 1e-9


def percent(share: float, digits: int = 0) -> float | int:
    """A 0..1 share as a rounded percentage: 0.6543 -> 65; digits=1 -> 65.4."""
    scale = 10**digits
    value = math.floor(share * 100 * scale + 0.5 + _EPS) / scale
    return int(value) if digits == 0 else value


def _number(share: float, digits: int, decimal_comma: bool) -> str:
    text = f"{percent(share, digits):.{digits}f}"
    return text.replace(".", ",") if decimal_comma else text


def format_share(share: float, digits: int = 0) -> str:
    """Russian: 0.6543 -> "65 %" (no-break space); digits=1 -> "65,4 %"."""
    return f"{_number(share, digits, True)}{NBSP}%"


def format_share_en(share: float, digits: int = 0) -> str:
    """English: 0.6543 -> "65%"; digits=1 -> "65.4%"."""
    return f"{_number(share, digits, False)}%"


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """plural_ru(21, "отзыв", "отзыва", "отзывов") -> "отзыв"."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def format_reviews_ru(n: int) -> str:
    """148 -> "148 отзывов" (no-break space)."""
    return f"{n}{NBSP}{plural_ru(n, 'отзыв', 'отзыва', 'отзывов')}"
