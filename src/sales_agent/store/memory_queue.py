"""The in-memory queue of the store port (see memory.py): documents kept as the MongoDB queue
stores them, so the items' codec is exercised the same way, with the same keys, due times,
leases and cancellations as store/queue.py."""

from __future__ import annotations

import copy
import itertools
import time
from collections.abc import Iterable
from enum import Enum
from typing import Any, Generic, TypeVar

from .items import InboxItem, OutboxItem
from .queue import CANCELLED, DONE, PENDING

Item = TypeVar("Item", InboxItem, OutboxItem)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def matches(doc: dict[str, Any], where: dict[str, Any]) -> bool:
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


class MemoryQueue(Generic[Item]):
    """An inbox or outbox in memory."""

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
               and d["lease_until"] < wall and matches(d, where or {})]
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
        hit = [d for d in self.docs.values() if d["status"] == PENDING and matches(d, where)]
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
        return sum(1 for d in self.docs.values() if matches(d, where or {}))
