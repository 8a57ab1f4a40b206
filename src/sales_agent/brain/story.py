"""What a message tells the lead about their own reviews, touch by touch, never twice.

A thread's facts are a short list: the product that stands out (its negative share against the
company's, the complaint topic, a review quoted word for word), another product's quote, the
marketplaces compared, the trend by month. Each kind of message takes the first fact on its list
whose figures and quote the thread has not shown yet: the history of our own messages is the
thread's memory, so a retried or replayed step picks the same fact and nothing is stored twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..analytics.facts import CompanyFacts, ProductFacts
from .glossary import term
from .wording import accusative, count, percent, plural

__all__ = ["PLAN", "Fact", "pick", "short_product", "standout", "used_numbers"]

MIN_REVIEWS = 5  # fewer reviews are an anecdote, not a share
MIN_GAP = 0.03  # a difference under 3 points is no story
_NUMBER = re.compile(r"\d+")
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
_QTY = re.compile(r"\s+\d+(?:[.,]\d+)?\s*(?:шт|г|гр|кг|мл|л|pcs|g|kg|ml|l|x|х)\.?$",
                  re.IGNORECASE)
_MONTHS_RU = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
              "сентябре", "октябре", "ноябре", "декабре")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

# Which facts each kind may tell, in order of preference.
PLAN: dict[str, tuple[str, ...]] = {
    "first": ("standout",),
    "redirect_intro": ("standout",),
    "followup1": ("quote", "standout"),
    "followup2": ("marketplaces", "trend", "quote"),
    "reminder": ("trend", "marketplaces", "quote", "standout"),
}


@dataclass(frozen=True)
class Fact:
    type: str  # "standout" | "quote" | "marketplaces" | "trend"
    figures: tuple[str, ...] = ()  # the numbers it states, to never state them again
    quote: str = ""
    values: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> str:  # templates read fact.product, fact.negative, …
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def strings(self) -> list[str]:
        return [v for v in self.values.values() if v]


def short_product(name: str) -> str:
    """«Капсулы Лунго 10 шт» -> «Капсулы Лунго»: for a subject line, the pack size dropped."""
    return _QTY.sub("", name).strip() or name


def standout(facts: CompanyFacts) -> ProductFacts | None:
    """The product whose negative share stands out most above the company's own."""
    ranked = [p for p in facts.products if p.reviews >= MIN_REVIEWS and _negatives(p)]
    ranked.sort(key=lambda p: (-(p.negative_share - facts.negative_share), -_negatives(p),
                               p.product))
    return ranked[0] if ranked else None


def _negatives(p: ProductFacts) -> int:
    return p.negative or round(p.negative_share * p.reviews)


def _topic_count(p: ProductFacts) -> int:
    return p.top_topic_count or round(p.top_topic_share * _negatives(p))


def _topic(word: str | None, lang: str) -> str:
    return term(word, "en") if word and lang == "en" else (word or "")


def _standout(facts: CompanyFacts, lang: str) -> Fact | None:
    p = standout(facts)
    if p is None:
        return None
    quote, said = (p.quotes[0] if p.quotes else ("", 0))
    if lang == "en" and _CYR.search(quote):
        quote, said = "", 0
    values = {
        "product": p.product, "short": short_product(p.product),
        "negative": percent(p.negative_share, lang),
        "company_negative": percent(facts.negative_share, lang),
        "reviews": count(p.reviews, lang),
        "topic": _topic(p.top_topic, lang),
        "topic_about": (accusative(p.top_topic) if lang == "ru" else _topic(p.top_topic, lang))
        if p.top_topic else "",
        "topic_count": count(_topic_count(p), lang) if p.top_topic else "",
        "topic_reviews": plural(_topic_count(p), lang) if p.top_topic else "",
        "quote_count": count(said, lang) if quote else "",
        "quote_reviews": plural(said, lang) if quote else "",
    }
    figures = (values["negative"], values["company_negative"], values["topic_count"])
    return Fact("standout", _numbers(figures), quote, values)


def _quotes(facts: CompanyFacts, lang: str) -> list[Fact]:
    """Other products' top quotes first (news for the lead), then the standout's other ones."""
    top = standout(facts)
    products = sorted(facts.products, key=lambda p: p is top)
    out = []
    for p in products:
        for text, _ in p.quotes[1 if p is top else 0:]:
            if lang == "en" and _CYR.search(text):
                continue  # an English letter quotes only reviews written in English
            out.append(Fact("quote", (), text, {
                "product": p.product, "short": short_product(p.product),
                "topic": _topic(p.top_topic, lang),
                "topic_about": (accusative(p.top_topic) if lang == "ru"
                                else _topic(p.top_topic, lang)) if p.top_topic else ""}))
    return out


def _marketplaces(facts: CompanyFacts, lang: str) -> Fact | None:
    places = [m for m in facts.by_marketplace if m.reviews >= MIN_REVIEWS]
    if len(places) < 2:
        return None
    worst = max(places, key=lambda m: (m.negative_share, m.marketplace))
    best = min(places, key=lambda m: (m.negative_share, m.marketplace))
    if worst.negative_share - best.negative_share < MIN_GAP:
        return None
    def name(marketplace: str) -> str:
        return term(marketplace, "en") if lang == "en" else marketplace

    values = {"worst": name(worst.marketplace),
              "worst_negative": percent(worst.negative_share, lang),
              "best": name(best.marketplace), "best_negative": percent(best.negative_share, lang)}
    return Fact("marketplaces", _numbers((values["worst_negative"], values["best_negative"])),
                "", values)


def _trend(facts: CompanyFacts, lang: str) -> Fact | None:
    months = [m for m in facts.monthly if m.reviews >= 20]
    if len(months) < 2:
        return None
    before, last = months[-2], months[-1]
    if abs(last.negative_share - before.negative_share) < MIN_GAP:
        return None
    names = _MONTHS_RU if lang == "ru" else _MONTHS_EN
    values = {"month": names[int(last.month[5:7]) - 1],
              "month_before": names[int(before.month[5:7]) - 1],
              "negative": percent(last.negative_share, lang),
              "negative_before": percent(before.negative_share, lang),
              "direction": "up" if last.negative_share > before.negative_share else "down"}
    return Fact("trend", _numbers((values["negative"], values["negative_before"])), "", values)


def _numbers(figures: Iterable[str]) -> tuple[str, ...]:
    return tuple(n for f in figures if f for n in _NUMBER.findall(f.replace("\u00a0", "")))


def used_numbers(history: Iterable[str], products: Iterable[str]) -> set[str]:
    """Numbers our earlier messages stated (pack sizes in product names do not count)."""
    out: set[str] = set()
    names = sorted({p for p in products if p}, key=len, reverse=True)
    for text in history:
        for name in names:
            text = text.replace(name, " ")
        out.update(_NUMBER.findall(text.replace("\u00a0", "").replace(",", "")))
    return out


def pick(plan: str, facts: CompanyFacts | None, lang: str, *, history: tuple[str, ...] = (),
         variant: int = 0) -> Fact | None:
    """The first fact on the kind's plan the thread has not told; None when all are told."""
    if facts is None or plan not in PLAN:
        return None
    used = used_numbers(history, (p.product for p in facts.products))
    told = " ".join(history)
    for kind in PLAN[plan]:
        if kind == "quote":
            fresh = [q for q in _quotes(facts, lang) if q.quote not in told]
            if fresh:  # two colleagues at one company get different quotes
                return fresh[variant % len(fresh)]
            continue
        fact = {"standout": _standout, "marketplaces": _marketplaces,
                "trend": _trend}[kind](facts, lang)
        if fact is not None and not set(fact.figures) & used \
                and (not fact.quote or fact.quote not in told):
            return fact
    return None

