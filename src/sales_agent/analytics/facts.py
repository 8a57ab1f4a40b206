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

    def product(self, name: str) -> ProductFacts | None:
        key = name.casefold().strip()
        return next((p for p in self.products if p.product.casefold().strip() == key), None)
