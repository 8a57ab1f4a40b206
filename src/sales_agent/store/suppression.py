"""Do-not-contact: every address of a person who said stop, checked right before each send.

Entries are kept as SHA-256 digests of the address, never the address itself: after a deletion
request (152-FZ) the list must still block the address, even when it is imported again, but
must not be a copy of the personal data we erased. Entries written before digests (the plain
"email:x" form) are still honoured.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from ..domain import keys
from ..domain.model import Contact


def addresses(contact: Contact) -> list[str]:
    found = []
    if contact.email:
        found.append(keys.email_address(contact.email))
    if contact.telegram:
        found.append(keys.telegram_address(contact.telegram))
    if contact.telegram_chat_id is not None:
        found.append(keys.telegram_address(contact.telegram_chat_id))
    return found


def digest(address: str) -> str:
    return "h:" + hashlib.sha256(address.strip().lower().encode()).hexdigest()


class SuppressionList:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def add(self, contact: Contact, *, reason: str, now: float) -> None:
        for address in addresses(contact):
            await self.add_address(address, contact_id=contact.id, reason=reason, now=now)

    async def add_address(self, address: str, *, contact_id: str | None, reason: str,
                          now: float) -> None:
        with contextlib.suppress(DuplicateKeyError):
            await self.collection.insert_one(
                {"_id": digest(address), "contact_id": contact_id, "reason": reason, "at": now})

    async def blocks(self, *candidates: str) -> bool:
        keys = [c for c in candidates if c]
        keys += [digest(c) for c in keys]
        return bool(keys) and await self.collection.find_one({"_id": {"$in": keys}}) is not None

    async def forget_owner(self, contact_id: str) -> None:
        """After an erasure the entries stay, but no longer point at a person."""
        await self.collection.update_many({"contact_id": contact_id},
                                          {"$set": {"contact_id": None}})

    async def remove_for(self, contact_id: str) -> int:
        return (await self.collection.delete_many({"contact_id": contact_id})).deleted_count
