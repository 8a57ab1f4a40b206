"""Contacts in MongoDB: unique by email, by Telegram handle and by Telegram chat (indexes, not
check-then-insert), times as epoch seconds."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from ..domain.identity import company_domain, key_kind, normalize_handle
from ..domain.model import Contact, Status
from ..errors import ContactNotFound, DuplicateContact
from .counts import count_by
from .timeutil import from_ts, to_ts

_TIME_FIELDS = ("until", "created_at", "updated_at", "last_out_at", "last_in_at", "wake_at",
                "demo_at")
_UNIQUE = ("email", "telegram", "telegram_chat_id")


def to_doc(contact: Contact) -> dict[str, Any]:
    doc = contact.model_dump(mode="python")
    doc["_id"] = doc.pop("id")
    doc["status"] = str(contact.status)
    for f in _TIME_FIELDS:
        doc[f] = to_ts(doc[f])
    doc["offered_slots"] = [to_ts(t) for t in contact.offered_slots]
    return doc


def from_doc(doc: dict[str, Any]) -> Contact:
    data = dict(doc)
    data["id"] = data.pop("_id")
    for f in _TIME_FIELDS:
        data[f] = from_ts(data.get(f))
    data["offered_slots"] = [from_ts(t) for t in data.get("offered_slots") or []]
    return Contact.model_validate(data)


def new_contact_id() -> str:
    return str(ObjectId())


class ContactRepository:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def ensure_indexes(self) -> None:
        for field, kind in (("email", "string"), ("telegram", "string"),
                            ("telegram_chat_id", "number")):
            await self.collection.create_index(
                field, unique=True, partialFilterExpression={field: {"$type": kind}}
            )
        await self.collection.create_index("status")  # nx-27017 ignores compound indexes
        await self.collection.create_index("wake_at")
        await self.collection.create_index("last_in_at")  # colleagues_in_touch
        await self.collection.create_index([("status", 1), ("wake_at", 1)])
        await self.collection.create_index("bot_token")

    async def add(self, contact: Contact) -> Contact:
        try:
            await self.collection.insert_one(to_doc(contact))
        except DuplicateKeyError:
            raise await self._which_duplicate(contact) from None
        return contact

    async def _which_duplicate(self, contact: Contact) -> DuplicateContact:
        for field in _UNIQUE:
            value = getattr(contact, field)
            if value is not None and await self.collection.find_one({field: value}, {"_id": 1}):
                return DuplicateContact(field, str(value))
        return DuplicateContact("id", contact.id)

    async def get(self, key: str) -> Contact:
        found = await self.find(key)
        if found is None:
            raise ContactNotFound(key)
        return found

    async def find(self, key: str) -> Contact | None:
        kind = key_kind(key)
        if kind == "email":
            query: dict[str, Any] = {"email": key.strip().lower()}
        elif kind == "telegram":
            query = {"telegram": normalize_handle(key)}
        else:
            query = {"_id": key.strip()}
        doc = await self.collection.find_one(query)
        return from_doc(doc) if doc else None

    async def find_by(self, **query: Any) -> Contact | None:
        doc = await self.collection.find_one(query)
        return from_doc(doc) if doc else None

    async def list(self, status: Status | None = None, *, limit: int = 0) -> list[Contact]:
        """Oldest first; `limit` 0 = all."""
        return await self._by_age(status, limit, ASCENDING)

    async def newest(self, status: Status | None = None, *, limit: int = 0) -> list[Contact]:
        """Newest first (the console's list); `limit` 0 = all."""
        return await self._by_age(status, limit, DESCENDING)

    async def _by_age(self, status: Status | None, limit: int, order: int) -> list[Contact]:
        query = {"status": str(status)} if status else {}
        cursor = self.collection.find(query).sort("created_at", order).limit(limit)
        return [from_doc(d) async for d in cursor]

    async def ids_with_status(self, status: Status) -> list[str]:
        cursor = self.collection.find({"status": str(status)}, {"_id": 1})
        return [d["_id"] async for d in cursor]

    async def new_ids(self) -> list[tuple[str, int]]:
        """Every new contact's id and epoch (what a start's key needs), no contact built."""
        cursor = self.collection.find({"status": str(Status.NEW)}, {"_id": 1, "epoch": 1})
        return [(d["_id"], int(d.get("epoch") or 0)) async for d in cursor]

    async def update(self, contact_id: str, *, where: dict[str, Any] | None = None,
                     **fields: Any) -> Contact | None:
        """Set fields (datetimes become epoch seconds); None if `where` no longer matches."""
        values = {k: (to_ts(v) if isinstance(v, datetime) else v) for k, v in fields.items()}
        if "offered_slots" in values:
            values["offered_slots"] = [to_ts(t) for t in values["offered_slots"]]
        values = {k: (str(v) if isinstance(v, Status) else v) for k, v in values.items()}
        doc = await self.collection.find_one_and_update(
            {"_id": contact_id, **(where or {})}, {"$set": values},
            return_document=ReturnDocument.AFTER,
        )
        return from_doc(doc) if doc else None

    async def bind_chat_by_token(self, token: str, chat_id: int,
                                 now: datetime) -> Contact | None:
        """The contact holding the single-use deep-link `token` gets the Telegram chat, the
        token spent in the same update; None when no one holds it (or it was spent meanwhile).
        The chat may be bound elsewhere already (a /start without a token made a contact
        first): the deep link names the real lead, so the binding moves to it."""
        owner = await self.collection.find_one({"bot_token": token}, {"_id": 1})
        if owner is None:
            return None
        await self.collection.update_many(
            {"telegram_chat_id": chat_id, "_id": {"$ne": owner["_id"]}},
            {"$set": {"telegram_chat_id": None}})
        try:
            doc = await self.collection.find_one_and_update(
                {"bot_token": token},
                {"$set": {"bot_token": None, "telegram_chat_id": chat_id,
                          "updated_at": to_ts(now)}},
                return_document=ReturnDocument.AFTER)
        except DuplicateKeyError:  # another /start bound the chat meanwhile
            return None
        # None: the token was used meanwhile (nx-27017 also answers a clash so)
        return from_doc(doc) if doc else None

    async def due(self, now: datetime, *, limit: int = 100) -> list[Contact]:
        """Contacts whose wake-up time has come (follow-ups, reminders)."""
        cursor = self.collection.find(
            {"wake_at": {"$lte": to_ts(now)}, "status": {"$in": ["active", "later"]}}
        ).sort("wake_at", 1).limit(limit)
        return [from_doc(d) async for d in cursor]

    async def colleagues(self, contact: Contact) -> list[Contact]:
        """Other people at the lead's company: the same company name, or the same email domain
        unless it is a free-mail one (two gmail users are not colleagues)."""
        either = _colleague_filters(contact)
        if not either:
            return []
        cursor = self.collection.find({"$or": either, "_id": {"$ne": contact.id}}).limit(200)
        return [from_doc(d) async for d in cursor]

    async def colleagues_in_touch(self, contact: Contact) -> list[Contact]:
        """The colleagues who ever wrote to us or said stop: all a cold message's company check
        needs. Through the `last_in_at` and `status` indexes, one query per kind of colleague:
        `colleagues()`'s `$or` and regex scan every contact on nx-27017 (0.3 s at 1,000)."""
        either = _colleague_filters(contact)
        found: dict[str, dict[str, Any]] = {}
        for signal in ({"last_in_at": {"$gt": 0}}, {"status": str(Status.STOPPED)}):
            for colleague in either:
                query = {**signal, **colleague, "_id": {"$ne": contact.id}}
                async for d in self.collection.find(query).limit(200):
                    found[d["_id"]] = d
        return [from_doc(d) for d in found.values()]

    async def company_members(self, company: str, *, limit: int = 50) -> list[str]:
        """Ids of a company's contacts, oldest first (ties by id): a stable order."""
        cursor = self.collection.find({"company": company}, {"_id": 1}).sort(
            [("created_at", 1), ("_id", 1)]).limit(limit)
        return [d["_id"] async for d in cursor]

    async def count_by_status(self) -> dict[str, int]:
        """Contacts per status: every Status, zero included, and nothing else."""
        counts = await count_by(self.collection, "status", (s.value for s in Status))
        return {s.value: counts[s.value] for s in Status}


def _colleague_filters(contact: Contact) -> list[dict[str, Any]]:
    """Who counts as a colleague: the same company name, or the same email domain unless it is a
    free-mail one (two gmail users are not colleagues)."""
    either: list[dict[str, Any]] = []
    if contact.company.strip():
        either.append({"company": contact.company})
    domain = company_domain(contact.email)
    if domain:
        either.append({"email": {"$regex": "[@.]" + re.escape(domain) + "$"}})
    return either
