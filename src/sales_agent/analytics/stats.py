"""Pure arithmetic: review rows -> CompanyFacts. Exact counts; shares are count / total.

Orderings are total, so the same rows always give the same facts (and the same message):
products by negative share, then by negative count, then by name; topics by count, then by name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from .facts import CompanyFacts, MarketplaceFacts, MonthFacts, ProductFacts, TopicFacts
from .fields import company_key

Row = Mapping[str, Any]
QUOTES = 3  # review texts kept per product


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _top(counter: Counter[str]) -> tuple[str, int] | None:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0] if ranked else None


def compute_facts(rows: Iterable[Row], company: str | None = None,
                  *, topics: int = 5) -> CompanyFacts:
    """Facts about one company's reviews. `company` names it; else the commonest name in rows."""
    rows = list(rows)
    sentiments = Counter(str(r.get("sentiment")) for r in rows)
    total = len(rows)
    name = company or _commonest(r.get("company", "") for r in rows)
    negatives = [r for r in rows if r.get("sentiment") == "negative"]
    complaint = Counter(t for r in negatives if (t := r.get("topic") or ""))
    days = sorted(d for r in rows if (d := _day(r.get("date"))) is not None)
    return CompanyFacts(
        company=name, company_key=company_key(name), reviews=total,
        positive=sentiments["positive"], neutral=sentiments["neutral"],
        negative=sentiments["negative"],
        positive_share=_share(sentiments["positive"], total),
        neutral_share=_share(sentiments["neutral"], total),
        negative_share=_share(sentiments["negative"], total),
        products=product_facts(rows),
        marketplaces=tuple(m.marketplace for m in marketplace_facts(rows)),
        by_marketplace=marketplace_facts(rows),
        complaint_topics=tuple(
            TopicFacts(t, n, _share(n, len(negatives)))
            for t, n in sorted(complaint.items(), key=lambda kv: (-kv[1], kv[0]))[:topics]),
        monthly=monthly_facts(rows),
        period=(days[0], days[-1]) if days else None,
    )


def product_facts(rows: Iterable[Row]) -> tuple[ProductFacts, ...]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r.get("product"):
            groups[r["product"]].append(r)
    facts = []
    for product, group in groups.items():
        negative = [r for r in group if r.get("sentiment") == "negative"]
        top = _top(Counter(t for r in negative if (t := r.get("topic") or "")))
        said = Counter(" ".join(str(r.get("text") or "").split()) for r in negative
                       if top and r.get("topic") == top[0])
        said.pop("", None)
        facts.append(ProductFacts(
            product=product, reviews=len(group), negative=len(negative),
            negative_share=_share(len(negative), len(group)),
            top_topic=top[0] if top else None, top_topic_count=top[1] if top else 0,
            top_topic_share=_share(top[1], len(negative)) if top else 0.0,
            quotes=tuple(sorted(said.items(), key=lambda kv: (-kv[1], kv[0]))[:QUOTES]),
        ))
    return tuple(sorted(facts, key=lambda p: (-p.negative_share, -p.negative, p.product)))


def monthly_facts(rows: Iterable[Row]) -> tuple[MonthFacts, ...]:
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        day = _day(r.get("date"))
        if day is not None:
            months[f"{day:%Y-%m}"][str(r.get("sentiment"))] += 1
    out = []
    for month in sorted(months):
        counts = months[month]
        n = sum(counts.values())
        out.append(MonthFacts(month, n, counts["negative"], _share(counts["negative"], n),
                              _share(counts["positive"], n)))
    return tuple(out)


def marketplace_facts(rows: Iterable[Row]) -> tuple[MarketplaceFacts, ...]:
    places: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.get("marketplace"):
            places[r["marketplace"]][str(r.get("sentiment"))] += 1
    out = []
    for place, counts in places.items():
        n = sum(counts.values())
        out.append(MarketplaceFacts(place, n, _share(counts["positive"], n),
                                    _share(counts["neutral"], n), _share(counts["negative"], n)))
    return tuple(sorted(out, key=lambda m: (-m.reviews, m.marketplace)))


def worst_product(facts: CompanyFacts, min_reviews: int = 5) -> ProductFacts | None:
    """The product worth naming in a message: the most negative one with enough reviews to be
    more than an anecdote (a single bad review is "100 %"), and at least one negative review."""
    return next((p for p in facts.products if p.reviews >= min_reviews and p.negative), None)


def _commonest(values: Iterable[str]) -> str:
    top = _top(Counter(v for v in values if v))
    return top[0] if top else ""


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return None
