"""Turns due times into inbox events: new contacts to start, follow-ups and reminders to send.

Keys make it safe to run anywhere, any number of times: the same start or wake-up is queued once.
"""

from __future__ import annotations

from ..domain.model import Status
from ..store import Store
from ..store.timeutil import to_ts
from .clock import Clock


async def schedule_due(store: Store, clock: Clock, *, batch: int = 500) -> int:
    now = clock.now()
    queued = 0
    for contact in await store.contacts.list(Status.NEW, limit=batch):
        queued += await store.inbox.put(
            f"start:{contact.id}:{contact.epoch}",
            {"type": "start", "contact_id": contact.id, "epoch": contact.epoch},
            due=clock.ts())
    for contact in await store.contacts.due(now, limit=batch):
        wake = to_ts(contact.wake_at)
        queued += await store.inbox.put(
            f"wake:{contact.id}:{contact.epoch}:{wake:.0f}",
            {"type": "wake", "contact_id": contact.id, "reason": contact.wake_reason,
             "wake_at": wake}, due=clock.ts())
    return queued
