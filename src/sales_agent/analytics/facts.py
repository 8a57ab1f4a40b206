"""What the brain may say about a lead's reviews: computed numbers only, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class ProductFacts:
    product: str
    reviews: int
    negative_share: float  # 0..1 of this product's reviews
    top_topic: str | None = None  # the most frequent topic among its negative reviews
    top_topic_share: float = 0.0  # 0..1 of its negative reviews that are about top_topic
    negative: int = 0  # how many of its reviews are negative (negative_share = negative / reviews)
    top_topic_count: int = 0  # how many of its negative reviews are about top_topic
    # Its negative reviews' texts about top_topic, word for word, commonest first, with how many
    # reviews say exactly that: the quotes a letter may use.
    quotes: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class TopicFacts:
    """A complaint topic across the company: share of all negative reviews that are about it."""

    topic: str
    count: int
    share: float  # 0..1 of the company's negative reviews


@dataclass(frozen=True)
class MonthFacts:
    month: str  # "YYYY-MM"
    reviews: int
    negative: int
    negative_share: float
    positive_share: float


@dataclass(frozen=True)
class MarketplaceFacts:
    marketplace: str
    reviews: int
    positive_share: float
    neutral_share: float
    negative_share: float


@dataclass(frozen=True)
class CompanyFacts:
    company: str
    reviews: int
    positive_share: float
    neutral_share: float
    negative_share: float
    products: tuple[ProductFacts, ...] = ()  # most negative first
    marketplaces: tuple[str, ...] = ()
    period: tuple[date, date] | None = None
    chart: Path | None = None  # PNG rendered for this company, if any
    extra: dict[str, object] = field(default_factory=dict)
    # Added by the analytics module; all optional so older callers keep working.
    positive: int = 0
    neutral: int = 0
    negative: int = 0
    complaint_topics: tuple[TopicFacts, ...] = ()  # most frequent first
    monthly: tuple[MonthFacts, ...] = ()  # oldest first; only reviews with a date
    by_marketplace: tuple[MarketplaceFacts, ...] = ()  # most reviews first
    company_key: str = ""

    def product(self, name: str) -> ProductFacts | None:
        key = name.casefold().strip()
        return next((p for p in self.products if p.product.casefold().strip() == key), None)
