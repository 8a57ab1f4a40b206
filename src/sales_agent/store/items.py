"""Queue documents, typed: `InboxItem` (an event to decide on) and `OutboxItem` (a message to
send), each with its one codec (`to_doc` / `from_doc`).

`to_doc` gives what a producer puts; the queue adds its own bookkeeping (`_id`, `status`, the
due time, `attempts`, `owner`, `lease_until`, `created_at`). `from_doc` reads a stored document
back, bookkeeping included, and tolerates documents written before a field existed: a missing
field takes its default, and a field this code does not know is kept in `extra` and written
back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

# Set by the queue, never by a producer: read back by `from_doc`, not written by `to_doc`.
QUEUE_FIELDS = ("_id", "status", "attempts", "owner", "lease_until", "created_at",
                "finished_at", "last_error", "outage_claims", "outcome")


@dataclass(frozen=True)
class QueueState:
    """What the queue knows about a stored item (empty on an item not stored yet)."""

    id: str = ""
    status: str = ""
    attempts: int = 0
    owner: str | None = None
    lease_until: float = 0.0
    created_at: float | None = None
    finished_at: float | None = None
    last_error: str | None = None
    outage_claims: int = 0
    outcome: str | None = None

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> QueueState:
        return cls(
            id=str(doc.get("_id") or ""), status=str(doc.get("status") or ""),
            attempts=int(doc.get("attempts") or 0), owner=doc.get("owner"),
            lease_until=float(doc.get("lease_until") or 0.0), created_at=doc.get("created_at"),
            finished_at=doc.get("finished_at"), last_error=doc.get("last_error"),
            outage_claims=int(doc.get("outage_claims") or 0), outcome=doc.get("outcome"))


class _Codec:
    """`to_doc` / `from_doc` over the dataclass's own fields; `queue`, `extra` are special."""

    ORDER: ClassVar[str]  # the float field that says when an item is due
    _LISTS: ClassVar[tuple[str, ...]] = ()  # tuples here, lists in the store

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = dict(self.extra)  # type: ignore[attr-defined]
        for f in fields(self):  # type: ignore[arg-type]
            if f.name in ("queue", "extra", "due"):
                continue
            value = getattr(self, f.name)
            if f.name in self._LISTS:
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            doc[f.name] = value
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Any:
        names = {f.name for f in fields(cls)} - {"queue", "extra", "due"}  # type: ignore[arg-type]
        data: dict[str, Any] = {}
        for name in names:
            if doc.get(name) is None:
                continue  # missing (an older document) or null: the default
            value = doc[name]
            data[name] = tuple(value) if name in cls._LISTS else value
        extra = {k: v for k, v in doc.items()
                 if k not in names and k not in QUEUE_FIELDS and k != cls.ORDER}
        return cls(**data, due=doc.get(cls.ORDER), queue=QueueState.from_doc(doc),
                   extra=extra)


@dataclass(frozen=True)
class InboxItem(_Codec):
    """An event for the logic worker: a reply (`type` "reply"), a conversation to start
    ("start"), a wake-up ("wake") or an operator's command ("operator")."""

    ORDER: ClassVar[str] = "received_at"
    _LISTS: ClassVar[tuple[str, ...]] = ("references", "attachments")

    key: str
    type: str = "reply"
    contact_id: str | None = None
    channel: str = "email"
    route: str | None = None
    sender: str | None = None
    sender_name: str | None = ""
    text: str = ""
    full_text: str = ""
    truncated: bool = False
    at: float | None = None  # when the message was written (epoch seconds)
    subject: str | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    auto_reply: bool = False
    bounce: bool = False
    attachments: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    chat_id: int | None = None
    command: str | None = None
    kind: str = "text"
    quarantine: str | None = None
    raw_size: int = 0
    epoch: int | None = None  # "start": the conversation it starts
    wake_at: float | None = None  # "wake": the wake-up it was made for
    reason: str | None = None  # "wake": followup / reminder; "operator": why
    classification: dict[str, Any] | None = None  # the verdict, kept for a replay
    due: float | None = None  # received_at: set by the queue
    queue: QueueState = field(default_factory=QueueState)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.queue.id


@dataclass(frozen=True)
class OutboxItem(_Codec):
    """A message for a channel worker to send: to a lead, or (`internal`) to our manager."""

    ORDER: ClassVar[str] = "due_at"
    _LISTS: ClassVar[tuple[str, ...]] = ("references", "attachments")

    key: str
    route: str = ""
    channel: str = ""
    contact_id: str | None = None
    to: str | None = None
    to_name: str | None = ""
    kind: str | None = None
    text: str = ""
    html: str | None = None
    subject: str | None = None
    attachments: tuple[str, ...] = ()
    internal: bool = False
    human_override: bool = False  # a human answering a stopped lead who wrote again
    trigger: str | None = None  # the inbox item that caused it
    source: str | None = None
    wait_reason: str | None = None
    chart: str | None = None
    caption: str | None = None
    calendar: str | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    provider_id: str | None = None
    sent_at: float | None = None
    due: float | None = None  # due_at: set by the queue
    queue: QueueState = field(default_factory=QueueState)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.queue.id
