"""The logic worker: claims inbox items and hands them to the engine, one lead at a time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

from ..store import StoreFailure
from ..store.items import InboxItem
from ..store.port import StorePort
from ..store.queue import DONE
from .clock import Clock
from .conversation_engine import ConversationEngine
from .leases import holding
from .logs import log_event

log = logging.getLogger(__name__)


class LogicWorker:
    """lease: seconds an item is held (classification + rendering take milliseconds offline,
    an LLM call up to its timeout); max_attempts: claims before an item is quarantined."""

    def __init__(self, store: StorePort, engine: ConversationEngine, *, clock: Clock, owner: str,
                 lease: float = 120.0, max_attempts: int = 5) -> None:
        self.store, self.engine, self.clock = store, engine, clock
        self.owner, self.lease, self.max_attempts = owner, lease, max_attempts
        self.processed = self.quarantined = 0
        self._busy: dict[str, tuple[asyncio.Lock, int]] = {}  # contact -> (lock, users)

    async def process_one(self) -> bool:
        # The inbox is a ready queue: the scheduler adds wake-ups only once they are due on the
        # business clock, and a reply is due the moment it arrives (its stamp is the wall
        # clock's). So an item is ready by either clock; `--now` in the past still reads mail.
        ready = max(self.clock.ts(), time.time())
        item = await self.store.inbox.claim_due(self.owner, now=ready, lease=self.lease)
        if item is None:
            return False
        if item.queue.attempts > self.max_attempts:
            await self._quarantine(item, "failed too many times")
            return True
        try:
            async with holding(self.store.inbox, item, self.owner, self.lease), \
                    self._one_at_a_time(item):
                outcome = await self.engine.process(item)
        except StoreFailure:
            raise  # the store is down: the role waits it out; the item's lease runs out
        except Exception as e:
            log.exception("inbox item %s failed", item.key)
            await self.store.inbox.retry_at(item.id, self.owner,
                                            at=self.clock.ts() + 10.0 * item.queue.attempts,
                                            error=repr(e)[:500])
            return True
        status = "unmatched" if outcome == "unmatched" else DONE
        await self.store.inbox.complete(item.id, self.owner, status=status,
                                        now=self.clock.ts(), outcome=outcome)
        self.processed += 1
        return True

    @contextlib.asynccontextmanager
    async def _one_at_a_time(self, item: InboxItem) -> AsyncIterator[None]:
        """Loops of this worker run side by side (the store's round trips overlap), but one
        lead's items are decided one after another, in the order they were claimed."""
        who = item.contact_id or item.sender or ""
        lock, users = self._busy.get(who, (asyncio.Lock(), 0))
        self._busy[who] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._busy[who]
            if users > 1:
                self._busy[who] = (lock, users - 1)
            else:
                del self._busy[who]  # nobody else waits: not kept

    async def _quarantine(self, item: InboxItem, reason: str) -> None:
        self.quarantined += 1
        log_event("quarantined", level=logging.ERROR, key=item.key, why=reason)
        await self.store.inbox.complete(item.id, self.owner, status="quarantined",
                                        now=self.clock.ts(), last_error=reason)
