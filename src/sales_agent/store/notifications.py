"""Things a human should look at: demo requests, hand-offs, bounces, failed sends."""

from __future__ import annotations

import contextlib
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError


class Notifications:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def ensure_indexes(self) -> None:
        await self.collection.create_index([("status", 1), ("at", 1)])

    async def add(self, key: str, *, contact_id: str | None, kind: str, reason: str, text: str,
                  at: float) -> None:
        """Once per key: a replayed decision does not tell the operator twice."""
        with contextlib.suppress(DuplicateKeyError):
            await self.collection.insert_one({
                "_id": key, "contact_id": contact_id, "kind": kind, "reason": reason,
                "text": text, "at": at, "status": "open"})

    async def get(self, key: str) -> dict[str, Any] | None:
        return await self.collection.find_one({"_id": key})  # type: ignore[no-any-return]

    async def open(self, limit: int = 200) -> list[dict[str, Any]]:
        cursor = self.collection.find({"status": "open"}).sort("at", -1).limit(limit)
        return [d async for d in cursor]

    async def close(self, key: str) -> None:
        await self.collection.update_one({"_id": key}, {"$set": {"status": "done"}})

    async def erase_for_contact(self, contact_id: str, text: str) -> int:
        result = await self.collection.update_many({"contact_id": contact_id},
                                                   {"$set": {"text": text}})
        return result.modified_count
