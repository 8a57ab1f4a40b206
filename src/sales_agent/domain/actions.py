"""What the engine must do (commands out). `decide` returns them; the logic worker applies them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class SendMessage:
    kind: str  # a template kind: first, followup, answer, presentation, demo, ...
    channel: str
    not_before: datetime | None = None  # proactive messages wait for the send window
    attempt: int = 1
    until: date | None = None
    with_chart: bool = False


@dataclass(frozen=True)
class UpdateContact:
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReferColleague:
    colleague: str  # email or @handle


@dataclass(frozen=True)
class NotifyManager:
    kind: str  # "manager_demo" | "manager_handoff"
    reason: str = ""


@dataclass(frozen=True)
class StopEverywhere:
    """Do-not-contact on every address of this person; cancel whatever is still queued."""


Action = SendMessage | UpdateContact | ReferColleague | NotifyManager | StopEverywhere
