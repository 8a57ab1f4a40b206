"""The operator's corrections of the classifier: one document per inbound message.

The document's `_id` is the message's id, so a second correction of the same message replaces
the first (keeping its number `n`, which names it `c-<n>` in the exported corpus). Times are
epoch seconds like everywhere in the store. Every save and removal then bumps a version
number kept in one small document of `meta`: a running agent reads that one number per reply to
learn whether the set changed (workers/corrections.py), not the corrections themselves.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

_VERSION_ID = "corrections"  # the version document's `_id` in `meta`


@dataclass(frozen=True)
class OldVerdict:
    """What the agent had understood before the operator corrected it."""

    intent: str | None
    confidence: float | None = None
    review: bool | None = None


@dataclass(frozen=True)
class Correction:
    message_id: str
    contact_id: str
    text: str  # the lead's own words, as the classifier read them (boilerplate removed)
    channel: str
    language: str
    written_at: float  # when the lead wrote (dates in the text are resolved against it)
    intents: tuple[str, ...]  # the operator's verdict, the first one is acted on
    old: OldVerdict
    operator: str
    at: float  # when the operator corrected
    contact: str | None = None  # redirect/auto_reply: the colleague or deputy
    until: date | None = None  # later/auto_reply: the date to write again
    n: int = 0  # 1, 2, …: the corpus id c-<n>, assigned when first stored
    subject: str | None = None

    @property
    def intent(self) -> str:
        return self.intents[0]

    @property
    def corpus_id(self) -> str:
        return f"c-{self.n}"


class CorrectionRepository:
    def __init__(self, collection: AsyncCollection[Any], meta: AsyncCollection[Any]) -> None:
        self.collection, self.meta = collection, meta

    async def ensure_indexes(self) -> None:
        # `_id` is the message id (unique by itself); these serve the page and the privacy erase.
        await self.collection.create_index("contact_id")
        await self.collection.create_index("at")

    async def save(self, correction: Correction) -> Correction:
        """Insert, or replace this message's earlier correction (its number is kept)."""
        earlier = await self.collection.find_one({"_id": correction.message_id}, {"n": 1})
        n = int(earlier["n"]) if earlier else await self._next_number()
        stored = Correction(**{**asdict(correction), "old": correction.old, "n": n})
        await self.collection.replace_one({"_id": stored.message_id}, _to_doc(stored),
                                          upsert=True)
        await self._bump()
        return stored

    async def _next_number(self) -> int:
        last = await self.collection.find({}, {"n": 1}).sort("n", -1).limit(1).to_list()
        return int(last[0]["n"]) + 1 if last else 1

    async def get(self, message_id: str) -> Correction | None:
        doc = await self.collection.find_one({"_id": message_id})
        return _from_doc(doc) if doc else None

    async def for_messages(self, message_ids: list[str]) -> dict[str, Correction]:
        if not message_ids:
            return {}
        cursor = self.collection.find({"_id": {"$in": message_ids}})
        return {d["_id"]: _from_doc(d) async for d in cursor}

    async def all(self) -> list[Correction]:
        """Oldest first (by number), the order of the exported corpus."""
        return [_from_doc(d) async for d in self.collection.find({}).sort("n", 1)]

    async def version(self) -> int:
        """Moves whenever a correction is added, replaced or removed (0 before the first):
        one document by `_id`, cheap enough to ask per reply."""
        doc = await self.meta.find_one({"_id": _VERSION_ID}, {"version": 1})
        return int(doc.get("version") or 0) if doc else 0

    async def delete_for_contact(self, contact_id: str) -> int:
        deleted = (await self.collection.delete_many({"contact_id": contact_id})).deleted_count
        await self._bump()
        return deleted

    async def _bump(self) -> None:
        """After the change, never before: a reader that sees the new version finds the new
        set (one that reads the set between the two only reads it once more)."""
        try:
            await self.meta.update_one({"_id": _VERSION_ID}, {"$inc": {"version": 1}},
                                       upsert=True)
        except DuplicateKeyError:  # two first bumps raced to insert: the document is there now
            await self.meta.update_one({"_id": _VERSION_ID}, {"$inc": {"version": 1}})


def _to_doc(c: Correction) -> dict[str, Any]:
    doc = asdict(c)
    doc["_id"] = doc.pop("message_id")
    doc["intents"] = list(c.intents)
    doc["until"] = c.until.isoformat() if c.until else None
    return doc


def _from_doc(doc: dict[str, Any]) -> Correction:
    data = dict(doc)
    data["message_id"] = data.pop("_id")
    data["intents"] = tuple(data.get("intents") or ("other",))
    data["old"] = OldVerdict(**(data.get("old") or {"intent": None}))
    data["until"] = date.fromisoformat(data["until"]) if data.get("until") else None
    known = Correction.__dataclass_fields__
    return Correction(**{k: v for k, v in data.items() if k in known})
