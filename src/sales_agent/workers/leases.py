"""Who holds a queue item, and for how long: short wall-clock leases, renewed while working.

A worker's name is `host:pid:start`, the process's start time (clock ticks since boot, from
/proc) telling a live process from a later one that reuses the pid. A restarted agent frees the
items of its host's dead workers at once (`free_dead_owners`) instead of waiting for their
leases; a worker on another host that dies is covered by the lease, which is short because the
live holder renews it every third of its length (`holding`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import AsyncIterator
from typing import Any

from ..store.items import InboxItem, OutboxItem
from ..store.queue import LeasedQueue

log = logging.getLogger(__name__)


def _start_ticks(pid: int) -> str | None:
    """The process's start time in clock ticks since boot, or None when there is no such pid."""
    try:
        stat = open(f"/proc/{pid}/stat", encoding="ascii", errors="replace").read()  # noqa: SIM115
    except FileNotFoundError:
        return None
    except OSError:  # no /proc (not Linux): the pid alone must do
        return "?" if _pid_exists(pid) else None
    fields = stat.rpartition(")")[2].split()  # the command name may hold spaces and ")"
    if fields and fields[0] in ("Z", "X"):  # killed, not yet reaped by its parent: dead
        return None
    return fields[19] if len(fields) > 19 else "?"


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def host_prefix() -> str:
    return f"{socket.gethostname()}:"


def owner_id() -> str:
    pid = os.getpid()
    return f"{host_prefix()}{pid}:{_start_ticks(pid) or '?'}"


def owner_is_dead(owner: str) -> bool:
    """True only when certain: same host, and that pid is gone or is another process now."""
    host, _, rest = owner.partition(":")
    if host + ":" != host_prefix():
        return False
    pid_text, _, start = rest.partition(":")
    if not pid_text.isdigit():
        return False
    now_start = _start_ticks(int(pid_text))
    if now_start is None:
        return True
    return bool(start) and "?" not in (start, now_start) and start != now_start


async def free_dead_owners(*queues: LeasedQueue) -> int:
    """Release every item held by a dead worker of this host; how many were freed."""
    freed = 0
    for queue in queues:
        dead = {o for o in await queue.held_by_others(host_prefix()) if owner_is_dead(o)}
        if dead:
            freed += await queue.release_owners(dead)
    if freed:
        log.info("took over %d item(s) from dead worker(s) of this host", freed)
    return freed


@contextlib.asynccontextmanager
async def holding(queue: LeasedQueue[Any], item: InboxItem | OutboxItem, owner: str,
                  lease: float) -> AsyncIterator[None]:
    """Keep the lease on `item` alive while the body works on it."""

    async def renew() -> None:
        while True:
            await asyncio.sleep(lease / 3)
            with contextlib.suppress(Exception):  # a store hiccup: the next renewal may work
                await queue.renew(item.id, owner, lease=lease)

    task = asyncio.create_task(renew(), name=f"lease-{item.key}")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
