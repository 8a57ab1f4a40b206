"""What the engine must do (commands out). `decide` returns them; the logic worker applies them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class SendMessage:
    kind: str  # a template kind: first, followup, answer, presentation, demo, ...
    channel: str  # the route that carries it (email, telegram, telegram-user, sandbox)
    not_before: datetime | None = None  # outside the send window or the human pace: waits
    attempt: int = 1
    until: date | None = None
    with_chart: bool = False
    slots: tuple[datetime, ...] = ()  # demo times offered
    meeting: datetime | None = None  # a booked demo: the confirmation carries an invitation
    wait_reason: str | None = None  # why not_before: "window", "pace" (shown to operators)
    detail: str = ""  # what the template needs to know more: "erase" for an apology


@dataclass(frozen=True)
class UpdateContact:
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReferColleague:
    colleague: str  # email or @handle


@dataclass(frozen=True)
class NotifyManager:
    kind: str  # "manager_demo" | "manager_handoff" | "manager_booking" | ...
    reason: str = ""
    meeting: datetime | None = None  # a booked demo


@dataclass(frozen=True)
class StopEverywhere:
    """Do-not-contact on every address of this person; cancel whatever is still queued."""


@dataclass(frozen=True)
class EraseContact:
    """152-FZ: forget the person (name, phone, message texts); keep only hashed addresses on
    the do-not-contact list so a later import never writes to them again."""


Action = (SendMessage | UpdateContact | ReferColleague | NotifyManager | StopEverywhere
          | EraseContact)
