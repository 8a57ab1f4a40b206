"""A queue in a collection: unique keys, due times, atomic claims with an expiring lease.

Used for the inbox (events to decide on) and the outbox (messages to send). An item is
`pending` until a worker `complete`s it; a claimed item carries `owner` and `lease_until`,
and a worker that dies simply lets the lease run out, after which anyone may claim it again.
`attempts` counts claims, so a consumer can tell a first try from a retry.

Two clocks, never mixed: *what is due* is judged on the business clock the caller passes (`now`,
which `--now` may shift), *whose lease ran out* on the wall clock (`time.time()`, or `wall` in
tests). Leases are about processes: under a simulated clock that restarts at the same instant in
every run, a dead worker's lease judged on it would never end.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from bson import ObjectId
from pymongo import ASCENDING
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from .counts import count_by
from .items import InboxItem, OutboxItem

PENDING = "pending"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
CLAIM_TRIES = 8  # candidates tried before a crowded claim gives up until the next poll




Item = TypeVar("Item", InboxItem, OutboxItem)


class LeasedQueue(Generic[Item]):
    """Items of one type in and out (`InboxItem` or `OutboxItem`); documents stay in here."""

    def __init__(self, collection: AsyncCollection[Any], *, codec: type[Item]) -> None:
        self.collection = collection
        self.codec = codec
        self.order = codec.ORDER  # the float field that says when an item is due

    async def ensure_indexes(self) -> None:
        await self.collection.create_index("key", unique=True)
        # nx-27017 uses single-field indexes but not compound ones: `status` alone makes a claim
        # skip the finished items (measured: 73 -> 836 look-ups/s over 10k finished ones).
        await self.collection.create_index("status")
        await self.collection.create_index([("status", ASCENDING), (self.order, ASCENDING)])
        await self.collection.create_index("contact_id")

    async def put(self, item: Item, *, due: float) -> bool:
        """Add an item once: False when the key is already there (sent, pending or failed)."""
        doc = {
            **item.to_doc(), "_id": str(ObjectId()), "status": PENDING, self.order: due,
            "attempts": 0, "owner": None, "lease_until": 0.0, "created_at": due,
        }
        try:
            await self.collection.insert_one(doc)
        except DuplicateKeyError:
            return False
        return True

    async def claim_due(self, owner: str, *, now: float, lease: float,
                        where: dict[str, Any] | None = None,
                        wall: float | None = None) -> Item | None:
        """Take the oldest item due by `now` whose lease has run out by `wall`, or None.

        A compare-and-set rather than `find_one_and_update`: nx-27017 runs the latter as a scan
        (~75/s over 10k items) while an indexed look-up and an update by `_id` take ~1 ms. The
        update matches only while `lease_until` is what we read, so of two racing workers
        exactly one wins; the loser tries the next candidate.
        """
        wall = time.time() if wall is None else wall
        due = {"status": PENDING, self.order: {"$lte": now}, "lease_until": {"$lt": wall},
               **(where or {})}
        for _ in range(CLAIM_TRIES):
            # the whole item at once: the update below matches only if nobody claimed it in
            # between, and an unclaimed pending item changes only through a claim, so what was
            # read plus what we set is the item (one round trip fewer than reading it again)
            seen = await self.collection.find_one(due, sort=[(self.order, ASCENDING)])
            if seen is None:
                return None
            won = await self.collection.update_one(
                {"_id": seen["_id"], "status": PENDING, "lease_until": seen["lease_until"]},
                {"$set": {"owner": owner, "lease_until": wall + lease}, "$inc": {"attempts": 1}})
            if won.modified_count == 1:
                return self._item({**seen, "owner": owner, "lease_until": wall + lease,
                                   "attempts": int(seen.get("attempts") or 0) + 1})
        return None

    async def complete(self, item_id: str, owner: str, *, status: str = DONE,
                       now: float, **fields: Any) -> bool:
        """Finish a claimed item; False if the lease was lost to another worker meanwhile."""
        result = await self.collection.update_one(
            {"_id": item_id, "owner": owner, "status": PENDING},
            {"$set": {"status": status, "lease_until": 0.0, "finished_at": now, **fields}},
        )
        return result.modified_count == 1

    async def renew(self, item_id: str, owner: str, *, lease: float,
                    wall: float | None = None) -> bool:
        """Extend a held lease (a worker still busy with the item); False if it was lost."""
        wall = time.time() if wall is None else wall
        result = await self.collection.update_one(
            {"_id": item_id, "owner": owner, "status": PENDING},
            {"$set": {"lease_until": wall + lease}})
        return result.modified_count == 1

    async def held_by_others(self, owner_prefix: str, *, wall: float | None = None
                             ) -> set[str]:
        """Owners starting with `owner_prefix` (this host) holding a live lease now."""
        wall = time.time() if wall is None else wall
        cursor = self.collection.find(
            {"status": PENDING, "lease_until": {"$gt": wall}}, {"owner": 1})
        return {d["owner"] async for d in cursor
                if isinstance(d.get("owner"), str) and d["owner"].startswith(owner_prefix)}

    async def release_owners(self, owners: Iterable[str]) -> int:
        """Free the items of workers known to be dead: anyone may claim them at once."""
        result = await self.collection.update_many(
            {"status": PENDING, "owner": {"$in": list(owners)}},
            {"$set": {"lease_until": 0.0, "owner": None}})
        return result.modified_count

    async def release(self, item_id: str, owner: str, *, error: str) -> None:
        """Give an item back because the channel is down, not because it failed: it keeps its
        place in the queue, and the claim is not counted as one of its attempts to fail on."""
        await self.collection.update_one(
            {"_id": item_id, "owner": owner, "status": PENDING},
            {"$set": {"lease_until": 0.0, "owner": None, "last_error": error},
             "$inc": {"outage_claims": 1}})

    async def retry_at(self, item_id: str, owner: str, *, at: float, error: str) -> None:
        await self.collection.update_one(
            {"_id": item_id, "owner": owner, "status": PENDING},
            {"$set": {self.order: at, "lease_until": 0.0, "owner": None, "last_error": error}},
        )

    async def cancel(self, where: dict[str, Any], *, reason: str, now: float) -> int:
        result = await self.collection.update_many(
            {"status": PENDING, **where},
            {"$set": {"status": CANCELLED, "last_error": reason, "finished_at": now}},
        )
        return result.modified_count

    async def get(self, key: str) -> Item | None:
        return self._item(await self.collection.find_one({"key": key}))

    async def queued_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` are in the queue already (in any status), in one query."""
        cursor = self.collection.find({"key": {"$in": list(keys)}}, {"key": 1})
        return {doc["key"] async for doc in cursor}

    async def annotate(self, item_id: str, **fields: Any) -> None:
        """Keep something learned about an item on it (a replay reads it back)."""
        await self.collection.update_one({"_id": item_id}, {"$set": fields})

    async def pending_for(self, contact_id: str, *, internal: bool = False) -> list[Item]:
        """A contact's items still waiting, soonest first (notes to our manager only when
        `internal`)."""
        where: dict[str, Any] = {"contact_id": contact_id, "status": PENDING}
        if not internal:
            where["internal"] = {"$ne": True}
        cursor = self.collection.find(where).sort(self.order, ASCENDING)
        return [self.codec.from_doc(doc) async for doc in cursor]

    async def wipe_for_contact(self, contact_id: str, fields: dict[str, Any], *,
                               finished_only: bool = False) -> int:
        """Overwrite fields on a contact's items (an erasure); `finished_only` spares what
        still waits to be sent."""
        where: dict[str, Any] = {"contact_id": contact_id}
        if finished_only:
            where["status"] = {"$ne": PENDING}
        return (await self.collection.update_many(where, {"$set": fields})).modified_count

    def _item(self, doc: dict[str, Any] | None) -> Item | None:
        return None if doc is None else self.codec.from_doc(doc)

    async def count(self, where: dict[str, Any] | None = None) -> int:
        # count_documents is an aggregation that nx-27017 runs as a scan (~5/s over 10k items);
        # reading the ids through the index is ~25x faster there and the same on MongoDB.
        return len(await self.collection.find(where or {}, {"_id": 1}).to_list())

    async def depth(self) -> dict[str, int]:
        return await count_by(self.collection, "status", (PENDING, DONE, FAILED, CANCELLED))
