"""ParsedEmail -> IncomingMessage, the shape every channel hands to the inbox."""

from __future__ import annotations

from datetime import UTC, datetime

from ...domain import keys
from ..base import IncomingMessage
from .parse import ParsedEmail


def to_incoming(p: ParsedEmail) -> IncomingMessage:
    headers = dict(p.headers)
    if p.to:
        headers["To"] = ", ".join(p.to)
    return IncomingMessage(
        channel="email", key=keys.email_received(p.message_id), sender=p.from_email.lower(),
        sender_name=p.from_name, text=p.text, full_text=p.full_text,
        at=p.date.astimezone(UTC) if p.date and p.date.tzinfo else datetime.now(UTC),
        subject=p.subject, message_id=p.message_id, in_reply_to=p.in_reply_to,
        references=tuple(p.references), auto_reply=p.auto_reply, bounce=p.bounce,
        attachments=tuple(p.attachments), headers=headers, quarantine=p.quarantine,
        raw_size=p.raw_size,
    )
