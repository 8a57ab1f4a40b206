"""Build the outgoing MIME message: threading headers, text + HTML, attachments, unsubscribe.

Non-ASCII Subject and display names are encoded here (`encode_words`), not by the stdlib folder:
Python 3.11's folder may break a long Cyrillic subject at a space and leave that space *between*
two encoded words, where RFC 2047 decoders drop it («покупателипишут»). Our encoded words carry
every space inside them, so the header decodes to exactly the text written.
"""

from __future__ import annotations

import base64
import mimetypes
import re
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


def reply_subject(subject: str) -> str:
    """ "Re: " once, however many times the thread went back and forth."""
    return subject if _RE_PREFIX.match(subject) else f"Re: {subject}"


_LINE = 78  # RFC 5322's recommended line length; an encoded word is at most 75 (RFC 2047)
_EW_MAX = 75
_EW_EMPTY = len("=?utf-8?b??=")
_TOKENS = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it: they travel together
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _ew_len(text: str) -> int:
    return _EW_EMPTY + 4 * -(-len(text.encode("utf-8")) // 3)


def _ew(text: str) -> str:
    return f"=?utf-8?b?{base64.b64encode(text.encode('utf-8')).decode('ascii')}?="


def encode_words(text: str, used: int = 0) -> str:
    """`text` as RFC 2047 encoded words, folded onto lines of at most 78 characters.

    `used` is how much of the first line the header name takes ("Subject: " is 9). Chunks break
    after a word's trailing spaces, so each space sits inside an encoded word and survives
    decoding; a word too long for one encoded word is split between characters (adjacent encoded
    words are joined with nothing between them, so that is lossless too).
    """
    chunks: list[str] = []
    room = min(_EW_MAX, _LINE - used)
    current = ""
    for token in _TOKENS.findall(text):
        if _ew_len(current + token) <= room:
            current += token
            continue
        if current:
            chunks.append(current)
            current, room = "", _EW_MAX
        for ch in token:  # a word longer than an encoded word: split it between characters
            if current and _ew_len(current + ch) > room:
                chunks.append(current)
                current, room = "", _EW_MAX
            current += ch
    if current or not chunks:
        chunks.append(current)
    return "\r\n ".join(_ew(c) for c in chunks)


def _one_line(text: str) -> str:
    """CR, LF and other controls become spaces: a header value is one logical line."""
    return _CONTROL.sub(" ", text)


def _set_text_header(msg: EmailMessage, name: str, value: str) -> None:
    value = _one_line(value)
    if value.isascii():
        msg[name] = value
    else:  # encoded by us, stored as is: the generator does not refold short lines
        msg.set_raw(name, encode_words(value, used=len(name) + 2))


def _set_address(msg: EmailMessage, name: str, addr: str, display_name: str) -> None:
    local, _, domain = addr.strip().rpartition("@")
    address = Address(display_name=_one_line(display_name or ""), username=local, domain=domain)
    if address.display_name.isascii():
        msg[name] = address
        return
    words = encode_words(address.display_name, used=len(name) + 2)
    last_line = words.rsplit("\r\n", 1)[-1]
    fold = "\r\n " if len(last_line) + len(address.addr_spec) + 3 > _LINE else " "
    msg.set_raw(name, f"{words}{fold}<{address.addr_spec}>")


def build_message(message: OutgoingMessage, *, from_email: str, from_name: str,
                  message_id: str, now: datetime | None = None) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    _set_address(msg, "From", from_email, from_name)
    _set_address(msg, "To", message.to, message.to_name)
    subject = message.subject or ""
    if message.in_reply_to and subject:
        subject = reply_subject(subject)
    _set_text_header(msg, "Subject", subject)
    msg["Date"] = format_datetime(now or datetime.now(UTC))
    msg["Message-ID"] = message_id
    if message.in_reply_to:
        msg["In-Reply-To"] = message.in_reply_to
        refs = [r for r in message.references if r != message.in_reply_to]
        msg["References"] = " ".join([*refs, message.in_reply_to])
    elif message.references:
        msg["References"] = " ".join(message.references)
    mailto = f"<mailto:{from_email}?subject=unsubscribe>"
    if message.unsubscribe_url:  # RFC 8058: the POST header only beside an HTTPS URL
        msg["List-Unsubscribe"] = f"<{message.unsubscribe_url}>, {mailto}"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    else:
        msg["List-Unsubscribe"] = mailto
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
