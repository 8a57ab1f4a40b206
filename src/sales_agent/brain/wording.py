"""How numbers, dates, names and a lead's review facts are written, in Russian and English.

One place for formatting, so a template, the guard's allowed facts and the tests all agree on
«65 %» (Russian: no-break space) and "65%" (English), rounded half up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..analytics.facts import CompanyFacts
from ..domain.model import Contact
from .knowledge import _morph

NBSP = "\u00a0"
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def percent(share: float, language: str) -> str:
    """0.654 -> «65 %» (ru) / "65%" (en); half up, so 0.125 -> 13."""
    value = int(Decimal(str(share * 100)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    return f"{value}{NBSP}%" if language == "ru" else f"{value}%"


def count(n: int, language: str) -> str:
    """12345 -> «12 345» (ru) / "12,345" (en)."""
    grouped = f"{n:,}"
    return grouped.replace(",", NBSP) if language == "ru" else grouped


def day(d: date, language: str, *, today: date | None = None) -> str:
    """«15 декабря» / "December 15", with the year when it is not this year."""
    today = today or date.today()
    if language == "ru":
        out = f"{d.day} {_MONTHS_RU[d.month - 1]}"
        return out if d.year == today.year else f"{out} {d.year}"
    out = f"{_MONTHS_EN[d.month - 1]} {d.day}"
    return out if d.year == today.year else f"{out}, {d.year}"


def address_name(full_name: str, language: str, *, email: str | None = None) -> str:
    """How to greet the lead: «Ольга», «Вера Николаевна», "Olga" — "" for a neutral greeting."""
    from .names import greeting_name

    return greeting_name(full_name, language, email=email)


def plural(n: int, language: str, forms_ru: tuple[str, str, str] = ("отзыв", "отзыва", "отзывов"),
           forms_en: tuple[str, str] = ("review", "reviews")) -> str:
    """The noun after a number: 1 отзыв, 2 отзыва, 9 отзывов; 1 review, 9 reviews."""
    if language != "ru":
        return forms_en[0] if n == 1 else forms_en[1]
    if n % 10 == 1 and n % 100 != 11:
        return forms_ru[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms_ru[1]
    return forms_ru[2]


def accusative(phrase: str) -> str:
    """«упаковка» -> «упаковку» (for «про …»); only a leading nominative noun changes."""
    words = phrase.split()
    if not words:
        return phrase
    parsed = _morph().parse(words[0])[0]
    if "NOUN" in parsed.tag and "nomn" in parsed.tag and "Fixd" not in parsed.tag:
        inflected = parsed.inflect({"accs"})
        if inflected is not None:
            head = inflected.word
            words[0] = head.capitalize() if words[0][0].isupper() else head
    return " ".join(words)


def slot(text: str, language: str) -> str:
    """A demo slot from the settings («2 декабря, 11:00») as an English letter writes it."""
    if language == "ru":
        return text

    def month(m: re.Match[str]) -> str:
        stem = m.group(2).lower()[:3]
        index = next(i for i, name in enumerate(_MONTHS_RU) if name.startswith(stem))
        return f"{_MONTHS_EN[index]} {m.group(1)}"

    return _RU_DAY.sub(month, text)


_RU_DAY = re.compile(r"\b(\d{1,2})\s+(янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*",
                     re.IGNORECASE)


def has_cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch.lower() == "ё" for ch in text or "")


def join(items: list[str], language: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    last = " и " if language == "ru" else " and "
    return ", ".join(items[:-1]) + last + items[-1]


@dataclass(frozen=True)
class Insight:
    """One product's numbers, formatted, for «у «X» 65 % негативных отзывов, чаще всего про Y»."""

    product: str
    negative: str  # formatted percent of this product's reviews that are negative
    reviews: str  # formatted count of this product's reviews
    topic: str | None  # as written in the facts
    topic_about: str | None  # ru: accusative for «про …»; en: as is
    topic_share: str | None  # formatted percent of its negative reviews about the topic
    company_reviews: str
    company_negative: str
    marketplaces: str  # «Wildberries и Ozon»

    def strings(self) -> list[str]:
        return [s for s in (self.product, self.negative, self.reviews, self.topic,
                            self.topic_about, self.topic_share, self.company_reviews,
                            self.company_negative, self.marketplaces) if s]


def insight(contact: Contact, facts: CompanyFacts | None, language: str) -> Insight | None:
    """The product that stands out most against the company's average (not the CRM's order)."""
    if facts is None or not facts.products:
        return None
    from .story import standout

    p = standout(facts) or facts.products[0]
    ru = language == "ru"
    return Insight(
        product=p.product,
        negative=percent(p.negative_share, language),
        reviews=count(p.reviews, language),
        topic=_topic(p.top_topic, language),
        topic_about=(accusative(p.top_topic) if ru else _topic(p.top_topic, language))
        if p.top_topic else None,
        topic_share=percent(p.top_topic_share, language) if p.top_topic else None,
        company_reviews=count(facts.reviews, language),
        company_negative=percent(facts.negative_share, language),
        marketplaces=join(list(facts.marketplaces), language),
    )


def _topic(word: str | None, language: str) -> str | None:
    from .glossary import term

    return term(word, "en") if word and language == "en" else word


_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                   "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
                   "e", "yu", "ya"], strict=True))


def latin(name: str) -> str:
    """«Анна Соколова» -> "Anna Sokolova": how an English letter signs a Russian name."""
    out = []
    for ch in name:
        low = ch.lower()
        if low in _LATIN:
            word = _LATIN[low]
            out.append(word.capitalize() if ch != low else word)
        else:
            out.append(ch)
    return "".join(out)
