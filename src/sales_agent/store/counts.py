"""Counting documents per value of a field in one `$group` (nx-27017 runs `count_documents` as a
scan per call: eight of them took ~530 ms at 2,000 contacts, one `$group` ~2 ms)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection


async def count_by(collection: AsyncCollection[Any], field: str,
                   values: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(values, 0)
    async for row in await collection.aggregate(
            [{"$group": {"_id": f"${field}", "n": {"$sum": 1}}}]):
        counts[str(row["_id"])] = int(row["n"])
    return counts
