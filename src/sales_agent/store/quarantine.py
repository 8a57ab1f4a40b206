"""Mail that was not read: past a size cap, or its parsing ran out of time. Kept for the operator.

One document per message key (a mail seen again after a restart is not added twice): the reason,
the raw size, sender and subject when its headers could be read, and its first characters.
"""

from __future__ import annotations

import contextlib
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

HEAD_CHARS = 4000  # of the mail's start kept for audit


class QuarantineRepository:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def ensure_indexes(self) -> None:
        await self.collection.create_index([("at", -1)])

    async def add(self, key: str, *, channel: str, reason: str, sender: str = "",
                  subject: str | None = None, raw_size: int = 0, message_id: str | None = None,
                  head: str = "", at: float) -> bool:
        """Once per key; False when it was there already."""
        with contextlib.suppress(DuplicateKeyError):
            await self.collection.insert_one({
                "_id": key, "channel": channel, "reason": reason, "sender": sender,
                "subject": subject, "raw_size": raw_size, "message_id": message_id,
                "head": head[:HEAD_CHARS], "at": at})
            return True
        return False

    async def latest(self, limit: int = 100) -> list[dict[str, Any]]:
        cursor = self.collection.find({}, {"head": 0}).sort("at", -1).limit(limit)
        return [d async for d in cursor]

    async def get(self, key: str) -> dict[str, Any] | None:
        return await self.collection.find_one({"_id": key})

    async def count(self) -> int:
        return await self.collection.count_documents({})
