"""Do-not-contact: every address of a person who said stop, checked right before each send."""

from __future__ import annotations

import contextlib
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from ..domain.model import Contact


def addresses(contact: Contact) -> list[str]:
    found = []
    if contact.email:
        found.append(f"email:{contact.email}")
    if contact.telegram:
        found.append(f"tg:{contact.telegram}")
    if contact.telegram_chat_id is not None:
        found.append(f"tg:{contact.telegram_chat_id}")
    return found


class SuppressionList:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def add(self, contact: Contact, *, reason: str, now: float) -> None:
        for address in addresses(contact):
            await self.add_address(address, contact_id=contact.id, reason=reason, now=now)

    async def add_address(self, address: str, *, contact_id: str, reason: str,
                          now: float) -> None:
        with contextlib.suppress(DuplicateKeyError):
            await self.collection.insert_one(
                {"_id": address, "contact_id": contact_id, "reason": reason, "at": now})

    async def blocks(self, *candidates: str) -> bool:
        keys = [c for c in candidates if c]
        return bool(keys) and await self.collection.count_documents({"_id": {"$in": keys}}) > 0

    async def remove_for(self, contact_id: str) -> int:
        return (await self.collection.delete_many({"contact_id": contact_id})).deleted_count
