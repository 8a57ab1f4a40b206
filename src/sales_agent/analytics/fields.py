"""Reading one review row's values: column aliases, company keys, dates, ratings, sentiment."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

SENTIMENTS = ("positive", "neutral", "negative")

# Lower-cased header -> our column. The prototype's and Russian/English spellings.
ALIASES: dict[str, str] = {
    **dict.fromkeys(("компания", "организация", "company name", "название компании", "brand",
                     "бренд", "client", "клиент"), "company"),
    **dict.fromkeys(("площадка", "маркетплейс", "marketplace name", "platform", "платформа",
                     "source", "источник"), "marketplace"),
    **dict.fromkeys(("product name", "товар", "продукт", "название товара", "item",
                     "product_name"), "product"),
    **dict.fromkeys(("review date", "дата", "дата отзыва", "created", "created_at",
                     "review_date"), "date"),
    **dict.fromkeys(("username", "user", "автор", "пользователь", "reviewer", "user name"),
                    "author"),
    **dict.fromkeys(("оценка", "рейтинг", "stars", "score", "звёзды", "звезды"), "rating"),
    **dict.fromkeys(("тональность", "настроение", "сентимент", "sentiment label"), "sentiment"),
    **dict.fromkeys(("тема", "категория", "category", "aspect", "аспект"), "topic"),
    **dict.fromkeys(("отзыв", "текст", "текст отзыва", "review", "review text", "comment",
                     "комментарий", "body"), "text"),
}
COLUMNS = ("company", "marketplace", "product", "date", "author", "rating", "sentiment", "topic",
           "text")

_QUOTES = "«»\"'“”„‘’`"
_LEGAL = re.compile(
    r"^(?:ооо|оао|зао|пао|ао|ип|нко|llc|ltd|inc|gmbh|corp)\.?\s+"
    r"|[\s,]+(?:ооо|оао|зао|пао|ао|ип|llc|ltd|inc|gmbh|corp|co)\.?$", re.I)
_SPACES = re.compile(r"\s+")


def company_key(name: str) -> str:
    """'ООО «Бодрое Утро»' and 'бодрое утро' -> 'бодрое утро': how reviews meet a contact."""
    key = _SPACES.sub(" ", name.translate({ord(q): " " for q in _QUOTES})).strip()
    while True:
        stripped = _LEGAL.sub("", key).strip()
        if stripped == key:
            break
        key = stripped
    return key.casefold().replace("ё", "е")


_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?)?$")
_YMD = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$")


@lru_cache(maxsize=8192)  # a file repeats the same few hundred dates
def parse_date(text: str) -> date:
    """ISO (with or without time/zone), dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy, yyyy/mm/dd.

    Raises ValueError. Slashes are read day first (Russian and European habit), never US-style.
    """
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if m := _DMY.match(text):
        d, mo, y = (int(g) for g in m.groups())
        return date(y + 2000 if y < 100 else y, mo, d)
    if m := _YMD.match(text):
        y, mo, d = (int(g) for g in m.groups())
        return date(y, mo, d)
    raise ValueError(f"unreadable date {text!r}")


_RATING = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:(?:/|из|of)\s*5)?\s*\*?\s*$", re.I)


def parse_rating(text: str) -> float | None:
    """'5', '4.0', '4,5', '3/5', '4 из 5' -> a number 1..5; '' -> None; else ValueError."""
    if not text.strip():
        return None
    m = _RATING.match(text)
    if not m:
        raise ValueError(f"rating {text!r} is not a number")
    value = float(m.group(1).replace(",", "."))
    if not 1 <= value <= 5:
        raise ValueError(f"rating {text!r} is not between 1 and 5")
    return int(value) if value.is_integer() else value


def sentiment_from_rating(rating: float) -> str:
    """1–2 negative, 3 neutral, 4–5 positive (halves go to the nearer side: 2.5 is neutral)."""
    if rating < 2.5:
        return "negative"
    if rating < 3.5:
        return "neutral"
    return "positive"


_SENTIMENT_PREFIXES = (
    ("positive", ("pos", "позит", "полож", "хорош", "+")),
    ("negative", ("neg", "негат", "отриц", "плох", "-", "−")),
    ("neutral", ("neu", "нейтр", "смешан", "mixed", "0")),
)


def parse_sentiment(text: str) -> str | None:
    """'positive', 'Негатив', 'отрицательный', 'neu' -> ours; '' -> None; unknown -> ValueError."""
    value = text.strip().casefold()
    if not value:
        return None
    for sentiment, prefixes in _SENTIMENT_PREFIXES:
        if value.startswith(prefixes):
            return sentiment
    raise ValueError(f"unknown sentiment {text!r}")
