"""Turns due times into inbox events: new contacts to start, follow-ups and reminders to send.

Keys make it safe to run anywhere, any number of times: the same start or wake-up is queued once.
Keys already queued are looked up in one query first, so a long backlog of new contacts costs one
read per tick rather than an insert refused per contact.
"""

from __future__ import annotations

from typing import Any

from ..domain.model import Status
from ..store import Store
from ..store.timeutil import to_ts
from .clock import Clock


async def schedule_due(store: Store, clock: Clock, *, batch: int = 500) -> int:
    now = clock.now()
    events: dict[str, dict[str, Any]] = {}
    for contact in await store.contacts.list(Status.NEW, limit=batch):
        events[f"start:{contact.id}:{contact.epoch}"] = {
            "type": "start", "contact_id": contact.id, "epoch": contact.epoch}
    for contact in await store.contacts.due(now, limit=batch):
        wake = to_ts(contact.wake_at)
        events[f"wake:{contact.id}:{contact.epoch}:{wake:.0f}"] = {
            "type": "wake", "contact_id": contact.id, "reason": contact.wake_reason,
            "wake_at": wake}
    if not events:
        return 0
    queued = {doc["key"] async for doc in store.inbox.collection.find(
        {"key": {"$in": list(events)}}, {"key": 1})}
    added = 0
    for key, doc in events.items():
        if key not in queued:
            added += await store.inbox.put(key, doc, due=clock.ts())
    return added
