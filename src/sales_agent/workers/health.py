"""Outages as the operator wants them: one log line when a part goes down, one when it is back,
none in between (no traceback per retry); the state published for `status` and the console.

Parts: `store`, each channel's send side (`email`, `telegram`, …), each receive side
(`email-in`, …) and every role the supervisor runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass

from ..store import Store
from .logs import log_event

log = logging.getLogger(__name__)
OK, DOWN, STOPPED = "ok", "down", "stopped"
PUBLISH_EVERY = 15.0


SETTLE = 5.0  # a part must work this long after an outage before it counts as recovered


@dataclass
class PartState:
    state: str = OK
    since: float = 0.0
    error: str | None = None
    failures: int = 0
    working_since: float | None = None  # down, but working again since then (settling)


def first_line(error: BaseException | str) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


class Health:
    def __init__(self, store: Store | None, owner: str) -> None:
        self.store, self.owner = store, owner
        self.parts: dict[str, PartState] = {}
        self._dirty = asyncio.Event()

    def _part(self, part: str) -> PartState:
        if part not in self.parts:
            self.parts[part] = PartState(since=time.time())
            self._dirty.set()
        return self.parts[part]

    def up(self, part: str) -> None:
        """The part works. A recovery is told once it has worked for SETTLE seconds: a store
        that fails again right after coming back (its pool being reset) is still one outage."""
        state = self._part(part)
        if state.state != DOWN:
            return
        now = time.time()
        if state.working_since is None:
            state.working_since = now
        elif now - state.working_since >= SETTLE:
            self._recovered(part, state)

    def _recovered(self, part: str, state: PartState) -> None:
        log_event("recovered", part=part, after=f"{time.time() - state.since:.0f}s",
                  failures=state.failures)
        self.parts[part] = PartState(since=time.time())
        self._dirty.set()

    def settle(self) -> None:
        """Tell the recoveries of parts that have worked long enough since (quiet parts)."""
        now = time.time()
        for part, state in list(self.parts.items()):
            if state.state == DOWN and state.working_since is not None \
                    and now - state.working_since >= SETTLE:
                self._recovered(part, state)

    def down(self, part: str, error: BaseException | str) -> None:
        state = self._part(part)
        if state.state == STOPPED:
            return
        state.failures += 1
        state.working_since = None
        if state.state == OK:
            log_event("outage", level=logging.WARNING, part=part, error=first_line(error))
            self.parts[part] = PartState(DOWN, time.time(), first_line(error), 1)
            self._dirty.set()
        else:
            log.debug("%s still down: %s", part, first_line(error))

    def stopped(self, part: str, reason: BaseException | str) -> None:
        if self._part(part).state != STOPPED:
            log_event("stopped", level=logging.ERROR, part=part, why=first_line(reason))
            self.parts[part] = PartState(STOPPED, time.time(), first_line(reason))
            self._dirty.set()

    def is_stopped(self, part: str) -> bool:
        return part in self.parts and self.parts[part].state == STOPPED

    async def publish_forever(self) -> None:
        """Write the states on every change, and every PUBLISH_EVERY s so they stay fresh."""
        last = 0.0
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._dirty.wait(), SETTLE / 2)
            self.settle()
            if not self._dirty.is_set() and time.monotonic() - last < PUBLISH_EVERY:
                continue
            last = time.monotonic()
            self._dirty.clear()
            if not await self.publish():
                self._dirty.set()  # try again soon, not in a tight loop
                await asyncio.sleep(2.0)

    async def publish(self) -> bool:
        if self.store is None:
            return True
        for part, s in list(self.parts.items()):
            try:
                await self.store.health.report(part, state=s.state, since=s.since,
                                               error=s.error, owner=self.owner)
            except Exception as e:  # the store itself is down: it is reported as such
                self.down("store", e)
                return False
        return True
