"""Build the outgoing MIME message: threading headers, text + HTML, attachments, unsubscribe."""

from __future__ import annotations

import mimetypes
import re
import secrets
import time
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from ..base import OutgoingMessage

_RE_PREFIX = re.compile(r"^\s*(re|ответ|отв|aw|sv)\s*(\[\d+\])?\s*:", re.I)
# headers we set ourselves: a caller's extra header must not duplicate them
_OWN = {"from", "to", "subject", "date", "message-id", "in-reply-to", "references",
        "list-unsubscribe", "list-unsubscribe-post", "x-auto-response-suppress", "mime-version",
        "content-type", "content-transfer-encoding"}


def make_message_id(domain: str) -> str:
    """A new, globally unique Message-ID (with angle brackets) for our domain."""
    domain = domain.strip().strip("<>@") or "localhost"
    return f"<{int(time.time() * 1000):x}.{secrets.token_hex(8)}@{domain}>"


def reply_subject(subject: str) -> str:
    """ "Re: " once, however many times the thread went back and forth."""
    return subject if _RE_PREFIX.match(subject) else f"Re: {subject}"


def _address(addr: str, name: str) -> Address:
    local, _, domain = addr.strip().rpartition("@")
    return Address(display_name=name or "", username=local, domain=domain)


def build_message(message: OutgoingMessage, *, from_email: str, from_name: str,
                  message_id: str, now: datetime | None = None) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = _address(from_email, from_name)
    msg["To"] = _address(message.to, message.to_name)
    subject = message.subject or ""
    if message.in_reply_to and subject:
        subject = reply_subject(subject)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now or datetime.now(UTC))
    msg["Message-ID"] = message_id
    if message.in_reply_to:
        msg["In-Reply-To"] = message.in_reply_to
        refs = [r for r in message.references if r != message.in_reply_to]
        msg["References"] = " ".join([*refs, message.in_reply_to])
    elif message.references:
        msg["References"] = " ".join(message.references)
    msg["List-Unsubscribe"] = f"<mailto:{from_email}?subject=unsubscribe>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["X-Auto-Response-Suppress"] = "OOF, AutoReply"  # no out-of-office ping-pong
    for key, value in message.headers.items():
        if key.lower() not in _OWN:
            msg[key] = value
    msg.set_content(message.text)
    if message.html:
        msg.add_alternative(message.html, subtype="html")
    for path in message.attachments:
        ctype, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                           filename=path.name)
    if message.calendar:
        # As a file (invite.ics) with the method on its type: mail clients offer "accept".
        msg.add_attachment(message.calendar.encode(), maintype="text", subtype="calendar",
                           filename="invite.ics", params={"method": "REQUEST"})
    return msg
