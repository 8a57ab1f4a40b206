"""The sandbox: a channel with no outside world. Sends are recorded in the history only; the lead
is played by a person in the terminal (`sales-agent sandbox`) or the console, whose words enter
the inbox directly."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from ..store.timeutil import now_utc
from .base import AbstractChannel, IncomingMessage, OutgoingMessage, SentReceipt


class SandboxChannel(AbstractChannel):
    name = "sandbox"

    async def send(self, message: OutgoingMessage) -> SentReceipt:
        return SentReceipt(message_id=f"sandbox:{message.key}", at=now_utc())

    async def receive(self) -> AsyncIterator[IncomingMessage]:
        await asyncio.Event().wait()  # nothing arrives by itself
        yield  # pragma: no cover
