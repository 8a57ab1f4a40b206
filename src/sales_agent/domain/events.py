"""What happens to a conversation (events in), as small frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Intent


@dataclass(frozen=True)
class ConversationStarted:
    """A new contact (or one reset by the operator, or a Telegram /start) gets its first message."""

    channel: str | None = None  # force a channel (the bot after /start)


@dataclass(frozen=True)
class ReplyReceived:
    intent: Intent
    channel: str
    confidence: float = 1.0
    until: date | None = None
    colleague: str | None = None  # email or @handle named by the lead
    kind: str = "text"  # "text" or what a non-text Telegram message was (sticker, voice, ...)
    needs_human: bool = False  # the classifier could not settle it


@dataclass(frozen=True)
class WakeUpDue:
    reason: str  # "followup" | "reminder"


Event = ConversationStarted | ReplyReceived | WakeUpDue
