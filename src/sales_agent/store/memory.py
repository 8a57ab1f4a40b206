"""The store port in memory: dicts in one process, for tests that run the engine in
milliseconds. It answers as the MongoDB repositories do (unique keys, leases, due times,
cancellations); the repositories themselves are tested against the wire server.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from typing import Any

from ..domain.identity import company_domain, key_kind, normalize_handle
from ..domain.model import Contact, Direction, Message, Status
from ..errors import ContactNotFound, DuplicateContact
from .corrections import Correction
from .items import InboxItem, OutboxItem
from .memory_queue import MemoryQueue, matches
from .suppression import addresses, digest

_UNIQUE = ("email", "telegram", "telegram_chat_id")


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
        return next((c for c in self.by_id.values() if matches(self._doc(c), query)), None)

    async def list(self, status: Status | None = None, *, limit: int = 0) -> list[Contact]:
        found = sorted((c for c in self.by_id.values() if status is None or c.status is status),
                       key=lambda c: c.created_at)
        return found[:limit] if limit else found

    async def new_ids(self) -> list[tuple[str, int]]:
        return [(c.id, c.epoch) for c in await self.list(Status.NEW)]

    async def update(self, contact_id: str, *, where: dict[str, Any] | None = None,
                     **fields: Any) -> Contact | None:
        contact = self.by_id.get(contact_id)
        if contact is None or not matches(self._doc(contact), where or {}):
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

    async def colleagues_in_touch(self, contact: Contact) -> list[Contact]:
        return [o for o in await self.colleagues(contact)
                if o.last_in_at is not None or o.status is Status.STOPPED]

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

    async def get(self, record_id: str) -> Message | None:
        return self.by_id.get(record_id)

    async def delete_for_contact(self, contact_id: str) -> int:
        gone = [k for k, m in self.by_id.items() if m.contact_id == contact_id]
        for k in gone:
            del self.by_id[k]
        return len(gone)

    async def erase_for_contact(self, contact_id: str, text: str) -> int:
        said = {"text": text, "subject": None, "attachments": []}
        mine = [k for k, m in self.by_id.items() if m.contact_id == contact_id]
        for k in mine:
            inbound = self.by_id[k].direction == Direction.IN
            self.by_id[k] = self.by_id[k].model_copy(
                update={**said, "decision": None} if inbound else said)
        return len(mine)


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
        self._version = 0

    async def save(self, correction: Correction) -> Correction:
        earlier = self.by_message.get(correction.message_id)
        n = earlier.n if earlier else max((c.n for c in self.by_message.values()), default=0) + 1
        stored = dataclasses.replace(correction, n=n)
        self.by_message[stored.message_id] = stored
        self._version += 1
        return stored

    async def all(self) -> list[Correction]:
        return sorted(self.by_message.values(), key=lambda c: c.n)

    async def version(self) -> int:
        return self._version

    async def delete_for_contact(self, contact_id: str) -> int:
        gone = [k for k, c in self.by_message.items() if c.contact_id == contact_id]
        for k in gone:
            del self.by_message[k]
        self._version += 1
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
