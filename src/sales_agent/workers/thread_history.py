"""From a Draft to an outbox item: address, threading, attachments, a fixed Message-ID."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.model import Contact, Direction
from ..store.port import StorePort

MAX_REFERENCES = 20


def reply_subject(subject: str | None, fallback: str) -> str:
    base = (subject or "").strip() or fallback
    return base if base.lower().startswith(("re:", "ответ:")) else f"Re: {base}"


async def thread_of(store: StorePort, contact: Contact) -> dict[str, Any]:
    """Message-IDs of the conversation so far (oldest first) and the first subject."""
    ids: list[str] = []
    first_subject = None
    for m in await store.messages.for_contact(contact.id):
        if m.channel == "email" and m.message_id:
            ids.append(m.message_id)
            if first_subject is None and m.subject:
                first_subject = m.subject
    return {"ids": ids[-MAX_REFERENCES:], "subject": first_subject}


@dataclass(frozen=True)
class ThreadMemory:
    """What the lead has already had from us: texts (figures, quotes), the chart, a greeting."""

    texts: tuple[str, ...] = ()
    chart_sent: bool = False
    greeted_today: bool = False


async def thread_memory(store: StorePort, contact: Contact, channel: str,
                        now: datetime) -> ThreadMemory:
    """Read from the history: no extra field to keep in step with what was really sent."""
    out = [m for m in await store.messages.for_contact(contact.id) if m.direction == Direction.OUT]
    today = contact.local(now)
    greeted = any(m.channel == channel and today is not None and (at := contact.local(m.at))
                  and at.date() == today.date() for m in out) if channel != "email" else False
    return ThreadMemory(
        texts=tuple(m.text for m in out),
        chart_sent=any(a.startswith("reviews-") and a.endswith(".png")
                       for m in out for a in m.attachments),
        greeted_today=greeted)


async def colleague_index(store: StorePort, contact: Contact) -> int | None:
    """The lead's phrasing: the company's own, shifted by the lead's place among its contacts,
    so colleagues never get the same letter. None (from the id) when the company is unknown."""
    if not contact.company:
        return None
    ids = await store.contacts.company_members(contact.company)
    if contact.id not in ids:
        return None
    from ..brain.writer import variant_of

    return variant_of(contact.company) + ids.index(contact.id)
