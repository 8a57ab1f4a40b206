"""The domain's vocabulary: statuses, intents, channels, a contact, one message of its history."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from .intent import Intent  # its own module: the classifier reads replies without pydantic


class Status(StrEnum):
    NEW = "new"  # not yet written to
    ACTIVE = "active"  # waiting for a reply
    LATER = "later"  # snoozed until `until`
    STOPPED = "stopped"  # do not contact, ever
    REDIRECTED = "redirected"  # handed to the referred colleague
    DEMO = "demo"  # demo requested, manager told
    IGNORED = "ignored"  # no reply after the follow-ups
    HANDOFF = "handoff"  # waiting for a human


class Channel(StrEnum):
    EMAIL = "email"
    TELEGRAM = "telegram"
    SANDBOX = "sandbox"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Contact(BaseModel):
    """A lead. Times are timezone-aware datetimes here; the store keeps them as epoch seconds."""

    id: str
    name: str
    company: str = ""
    email: str | None = None
    telegram: str | None = None  # "@handle", lower-case
    telegram_chat_id: int | None = None  # bound by the bot's /start or the user account
    bot_started: bool = False  # pressed /start: the bot may write (a bot cannot write first)
    products: list[str] = Field(default_factory=list)
    status: Status = Status.NEW
    until: datetime | None = None
    referred_by: str | None = None
    language: str = "ru"
    timezone: str = "Europe/Moscow"
    followups_sent: int = 0
    clarifications: int = 0
    source: str | None = None  # where the contact came from: told to a lead who asks
    warm: bool = False  # the lead has answered with interest: silence gets warm nudges
    objections: int = 0  # objections answered; a "no" after one closes politely
    demo_at: datetime | None = None  # a booked demo
    offered_slots: list[datetime] = Field(default_factory=list)  # demo times we proposed
    erased: bool = False  # the person asked to be forgotten (152-FZ): no name, no texts
    created_at: datetime
    updated_at: datetime
    last_out_at: datetime | None = None
    last_in_at: datetime | None = None
    wake_at: datetime | None = None  # when the scheduler should look at this contact again
    wake_reason: str | None = None  # "followup" | "reminder"
    epoch: int = 0  # bumped by reset: keys of older steps never collide with new ones
    last_event: str | None = None  # key of the last inbox item applied (replays are skipped)
    bot_token: str | None = None  # single-use deep-link token for the Telegram bot
    note: str = ""

    def local(self, moment: datetime | None) -> datetime | None:
        """A stored (UTC) time in the lead's own time zone, as people read it."""
        return None if moment is None else moment.astimezone(ZoneInfo(self.timezone))


class Message(BaseModel):
    """One message of a conversation, in or out, as shown by `contacts show`."""

    id: str
    contact_id: str
    direction: Direction
    channel: Channel
    text: str
    at: datetime
    intent: Intent | None = None
    attachments: list[str] = Field(default_factory=list)
    subject: str | None = None
    message_id: str | None = None  # email Message-ID or "tg:<chat>:<id>"
    decision: str | None = None  # what the agent decided and why (in) / which step (out)
