"""Turns due times into inbox events: new contacts to start, follow-ups and reminders to send.

Keys make it safe to run anywhere, any number of times: the same start or wake-up is queued once.
Keys already queued are looked up in one query first, so a long backlog of new contacts costs one
read per tick rather than an insert refused per contact.
"""

from __future__ import annotations

from ..domain import keys
from ..domain.model import Status
from ..store.items import InboxItem
from ..store.port import StorePort
from ..store.timeutil import to_ts
from .clock import Clock


async def schedule_due(store: StorePort, clock: Clock, *, batch: int = 500) -> int:
    now = clock.now()
    events: list[InboxItem] = []
    for contact in await store.contacts.list(Status.NEW, limit=batch):
        events.append(InboxItem(key=keys.conversation_start(contact.id, contact.epoch),
                                type="start",
                                contact_id=contact.id, epoch=contact.epoch))
    for contact in await store.contacts.due(now, limit=batch):
        wake = to_ts(contact.wake_at)
        events.append(InboxItem(key=keys.wake_up(contact.id, contact.epoch, wake),
                                type="wake", contact_id=contact.id, reason=contact.wake_reason,
                                wake_at=wake))
    if not events:
        return 0
    queued = await store.inbox.queued_keys(e.key for e in events)
    added = 0
    for event in {e.key: e for e in events}.values():
        if event.key not in queued:
            added += await store.inbox.put(event, due=clock.ts())
    return added
