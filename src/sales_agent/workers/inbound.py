"""A channel worker's receive side: everything a channel yields goes to the inbox, once."""

from __future__ import annotations

import asyncio
import logging

from ..channels.base import AbstractChannel
from ..errors import ChannelError, PermanentChannelError
from ..service.inbound import store_inbound
from ..store import Store
from .logs import log_event

log = logging.getLogger(__name__)


async def pump_inbound(store: Store, channel: AbstractChannel, *, route: str,
                       backoff: float = 5.0) -> None:
    """Store each message, then acknowledge it to the channel (IMAP \\Seen, Telegram offset)."""
    delay = backoff
    while True:
        try:
            async for msg in channel.receive():
                msg_route = route
                stored = await store_inbound(store, msg, route=msg_route)
                await channel.acknowledge(msg)
                log_event("received" if stored else "duplicate", channel=msg.channel,
                          key=msg.key, sender=msg.sender)
                delay = backoff
            return
        except PermanentChannelError as e:
            log_event("channel_stopped", level=logging.ERROR, channel=route, error=str(e))
            return
        except ChannelError as e:
            log_event("channel_error", level=logging.WARNING, channel=route, error=str(e),
                      retry_in=delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, 300.0)
