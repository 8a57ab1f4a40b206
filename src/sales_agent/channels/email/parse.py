"""`parse_email(raw) -> ParsedEmail`: any MIME in, the lead's new text out. Never raises."""

from __future__ import annotations

import email
import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from . import mime
from .addresses import addresses, first_address, raw_header
from .html import has_quote_markup, html_to_text
from .limits import DEFAULT_LIMITS, LimitExceeded, ParseLimits
from .quotes import has_quote_markers, strip_quoted_reply

log = logging.getLogger(__name__)

MAX_BYTES = DEFAULT_LIMITS.max_raw_bytes  # bigger mail is kept truncated, with a note
AUDIT_HEAD = 4000  # of a quarantined mail, this many characters of its start are kept
KEPT_HEADERS = ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
                "X-Auto-Response-Suppress", "X-Failed-Recipients", "List-Id", "Return-Path",
                "Reply-To", "Content-Type", "Cc")
# Each kept header is cut to this: a hostile mail's megabyte Cc must not ride along in the inbox
# item (a real Cc of a hundred colleagues is about 5,000 characters).
KEPT_HEADER_CHARS = 8_000
_AUTO_SUBJECT = re.compile(
    r"^\s*(автоответ|автоматический ответ|нет на месте|out of (the )?office|automatic reply|"
    r"auto(matic)?[- ]?reply|auto:|autoreply|abwesenheitsnotiz|réponse automatique)", re.I)
_BOUNCE_FROM = re.compile(r"^(mailer-daemon|postmaster)@", re.I)
_MSGID = re.compile(r"<[^<>\s]+>")
_CONTENT_TYPE_LINE = re.compile(rb"^content-type[ \t]*:", re.I | re.M)


@dataclass
class ParsedEmail:
    message_id: str
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    from_email: str = ""
    from_name: str = ""
    to: list[str] = field(default_factory=list)
    subject: str = ""
    date: datetime | None = None
    text: str = ""  # the new text only
    full_text: str = ""  # everything, for audit
    auto_reply: bool = False
    bounce: bool = False
    attachments: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what went wrong while reading it
    quarantine: str | None = None  # why it was not read (a cap hit, a timeout); None: read
    raw_size: int = 0  # bytes on the server

    def to_contract_json(self) -> dict[str, object]:
        """Exactly the object `sales-agent parse-email` prints (CONTRACT.md)."""
        return {
            "message_id": self.message_id, "in_reply_to": self.in_reply_to,
            "references": list(self.references), "from": self.from_email,
            "from_name": self.from_name, "subject": self.subject,
            "date": self.date.isoformat() if self.date else None, "text": self.text,
            "auto_reply": self.auto_reply, "attachments": list(self.attachments),
        }


def synthetic_message_id(raw: bytes) -> str:
    return f"<{hashlib.sha256(raw).hexdigest()[:32]}@no-message-id.invalid>"


def parse_email(raw: bytes, max_bytes: int | None = None, original_size: int | None = None,
                limits: ParseLimits = DEFAULT_LIMITS) -> ParsedEmail:
    """Read one message. Broken input gives what could be read, plus a note; it never raises.

    `original_size`: the size on the server when `raw` is only its first part (a huge mail).
    A message past one of `limits` comes back with `quarantine` set and no text.
    """
    if max_bytes is not None:
        limits = limits.with_raw_bytes(max_bytes)
    raw = bytes(raw or b"")
    result = ParsedEmail(message_id=synthetic_message_id(raw))
    size = result.raw_size = max(len(raw), original_size or 0)
    if size > limits.max_raw_bytes or size > len(raw):
        result.notes.append(f"message truncated: {size / 1e6:.1f} MB, first "
                            f"{min(limits.max_raw_bytes, len(raw)) / 1e6:.1f} MB kept")
        raw = raw[:limits.max_raw_bytes]
    try:
        _read_headers(BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True),
                      result)
        parts = len(_CONTENT_TYPE_LINE.findall(raw))
        if parts > limits.max_parts:  # before the MIME parser builds a tree of them
            raise LimitExceeded(f"{parts} MIME parts, over the cap of {limits.max_parts}")
        msg = email.message_from_bytes(raw, policy=policy.compat32)
        _read_body(msg, result, limits)
    except (LimitExceeded, mime.TooComplex) as e:
        quarantine(result, str(e), raw)
    except Exception as e:  # the last net: a message we cannot read must not stop the loop
        result.notes.append(f"unreadable MIME: {type(e).__name__}: {e}")
    if result.notes:
        log.warning("email %s: %s", result.message_id, "; ".join(result.notes))
        result.full_text = (result.full_text + "\n\n[" + "; ".join(result.notes) + "]").strip()
    return result


def quarantine(result: ParsedEmail, reason: str, raw: bytes) -> ParsedEmail:
    """Mark `result` as not read: no text for the engine, the start of the mail for audit."""
    result.quarantine = reason
    result.text = ""
    result.full_text = raw[:AUDIT_HEAD].decode("utf-8", "replace")
    return result


def read_headers_only(raw: bytes, original_size: int | None = None) -> ParsedEmail:
    """Sender, subject and ids from the head of a mail (for one whose parse was stopped)."""
    head = bytes(raw or b"")[:256 * 1024]
    result = ParsedEmail(message_id=synthetic_message_id(bytes(raw or b"")),
                         raw_size=max(len(raw or b""), original_size or 0))
    try:
        _read_headers(BytesParser(policy=policy.compat32).parsebytes(head, headersonly=True),
                      result)
    except Exception as e:  # headers too broken to read: the reason and size still go in
        result.notes.append(f"unreadable headers: {type(e).__name__}")
    return result


def _read_headers(msg: Message, r: ParsedEmail) -> None:
    ids = _MSGID.findall(mime.header(msg, "Message-ID"))
    if ids:
        r.message_id = ids[0]
    reply_to = _MSGID.findall(mime.header(msg, "In-Reply-To"))
    r.in_reply_to = reply_to[0] if reply_to else None
    r.references = _MSGID.findall(mime.header(msg, "References"))
    r.from_name, r.from_email = first_address(raw_header(msg, "From"))
    r.to = [a for _, a in addresses(raw_header(msg, "To"))]
    r.subject = mime.header(msg, "Subject")
    r.date = _date(mime.header(msg, "Date"))
    r.headers = {k: v[:KEPT_HEADER_CHARS] for k in KEPT_HEADERS if (v := mime.header(msg, k))}
    r.bounce = _is_bounce(msg, r)
    r.auto_reply = r.bounce or _is_auto_reply(r)


def _date(value: str) -> datetime | None:
    try:
        return parsedate_to_datetime(value) if value else None
    except Exception:
        return None


def _is_auto_reply(r: ParsedEmail) -> bool:
    h = {k.lower(): v.lower() for k, v in r.headers.items()}
    if h.get("auto-submitted", "no") != "no":
        return True
    if "x-autoreply" in h or "x-autorespond" in h:
        return True
    if h.get("precedence") in ("auto_reply", "bulk", "junk"):
        return True
    suppress = h.get("x-auto-response-suppress", "")
    if "all" in suppress or "oof" in suppress:
        return True
    return bool(_AUTO_SUBJECT.match(r.subject))


def _is_bounce(msg: Message, r: ParsedEmail) -> bool:
    ctype = (msg.get_content_type() or "").lower()
    report = (msg.get_param("report-type") or "") if ctype == "multipart/report" else ""
    return ("delivery-status" in str(report).lower() or bool(_BOUNCE_FROM.match(r.from_email))
            or "X-Failed-Recipients" in r.headers)


def _read_body(msg: Message, r: ParsedEmail, limits: ParseLimits) -> None:
    plains: list[str] = []
    htmls: list[str] = []
    for part in mime.walk(msg, limits.max_mime_depth, limits.max_parts):
        if part.get_content_maintype() == "message" or mime.is_attachment(part):
            name = mime.filename(part)
            if name:
                r.attachments.append(name)
            continue
        ctype = part.get_content_type()
        if ctype == "text/html":
            htmls.append(mime.part_text(part))
            _cap(htmls, limits.max_html_chars, "HTML")
        elif part.get_content_maintype() == "text" and ctype != "text/calendar":
            plains.append(mime.part_text(part))
            _cap(plains, limits.max_text_chars, "text")
    plain = "\n".join(p for p in plains if p.strip())
    html = "\n".join(htmls)
    if plain.strip():
        r.full_text = plain.strip()
        r.text = strip_quoted_reply(plain)
        # amoCRM and some webmails flatten the quote into the text part without any marker;
        # their HTML part still marks it: then the HTML says where the new text ends.
        if html.strip() and not has_quote_markers(plain) and has_quote_markup(html):
            r.text = strip_quoted_reply(html_to_text(html)) or r.text
    elif html.strip():
        r.full_text = html_to_text(html, cut_quotes=False)
        r.text = strip_quoted_reply(html_to_text(html))
    if msg.defects:
        kinds = sorted({type(d).__name__ for d in msg.defects})
        r.notes.append("MIME defects: " + ", ".join(kinds))


def _cap(texts: list[str], cap: int, what: str) -> None:
    total = sum(len(t) for t in texts)
    if total > cap:
        raise LimitExceeded(f"{what} of {total / 1e6:.1f} M characters, over the cap of "
                            f"{cap / 1e6:.1f} M")
