"""The one small interface every channel implements.

A channel worker claims an `OutgoingMessage` from the outbox and calls `send`; it feeds every
`IncomingMessage` that `receive` yields into the inbox. Nothing else talks to a channel.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class OutgoingMessage:
    key: str  # idempotency key of the outbox item
    contact_id: str
    channel: str  # "email" | "telegram" | "sandbox"
    to: str  # email address, "@handle" or chat id as text
    text: str
    to_name: str = ""
    subject: str | None = None
    html: str | None = None
    attachments: tuple[Path, ...] = ()
    message_id: str | None = None  # fixed before the send, so a retry is recognisable
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    calendar: str | None = None  # an iCalendar invitation (METHOD:REQUEST) for a booked demo
    caption: str = ""  # a chat sends an image attachment (the chart) as a photo with this line
    unsubscribe_url: str | None = None  # the lead's one-click (RFC 8058) HTTPS link, if any


@dataclass(frozen=True)
class SentReceipt:
    message_id: str  # the id the channel knows the message by
    at: datetime
    raw: bytes | None = None  # the message as sent, for the channel's own copy (DeliveryCheck)


@dataclass(frozen=True)
class IncomingMessage:
    channel: str
    key: str  # unique per message: "email:<Message-ID>", "tg:<chat>:<message id>"
    sender: str  # email address (lower-case), "@handle" or "tg:<chat id>"
    text: str  # the new text only, quoted history removed
    at: datetime
    sender_name: str = ""
    full_text: str = ""  # everything, kept for audit
    subject: str | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    auto_reply: bool = False
    bounce: bool = False
    attachments: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    chat_id: int | None = None  # Telegram chat to bind to the contact
    command: str | None = None  # "/start <payload>", "/stop" for the bot
    kind: str = "text"  # "text" | "sticker" | "photo" | "voice" | "document" | ...
    quarantine: str | None = None  # not read (a size cap, a parse timeout): why; kept apart
    raw_size: int = 0  # bytes as received, when the channel knows it


class AbstractChannel(abc.ABC):
    name: str
    # False while `receive` may still have unread input to yield (not connected yet, fetching);
    # True once it waits for news. `run --until-idle` exits only when every channel is caught up.
    caught_up: bool = True

    # The receiving side's connection state, for the health board: a problem's first line when
    # the connection is lost, None once it is back. The runner replaces this with its tracker.
    report: Callable[[str | None], None] = staticmethod(  # type: ignore[assignment]
        lambda problem: problem and logging.getLogger(__name__).warning("%s", problem))

    @abc.abstractmethod
    async def send(self, message: OutgoingMessage) -> SentReceipt:
        """Deliver one message. Raises TransientChannelError or PermanentChannelError."""

    @abc.abstractmethod
    def receive(self) -> AsyncIterator[IncomingMessage]:
        """Yield incoming messages as they arrive, forever (until cancelled)."""

    async def acknowledge(self, message: IncomingMessage) -> None:  # noqa: B027
        """Called after the message is stored: e.g. mark it \\Seen on IMAP. Default: nothing."""

    async def close(self) -> None:  # noqa: B027
        """Release connections."""


class DeliveryCheck(abc.ABC):
    """Optional: a channel that can tell whether a message with this id already went out.

    A worker killed between the send and the record leaves the item to be re-claimed; before
    sending again it asks here (email looks for the fixed Message-ID in the Sent folder).
    `send` only sends: the copy that `was_delivered` finds is kept by `keep_copy`, which the
    worker calls after its own record, so the time between the server taking the message and
    our first note of it is one store write, not an IMAP round trip.
    """

    @abc.abstractmethod
    async def was_delivered(self, message: OutgoingMessage) -> bool: ...

    @abc.abstractmethod
    async def keep_copy(self, receipt: SentReceipt) -> None: ...
