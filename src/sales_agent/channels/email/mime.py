"""Lenient MIME reading: headers and parts decoded whatever the charset, never raising.

We parse with the `compat32` policy (it tolerates what the real world sends) and decode headers
and bodies ourselves: a declared charset that is unknown or wrong falls back to UTF-8, then
windows-1251 (the usual culprit in Russian mail), then Latin-1, which always succeeds.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from email.header import Header, decode_header
from email.message import Message
from pathlib import PurePosixPath, PureWindowsPath

_FALLBACKS = ("utf-8", "cp1251", "latin-1")
_CHARSET_ALIASES = {"unicode-1-1-utf-7": "utf-7", "x-user-defined": "cp1251", "cp-850": "cp850",
                    "ks_c_5601-1987": "euc-kr", "gb2312": "gbk"}


def decode_bytes(data: bytes, charset: str | None) -> str:
    name = (charset or "").strip().strip('"').lower()
    name = _CHARSET_ALIASES.get(name, name)
    candidates = [name] if name else []
    for cs in [*candidates, *_FALLBACKS]:
        try:
            codecs.lookup(cs)
            return data.decode(cs)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return data.decode("latin-1", errors="replace")  # unreachable: latin-1 takes any byte


def decode_header_value(value: object) -> str:
    """An RFC 2047 header as text; unknown charsets and stray 8-bit bytes do not raise."""
    if value is None:
        return ""
    raw = value if isinstance(value, Header) else str(value)
    try:
        parts = decode_header(raw)
    except Exception:
        return _clean(str(raw))
    out = []
    for chunk, cs in parts:
        out.append(decode_bytes(chunk, cs) if isinstance(chunk, bytes) else chunk)
    text = "".join(out)
    if any("\udc80" <= c <= "\udcff" for c in text):  # raw 8-bit bytes: undo, then decode
        text = decode_bytes(text.encode("utf-8", "surrogateescape"), None)
    return _clean(text)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\x00", "")).strip()


def header(msg: Message, name: str) -> str:
    try:
        return decode_header_value(msg.get(name))
    except Exception:
        return ""


def part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    return decode_bytes(payload, charset)


def filename(part: Message) -> str | None:
    """The part's file name, decoded (RFC 2231 or 2047), reduced to a safe base name."""
    try:
        name = part.get_filename() or part.get_param("name")
    except Exception:
        name = None
    if isinstance(name, tuple):  # an undecoded RFC 2231 triple
        name = decode_bytes(str(name[2]).encode("latin-1", "replace"), name[0])
    if isinstance(name, str) and "\ufffd" in name:  # raw 8-bit bytes: compat32 replaced them
        name = _raw_filename(part) or name
    if not name:
        return None
    name = decode_header_value(name)
    # a name from outside is never a path: keep the last component only
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip(" .")
    return name[:200] or None


def _raw_filename(part: Message) -> str | None:
    for key, value in part.raw_items():
        if key.lower() in ("content-disposition", "content-type") and isinstance(value, str):
            m = re.search(r'\bfilename\s*=\s*"?([^";\r\n]+)', value, re.I) or re.search(
                r'\bname\s*=\s*"?([^";\r\n]+)', value, re.I)
            if m:
                return decode_bytes(m.group(1).encode("utf-8", "surrogateescape"), None)
    return None


def is_attachment(part: Message) -> bool:
    try:
        disposition = (part.get_content_disposition() or "").lower()
    except Exception:
        disposition = ""
    if disposition == "attachment":
        return True
    return filename(part) is not None or part.get_content_maintype() not in ("text", "multipart")


def walk(msg: Message) -> Iterator[Message]:
    """Every leaf part, without descending into attached messages (message/rfc822)."""
    stack = [msg]
    while stack:
        part = stack.pop(0)
        if part.get_content_type() == "message/rfc822" or part.get_content_maintype() == "message":
            yield part
            continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack[0:0] = [p for p in payload if isinstance(p, Message)]
            continue
        yield part
