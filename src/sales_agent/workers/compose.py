"""From a Draft to an outbox item: address, threading, attachments, a fixed Message-ID."""

from __future__ import annotations

import secrets
from typing import Any

from ..domain.model import Contact
from ..store import Store

MAX_REFERENCES = 20


def make_message_id(from_email: str) -> str:
    domain = from_email.rsplit("@", 1)[-1] or "localhost"
    return f"<{secrets.token_hex(12)}@{domain}>"


def reply_subject(subject: str | None, fallback: str) -> str:
    base = (subject or "").strip() or fallback
    return base if base.lower().startswith(("re:", "ответ:")) else f"Re: {base}"


async def thread_of(store: Store, contact: Contact) -> dict[str, Any]:
    """Message-IDs of the conversation so far (oldest first) and the first subject."""
    ids: list[str] = []
    first_subject = None
    for m in await store.messages.for_contact(contact.id):
        if m.channel == "email" and m.message_id:
            ids.append(m.message_id)
            if first_subject is None and m.subject:
                first_subject = m.subject
    return {"ids": ids[-MAX_REFERENCES:], "subject": first_subject}
