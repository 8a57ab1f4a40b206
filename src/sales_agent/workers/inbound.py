"""A channel worker's receive side: everything a channel yields goes to the inbox, once.

A message is acknowledged to the channel (IMAP \\Seen, Telegram offset) only after it is stored;
while the store is down the pump holds the message and retries, so nothing is lost and the next
one is not read before. Outages are logged once each (see `Health`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable

from ..channels.base import AbstractChannel, IncomingMessage
from ..errors import ChannelAuthError, ChannelError, PermanentChannelError
from ..service.inbound import store_inbound
from ..store import Store, StoreFailure
from .health import Health
from .logs import log_event
from .supervisor import STORE, Backoff

log = logging.getLogger(__name__)


async def pump_inbound(store: Store, channel: AbstractChannel, *, route: str,
                       health: Health | None = None,
                       on_auth_failure: Callable[[str, ChannelAuthError], Awaitable[None]]
                       | None = None, backoff: float = 5.0) -> None:
    """Store each message, then acknowledge it. Returns only when the channel stopped for good."""
    health = health or Health(None, "pump")
    part = f"{route}-in"
    delay = Backoff(backoff, 300.0)
    channel.report = lambda problem: _report(health, part, problem)
    while True:
        try:
            async with contextlib.aclosing(channel.receive()) as messages:  # type: ignore[type-var]
                async for msg in messages:
                    stored = await _store(store, msg, route, health)
                    await channel.acknowledge(msg)
                    health.up(part)
                    _log_stored(msg, stored)
                    delay.reset()
            return
        except ChannelAuthError as e:
            if on_auth_failure is not None:
                await on_auth_failure(route, e)
            else:
                health.stopped(part, e)
            return
        except PermanentChannelError as e:
            health.stopped(part, e)
            return
        except ChannelError as e:
            health.down(part, e)
        await delay.wait()


async def _store(store: Store, msg: IncomingMessage, route: str, health: Health) -> bool:
    """Store the message, waiting out a store outage: never skip it, never drop it."""
    delay = Backoff()
    while True:
        try:
            stored = await store_inbound(store, msg, route=route)
        except StoreFailure as e:
            health.down(STORE, e)
            await delay.wait()
            continue
        health.up(STORE)
        return stored


def _log_stored(msg: IncomingMessage, stored: bool) -> None:
    """A mail past a parse cap went to the quarantine, not the inbox: say so, with why."""
    if not stored:
        log_event("duplicate", channel=msg.channel, key=msg.key, sender=msg.sender)
    elif msg.quarantine:
        log_event("quarantined", level=logging.WARNING, channel=msg.channel, key=msg.key,
                  sender=msg.sender, why=msg.quarantine)
    else:
        log_event("received", channel=msg.channel, key=msg.key, sender=msg.sender)


def _report(health: Health, part: str, problem: str | None) -> None:
    if problem is None:
        health.up(part)
    else:
        health.down(part, problem)
