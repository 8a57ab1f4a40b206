"""From a Draft to an outbox item: address, threading, attachments, a fixed Message-ID."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.model import Contact, Direction, Message
from ..store.port import StorePort

MAX_REFERENCES = 20
FIRST_COLLEAGUES = 50  # a lead's place among the company's first contacts picks the phrasing


def reply_subject(subject: str | None, fallback: str) -> str:
    base = (subject or "").strip() or fallback
    return base if base.lower().startswith(("re:", "ответ:")) else f"Re: {base}"


async def thread_of(store: StorePort, contact: Contact,
                    history: list[Message] | None = None) -> dict[str, Any]:
    """Message-IDs of the conversation so far (oldest first) and the first subject.
    `history`: the contact's messages when the caller has read them already."""
    ids: list[str] = []
    first_subject = None
    for m in history if history is not None else await store.messages.for_contact(contact.id):
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


async def thread_memory(store: StorePort, contact: Contact, channel: str, now: datetime,
                        history: list[Message] | None = None) -> ThreadMemory:
    """Read from the history: no extra field to keep in step with what was really sent.
    `history`: the contact's messages when the caller has read them already."""
    if history is None:
        history = await store.messages.for_contact(contact.id)
    out = [m for m in history if m.direction == Direction.OUT]
    today = contact.local(now)
    greeted = any(m.channel == channel and today is not None and (at := contact.local(m.at))
                  and at.date() == today.date() for m in out) if channel != "email" else False
    return ThreadMemory(
        texts=tuple(m.text for m in out),
        chart_sent=any(a.startswith("reviews-") and a.endswith(".png")
                       for m in out for a in m.attachments),
        greeted_today=greeted)


async def colleague_index(store: StorePort, contact: Contact,
                          first: dict[str, list[str]] | None = None) -> int | None:
    """The lead's phrasing: the company's own, shifted by the lead's place among its contacts,
    so colleagues never get the same letter. None (from the id) when the company is unknown.

    `first`: the company's first ids as read before (a cache per run). A place among the first
    50 never changes as contacts are added (they come later), so a lead found there, or not
    found in a full list, costs no read: for a big company the sorted read is a scan (~60 ms
    at 1,000 contacts on nx-27017), once per run instead of once per letter."""
    if not contact.company:
        return None
    ids = (first or {}).get(contact.company)
    if ids is None or (contact.id not in ids and len(ids) < FIRST_COLLEAGUES):
        ids = await store.contacts.company_members(contact.company, limit=FIRST_COLLEAGUES)
        if first is not None:
            first[contact.company] = ids
    if contact.id not in ids:
        return None
    from ..brain.writer import variant_of

    return variant_of(contact.company) + ids.index(contact.id)
