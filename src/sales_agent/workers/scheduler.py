"""Turns due times into inbox events: new contacts to start, follow-ups and reminders to send.

Keys make it safe to run anywhere, any number of times: the same start or wake-up is queued once.
Keys already queued are looked up in one query first, so a long backlog of new contacts costs one
read per tick rather than an insert refused per contact; keys this process saw queued are
remembered, so they are not asked again.

Finding the new contacts reads every one of them (nx-27017 decodes each document even for a
projection: ~0.3-0.5 ms apiece), and a contact stays new until the logic has written to it. So
the `Scheduler` paces its scans: after a scan it lets a few times as long as the scan took pass
(at most three idle polls), keeping the store free for the roles that send (measured: 1,000
new contacts, a 0.5 s scan every 0.25 s had the store busy with nothing else).
"""

from __future__ import annotations

import time

from ..domain import keys
from ..store.items import InboxItem
from ..store.port import StorePort
from ..store.timeutil import to_ts
from .clock import Clock

STORE_SHARE = 0.2  # at most this share of the time is spent scanning
PACE_POLLS = 3  # the longest pause between two scans, in idle polls (see Scheduler)


async def schedule_due(store: StorePort, clock: Clock, *, batch: int = 500,
                       known: set[str] | None = None) -> int:
    """Queue the start of every new contact and every wake-up due; how many were added.
    `known`: keys seen queued before (skipped; the keys found queued now are added to it)."""
    known = set() if known is None else known
    now = clock.now()
    events: dict[str, InboxItem] = {}
    # ids and epochs only: no contact built for a start that is queued already
    for contact_id, epoch in await store.contacts.new_ids():
        key = keys.conversation_start(contact_id, epoch)
        if key not in known:
            events[key] = InboxItem(key=key, type="start", contact_id=contact_id, epoch=epoch)
    for contact in await store.contacts.due(now, limit=batch):
        wake = to_ts(contact.wake_at)
        key = keys.wake_up(contact.id, contact.epoch, wake)
        if key not in known:
            events[key] = InboxItem(key=key, type="wake", contact_id=contact.id,
                                    reason=contact.wake_reason, wake_at=wake)
    if not events:
        return 0
    queued = await store.inbox.queued_keys(events)
    known |= queued
    added = 0
    for key, event in events.items():
        if key not in queued:
            added += await store.inbox.put(event, due=clock.ts())
            known.add(key)
    return added


class Scheduler:
    """The scheduler role's step: a scan, or nothing while the scan before is being paced.

    A paced step is a quiet poll, not work (`--until-idle` may end meanwhile), so the wait is
    capped at `PACE_POLLS` polls: fewer than the quiet polls the logic and then the whole run
    need before `--until-idle` ends, so a contact the logic adds last (a referred colleague) is
    still seen by a scan before the run ends."""

    def __init__(self, store: StorePort, clock: Clock, *, poll: float,
                 share: float = STORE_SHARE) -> None:
        self.store, self.clock, self.share = store, clock, share
        self.max_wait = PACE_POLLS * poll
        self.known: set[str] = set()
        self._next = 0.0

    async def step(self) -> bool:
        if time.monotonic() < self._next:
            return False
        started = time.monotonic()
        added = await schedule_due(self.store, self.clock, known=self.known)
        spent = time.monotonic() - started
        self._next = time.monotonic() + min(spent * (1 / self.share - 1), self.max_wait)
        return added > 0
