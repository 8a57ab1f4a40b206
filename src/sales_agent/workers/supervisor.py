"""Roles as independent tasks under one supervisor.

Every role (the logic worker, the scheduler, each channel's sender and receiver, the console) is
its own asyncio task with its own loop, pacing and back-off, so a send-rate sleep or a slow
channel stalls only its own role. A role that crashes is logged once and restarted with back-off;
a role that returns has stopped for good (a channel whose login was refused).

`--until-idle`: every role reports when it is quiet; the run ends once all are quiet at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from ..errors import ChannelAuthError, ChannelUnavailable
from ..store import StoreFailure
from .health import Health, first_line

log = logging.getLogger(__name__)
IDLE_CHECKS = 4  # consecutive quiet polls before a role counts as idle
POLL = 0.25
MAX_BACKOFF = 30.0
STORE = "store"


@dataclass(eq=False)
class Role:
    """name: for logs and health; run: the role's own loop (returns = stopped for good);
    idle: True when the role has nothing to do right now."""

    name: str
    run: Callable[[], Awaitable[None]]
    idle: Callable[[], bool] = lambda: True
    finished: bool = field(default=False, init=False)


class Backoff:
    def __init__(self, first: float = 1.0, cap: float = MAX_BACKOFF) -> None:
        self.first, self.cap, self.delay = first, cap, first

    async def wait(self) -> None:
        await asyncio.sleep(self.delay)
        self.delay = min(self.delay * 2, self.cap)

    def reset(self) -> None:
        self.delay = self.first


class Quiet:
    """Counts a role's consecutive quiet polls; a role inside a step is never quiet."""

    def __init__(self) -> None:
        self.count = 0
        self.working = False

    def __call__(self) -> bool:
        return not self.working and self.count >= IDLE_CHECKS


def stepping(name: str, step: Callable[[], Awaitable[bool]], health: Health,
             on_auth_failure: Callable[[str, ChannelAuthError], Awaitable[None]],
             quiet: Quiet, part: str | None = None, poll: float = POLL
             ) -> Callable[[], Awaitable[None]]:
    """A role's loop around `step` (one unit of work; False when there was none): outages of
    its channel (`part`) or of the store wait with back-off and are logged once each."""
    part = part or name

    async def loop() -> None:
        backoff = Backoff()
        while True:
            quiet.working = True
            try:
                busy = await step()
            except ChannelUnavailable as e:
                health.down(part, e)
                quiet.count = 0
                await backoff.wait()
                continue
            except StoreFailure as e:
                health.down(STORE, e)
                quiet.count = 0
                await backoff.wait()
                continue
            except ChannelAuthError as e:
                await on_auth_failure(part, e)
                return
            except Exception:
                quiet.count = 0  # crashed: not idle while the supervisor restarts it
                raise
            finally:
                quiet.working = False
            backoff.reset()
            health.up(STORE)
            if busy:
                health.up(part)
                quiet.count = 0
                await asyncio.sleep(0)  # let the other roles in between two items
            else:
                quiet.count += 1
                await asyncio.sleep(poll)

    return loop


async def supervise(role: Role, health: Health) -> None:
    """Run the role; restart it with back-off when it crashes (one log line per crash)."""
    backoff = Backoff(cap=60.0)
    while True:
        started = time.monotonic()
        try:
            await role.run()
            role.finished = True
            return
        except asyncio.CancelledError:
            raise
        except StoreFailure as e:
            health.down(STORE, e)
        except Exception as e:
            log.error("role %s crashed: %s: %s; restarting in %.0f s", role.name,
                      type(e).__name__, first_line(e), backoff.delay)
            log.debug("role %s crash", role.name, exc_info=True)
        if time.monotonic() - started > 120:
            backoff.reset()  # it ran a good while: a fresh crash starts the back-off again
        await backoff.wait()


async def run_roles_until(roles: list[Role], health: Health, *, until_idle: bool,
                          poll: float = POLL) -> None:
    """Every role in its own task; forever, or (until_idle) until all are idle at once."""
    tasks = [asyncio.create_task(supervise(r, health), name=f"role-{r.name}") for r in roles]
    tasks.append(asyncio.create_task(health.publish_forever(), name="health"))
    try:
        if until_idle:
            # all quiet at IDLE_CHECKS looks in a row: what one role just handed to another (a
            # reply the reader stored, a letter the logic queued) is claimed in between
            stable = 0
            while stable < IDLE_CHECKS:
                await asyncio.sleep(poll)
                stable = stable + 1 if all(r.finished or r.idle() for r in roles) else 0
        else:
            await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            await asyncio.wait_for(health.publish(), 5)
