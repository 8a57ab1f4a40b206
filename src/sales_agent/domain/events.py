"""What happens to a conversation (events in), as small frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .model import Intent


@dataclass(frozen=True)
class ConversationStarted:
    """A new contact (or one reset by the operator, or a Telegram /start) gets its first message."""

    channel: str | None = None  # force a route (the bot after /start)
    immediately: bool = False  # /start: the lead is there now, no send window


# A ReplyReceived tag set by the classifier's rule, not its model: the lead refused one channel
# or address and named another (brain/classifier/rules.read_stop). A human moves the lead.
CHANNEL_SWITCH = "channel_switch"


@dataclass(frozen=True)
class ReplyReceived:
    """The lead wrote. `route` is where it came in (telegram-user, telegram, email, sandbox)."""

    intent: Intent
    channel: str
    confidence: float = 1.0
    until: date | None = None
    colleague: str | None = None  # email or @handle named by the lead
    kind: str = "text"  # "text" or what a non-text Telegram message was (sticker, voice, ...)
    needs_human: bool = False  # the classifier could not settle it
    route: str | None = None
    review: bool = False  # the verdict is not sure enough to act on by itself
    refusal_risk: bool = False  # it may be a refusal: nothing automatic may follow
    tags: frozenset[str] = field(default_factory=frozenset)  # objection, complaint, erase, ...
    meeting: datetime | None = None  # a time the lead proposed or accepted for a call
    meeting_day: date | None = None  # a day the lead named for the call, without a time
    colleague_foreign: bool = False  # the colleague is at another company's domain


@dataclass(frozen=True)
class WakeUpDue:
    reason: str  # "followup" | "reminder" | "nudge" | "resume"


@dataclass(frozen=True)
class OperatorCommand:
    """A human acted from the CLI or the console: "stop", "answered" (replied from the hand-off
    queue), "erase" (a deletion request taken by phone), "delivery_failed" (a channel refused),
    "draft_failed" (the engine could not write a decided message: a human must)."""

    command: str
    reason: str = ""


Event = ConversationStarted | ReplyReceived | WakeUpDue | OperatorCommand
