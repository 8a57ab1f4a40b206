"""The conversation history: one document per message, beside the contact."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, NamedTuple

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from ..domain.model import Message
from .timeutil import from_ts, to_ts


class Envelope(NamedTuple):
    """Who, which way, by which channel and as what a message was read: never what was said."""

    contact_id: str | None
    direction: str | None
    channel: str | None
    intent: str | None


class MessageRepository:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def ensure_indexes(self) -> None:
        await self.collection.create_index("contact_id")  # nx-27017 ignores compound indexes
        await self.collection.create_index([("contact_id", 1), ("at", 1)])
        await self.collection.create_index("message_id")

    async def record(self, message: Message) -> bool:
        """Store once: the id is derived from the inbox/outbox key, so a replay is a no-op."""
        doc = message.model_dump(mode="python")
        doc["_id"] = doc.pop("id")
        doc["at"] = to_ts(message.at)
        for k in ("direction", "channel", "intent"):
            doc[k] = None if doc[k] is None else str(doc[k])
        try:
            await self.collection.insert_one(doc)
        except DuplicateKeyError:
            return False
        return True

    async def for_contact(self, contact_id: str) -> list[Message]:
        cursor = self.collection.find({"contact_id": contact_id}).sort("at", 1)
        return [_from_doc(d) async for d in cursor]

    async def find_by_message_id(self, message_id: str) -> Message | None:
        doc = await self.collection.find_one({"message_id": message_id})
        return _from_doc(doc) if doc else None

    async def get(self, record_id: str) -> Message | None:
        doc = await self.collection.find_one({"_id": record_id})
        return _from_doc(doc) if doc else None

    async def envelopes(self) -> AsyncIterator[Envelope]:
        """Every message's envelope, streamed (the funnel counts them all)."""
        fields = {"_id": 0, "contact_id": 1, "direction": 1, "channel": 1, "intent": 1}
        async for m in self.collection.find({}, fields):
            yield Envelope(m.get("contact_id"), m.get("direction"), m.get("channel"),
                           m.get("intent"))

    async def delete_for_contact(self, contact_id: str) -> int:
        return (await self.collection.delete_many({"contact_id": contact_id})).deleted_count

    async def erase_for_contact(self, contact_id: str, text: str) -> int:
        """A deletion request: the records stay (times, directions, the kind of what we sent),
        what was said does not. An inbound record's decision may quote the lead: it goes too."""
        said = {"text": text, "subject": None, "attachments": []}
        inbound = await self.collection.update_many(
            {"contact_id": contact_id, "direction": "in"}, {"$set": {**said, "decision": None}})
        outbound = await self.collection.update_many(
            {"contact_id": contact_id, "direction": {"$ne": "in"}}, {"$set": said})
        return inbound.modified_count + outbound.modified_count


def _from_doc(doc: dict[str, Any]) -> Message:
    data = dict(doc)
    data["id"] = data.pop("_id")
    data["at"] = from_ts(data["at"])
    return Message.model_validate(data)
