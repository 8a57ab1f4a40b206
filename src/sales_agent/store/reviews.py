"""Companies' reviews (the analytics' input): one document per review, and one small document
per company keeping its count and the time of its last import.

Counting a company's reviews on the embedded store scans them all (~40 µs each), so the import
keeps the count and a version in `review_companies`; the analytics cache facts until it moves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError

from ..errors import InputError

_DUPLICATE_KEY = 11000


class ReviewRepository:
    def __init__(self, reviews: AsyncCollection[Any],
                 companies: AsyncCollection[Any]) -> None:
        self.reviews, self.companies = reviews, companies

    async def ensure_indexes(self) -> None:
        await self.reviews.create_index([("company_key", 1), ("date", 1)])

    async def insert_new(self, docs: list[dict[str, Any]]) -> Counter[str]:
        """Insert what is not there yet (a duplicate key means "imported before", not an
        error); returns how many were added per company_key."""
        refused: set[int] = set()
        try:
            await self.reviews.insert_many(docs, ordered=False)
        except BulkWriteError as e:
            errors = e.details.get("writeErrors", [])
            others = [w for w in errors if w.get("code") != _DUPLICATE_KEY]
            if others:
                raise InputError(f"the store refused a review: {others[0].get('errmsg')}") from e
            refused = {int(w["index"]) for w in errors}
        return Counter(d["company_key"] for i, d in enumerate(docs) if i not in refused)

    async def count_import(self, added: Mapping[str, int], names: Mapping[str, str], *,
                           at: float) -> None:
        """Add an import's new reviews to each company's count and move its version."""
        for key, n in added.items():
            await self.companies.update_one(
                {"_id": key}, {"$inc": {"reviews": n},
                               "$set": {"company": names[key], "updated_at": at}},
                upsert=True)

    async def version(self, company_key: str) -> tuple[Any, Any] | None:
        """(count, last import) of a company's reviews; None when no import counted them."""
        meta = await self.companies.find_one({"_id": company_key})
        return (meta.get("reviews"), meta.get("updated_at")) if meta else None

    async def rows(self, company_key: str, fields: Iterable[str]) -> list[dict[str, Any]]:
        """A company's reviews, only `fields` of each (no `_id`)."""
        projection = {"_id": 0, **dict.fromkeys(fields, 1)}
        return [d async for d in self.reviews.find({"company_key": company_key}, projection)]

    async def companies_by_size(self) -> list[dict[str, Any]]:
        """[{"company_key", "company", "reviews", "updated_at"}], most reviews first."""
        cursor = self.companies.find({}).sort("reviews", -1)
        return [{"company_key": d.pop("_id"), **d} async for d in cursor]
