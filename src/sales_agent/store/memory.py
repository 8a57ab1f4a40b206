"""The store port in memory: dicts in one process, for tests that run the engine in
milliseconds. It answers as the MongoDB repositories do (unique keys, leases, due times,
cancellations); the repositories themselves are tested against the wire server.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import re
import time
from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from ..domain.identity import company_domain, key_kind, normalize_handle
from ..domain.model import Contact, Message, Status
from ..errors import ContactNotFound, DuplicateContact
from .corrections import Correction
from .items import InboxItem, OutboxItem
from .queue import CANCELLED, DONE, PENDING
from .suppression import addresses, digest

Item = TypeVar("Item", InboxItem, OutboxItem)
_UNIQUE = ("email", "telegram", "telegram_chat_id")


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _matches(doc: dict[str, Any], where: dict[str, Any]) -> bool:
    """The few query forms the repositories use: equality, $ne, $in, $lte, $lt, $gt."""
    for field, want in where.items():
        have = _plain(doc.get(field))
        if isinstance(want, dict):
            ops = {"$ne": lambda h, w: h != w, "$in": lambda h, w: h in w,
                   "$lte": lambda h, w: h is not None and h <= w,
                   "$lt": lambda h, w: h is not None and h < w,
                   "$gt": lambda h, w: h is not None and h > w}
            if not all(ops[op](have, arg) for op, arg in want.items()):
                return False
        elif have != _plain(want):
            return False
    return True


class MemoryContacts:
    def __init__(self) -> None:
        self.by_id: dict[str, Contact] = {}

    def _doc(self, contact: Contact) -> dict[str, Any]:
        return {"_id": contact.id, **contact.model_dump()}

    async def add(self, contact: Contact) -> Contact:
        for field in _UNIQUE:
            value = getattr(contact, field)
            if value is not None and any(getattr(c, field) == value
                                         for c in self.by_id.values()):
                raise DuplicateContact(field, str(value))
        if contact.id in self.by_id:
            raise DuplicateContact("id", contact.id)
        self.by_id[contact.id] = contact
        return contact

    async def get(self, key: str) -> Contact:
        found = await self.find(key)
        if found is None:
            raise ContactNotFound(key)
        return found

    async def find(self, key: str) -> Contact | None:
        kind = key_kind(key)
        if kind == "email":
            return await self.find_by(email=key.strip().lower())
        if kind == "telegram":
            return await self.find_by(telegram=normalize_handle(key))
        return self.by_id.get(key.strip())

    async def find_by(self, **query: Any) -> Contact | None:
        return next((c for c in self.by_id.values() if _matches(self._doc(c), query)), None)

    async def list(self, status: Status | None = None, *, limit: int = 0) -> list[Contact]:
        found = sorted((c for c in self.by_id.values() if status is None or c.status is status),
                       key=lambda c: c.created_at)
        return found[:limit] if limit else found

    async def update(self, contact_id: str, *, where: dict[str, Any] | None = None,
                     **fields: Any) -> Contact | None:
        contact = self.by_id.get(contact_id)
        if contact is None or not _matches(self._doc(contact), where or {}):
            return None
        updated = Contact.model_validate({**contact.model_dump(), **fields})
        self.by_id[contact_id] = updated
        return updated

    async def due(self, now: datetime, *, limit: int = 100) -> list[Contact]:
        found = sorted((c for c in self.by_id.values() if c.wake_at is not None
                        and c.wake_at <= now and c.status in (Status.ACTIVE, Status.LATER)),
                       key=lambda c: c.wake_at or now)
        return found[:limit]

    async def bind_chat_by_token(self, token: str, chat_id: int,
                                 now: datetime) -> Contact | None:
        owner = await self.find_by(bot_token=token)
        if owner is None:
            return None
        for other in [c for c in self.by_id.values() if c.telegram_chat_id == chat_id]:
            if other.id != owner.id:
                await self.update(other.id, telegram_chat_id=None)
        return await self.update(owner.id, bot_token=None, telegram_chat_id=chat_id,
                                 updated_at=now)

    async def colleagues(self, contact: Contact) -> list[Contact]:
        domain = company_domain(contact.email)
        at_domain = re.compile("[@.]" + re.escape(domain) + "$") if domain else None

        def colleague(other: Contact) -> bool:
            return other.id != contact.id and (
                (bool(contact.company.strip()) and other.company == contact.company)
                or bool(at_domain and other.email and at_domain.search(other.email)))

        return [o for o in self.by_id.values() if colleague(o)][:200]

    async def company_members(self, company: str, *, limit: int = 50) -> list[str]:
        members = sorted((c for c in self.by_id.values() if c.company == company),
                         key=lambda c: (c.created_at.timestamp(), c.id))
        return [c.id for c in members[:limit]]


class MemoryMessages:
    def __init__(self) -> None:
        self.by_id: dict[str, Message] = {}

    async def record(self, message: Message) -> bool:
        if message.id in self.by_id:
            return False
        self.by_id[message.id] = message
        return True

    async def for_contact(self, contact_id: str) -> list[Message]:
        return sorted((m for m in self.by_id.values() if m.contact_id == contact_id),
                      key=lambda m: m.at)

    async def find_by_message_id(self, message_id: str) -> Message | None:
        return next((m for m in self.by_id.values() if m.message_id == message_id), None)

    async def delete_for_contact(self, contact_id: str) -> int:
        gone = [k for k, m in self.by_id.items() if m.contact_id == contact_id]
        for k in gone:
            del self.by_id[k]
        return len(gone)

    async def erase_for_contact(self, contact_id: str, text: str) -> int:
        erased = {"text": text, "subject": None, "decision": None, "attachments": []}
        mine = [k for k, m in self.by_id.items() if m.contact_id == contact_id]
        for k in mine:
            self.by_id[k] = self.by_id[k].model_copy(update=erased)
        return len(mine)


class MemoryQueue(Generic[Item]):
    """Documents as the MongoDB queue stores them, so the codec is exercised the same way."""

    def __init__(self, codec: type[Item]) -> None:
        self.codec, self.order = codec, codec.ORDER
        self.docs: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)

    def _item(self, doc: dict[str, Any] | None) -> Item | None:
        return None if doc is None else self.codec.from_doc(copy.deepcopy(doc))

    def _held(self, item_id: str, owner: str) -> dict[str, Any] | None:
        doc = self.docs.get(item_id)
        ok = doc is not None and doc["owner"] == owner and doc["status"] == PENDING
        return doc if ok else None

    async def put(self, item: Item, *, due: float) -> bool:
        if any(d["key"] == item.key for d in self.docs.values()):
            return False
        item_id = f"m{next(self._ids):08d}"
        self.docs[item_id] = {
            **copy.deepcopy(item.to_doc()), "_id": item_id, "status": PENDING, self.order: due,
            "attempts": 0, "owner": None, "lease_until": 0.0, "created_at": due}
        return True

    async def claim_due(self, owner: str, *, now: float, lease: float,
                        where: dict[str, Any] | None = None,
                        wall: float | None = None) -> Item | None:
        wall = time.time() if wall is None else wall
        due = [d for d in self.docs.values() if d["status"] == PENDING and d[self.order] <= now
               and d["lease_until"] < wall and _matches(d, where or {})]
        if not due:
            return None
        doc = min(due, key=lambda d: d[self.order])
        doc.update(owner=owner, lease_until=wall + lease, attempts=doc["attempts"] + 1)
        return self._item(doc)

    async def complete(self, item_id: str, owner: str, *, status: str = DONE, now: float,
                       **fields: Any) -> bool:
        doc = self._held(item_id, owner)
        if doc is None:
            return False
        doc.update(status=status, lease_until=0.0, finished_at=now, **fields)
        return True

    async def renew(self, item_id: str, owner: str, *, lease: float,
                    wall: float | None = None) -> bool:
        doc = self._held(item_id, owner)
        if doc is not None:
            doc["lease_until"] = (time.time() if wall is None else wall) + lease
        return doc is not None

    async def release(self, item_id: str, owner: str, *, error: str) -> None:
        if (doc := self._held(item_id, owner)) is not None:
            doc.update(lease_until=0.0, owner=None, last_error=error,
                       outage_claims=int(doc.get("outage_claims") or 0) + 1)

    async def retry_at(self, item_id: str, owner: str, *, at: float, error: str) -> None:
        if (doc := self._held(item_id, owner)) is not None:
            doc.update({self.order: at, "lease_until": 0.0, "owner": None, "last_error": error})

    async def cancel(self, where: dict[str, Any], *, reason: str, now: float) -> int:
        hit = [d for d in self.docs.values() if d["status"] == PENDING and _matches(d, where)]
        for d in hit:
            d.update(status=CANCELLED, last_error=reason, finished_at=now)
        return len(hit)

    async def get(self, key: str) -> Item | None:
        return self._item(next((d for d in self.docs.values() if d["key"] == key), None))

    async def queued_keys(self, keys: Iterable[str]) -> set[str]:
        wanted = set(keys)
        return {d["key"] for d in self.docs.values() if d["key"] in wanted}

    async def annotate(self, item_id: str, **fields: Any) -> None:
        if item_id in self.docs:
            self.docs[item_id].update(copy.deepcopy(fields))

    async def pending_for(self, contact_id: str, *, internal: bool = False) -> list[Item]:
        found = [d for d in self.docs.values() if d.get("contact_id") == contact_id
                 and d["status"] == PENDING and (internal or d.get("internal") is not True)]
        return [self.codec.from_doc(copy.deepcopy(d))
                for d in sorted(found, key=lambda d: d[self.order])]

    async def wipe_for_contact(self, contact_id: str, fields: dict[str, Any], *,
                               finished_only: bool = False) -> int:
        hit = [d for d in self.docs.values() if d.get("contact_id") == contact_id
               and not (finished_only and d["status"] == PENDING)]
        for d in hit:
            d.update(copy.deepcopy(fields))
        return len(hit)

    async def count(self, where: dict[str, Any] | None = None) -> int:
        return sum(1 for d in self.docs.values() if _matches(d, where or {}))


class MemoryNotifications:
    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, Any]] = {}

    async def add(self, key: str, *, contact_id: str | None, kind: str, reason: str, text: str,
                  at: float) -> None:
        self.by_key.setdefault(key, {"_id": key, "contact_id": contact_id, "kind": kind,
                                     "reason": reason, "text": text, "at": at,
                                     "status": "open"})

    async def open(self, limit: int = 200) -> list[dict[str, Any]]:
        found = [d for d in self.by_key.values() if d["status"] == "open"]
        return [dict(d) for d in sorted(found, key=lambda d: -d["at"])[:limit]]

    async def close(self, key: str) -> None:
        if key in self.by_key:
            self.by_key[key]["status"] = "done"

    async def erase_for_contact(self, contact_id: str, text: str) -> int:
        hit = [d for d in self.by_key.values() if d["contact_id"] == contact_id]
        for d in hit:
            d["text"] = text
        return len(hit)


class MemorySuppression:
    def __init__(self) -> None:
        self.by_digest: dict[str, dict[str, Any]] = {}

    async def add(self, contact: Contact, *, reason: str, now: float) -> None:
        for address in addresses(contact):
            await self.add_address(address, contact_id=contact.id, reason=reason, now=now)

    async def add_address(self, address: str, *, contact_id: str | None, reason: str,
                          now: float) -> None:
        self.by_digest.setdefault(digest(address), {"contact_id": contact_id,
                                                    "reason": reason, "at": now})

    async def blocks(self, *candidates: str) -> bool:
        found = [c for c in candidates if c]
        return any(k in self.by_digest for k in found + [digest(c) for c in found])

    async def forget_owner(self, contact_id: str) -> None:
        for entry in self.by_digest.values():
            if entry["contact_id"] == contact_id:
                entry["contact_id"] = None

    async def remove_for(self, contact_id: str) -> int:
        gone = [k for k, e in self.by_digest.items() if e["contact_id"] == contact_id]
        for k in gone:
            del self.by_digest[k]
        return len(gone)


class MemoryQuarantine:
    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, Any]] = {}

    async def add(self, key: str, *, channel: str, reason: str, sender: str = "",
                  subject: str | None = None, raw_size: int = 0, message_id: str | None = None,
                  head: str = "", at: float) -> bool:
        if key in self.by_key:
            return False
        self.by_key[key] = {"channel": channel, "reason": reason, "sender": sender,
                            "subject": subject, "raw_size": raw_size, "message_id": message_id,
                            "head": head, "at": at}
        return True


class MemoryCorrections:
    def __init__(self) -> None:
        self.by_message: dict[str, Correction] = {}

    async def save(self, correction: Correction) -> Correction:
        earlier = self.by_message.get(correction.message_id)
        n = earlier.n if earlier else max((c.n for c in self.by_message.values()), default=0) + 1
        stored = dataclasses.replace(correction, n=n)
        self.by_message[stored.message_id] = stored
        return stored

    async def all(self) -> list[Correction]:
        return sorted(self.by_message.values(), key=lambda c: c.n)

    async def signature(self) -> tuple[int, float]:
        return len(self.by_message), max((c.at for c in self.by_message.values()), default=0.0)

    async def delete_for_contact(self, contact_id: str) -> int:
        gone = [k for k, c in self.by_message.items() if c.contact_id == contact_id]
        for k in gone:
            del self.by_message[k]
        return len(gone)


class MemoryStore:
    """`StorePort` in memory: a fresh, empty store per instance."""

    def __init__(self) -> None:
        self.contacts = MemoryContacts()
        self.messages = MemoryMessages()
        self.inbox: MemoryQueue[InboxItem] = MemoryQueue(InboxItem)
        self.outbox: MemoryQueue[OutboxItem] = MemoryQueue(OutboxItem)
        self.notifications = MemoryNotifications()
        self.suppression = MemorySuppression()
        self.quarantine = MemoryQuarantine()
        self.corrections = MemoryCorrections()
