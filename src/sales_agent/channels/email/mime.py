"""Lenient MIME reading: headers and parts decoded whatever the charset, never raising.

We parse with the `compat32` policy (it tolerates what the real world sends) and decode headers
and bodies ourselves. Bytes that are valid UTF-8 are read as UTF-8 whatever the label says (a
Cyrillic text in a single-byte charset is practically never valid UTF-8), and mostly-UTF-8 bytes
(a truncated part, a broken quoted-printable escape) stay UTF-8 with a replacement character
instead of turning into cp1251 mojibake. Otherwise the declared charset; when it is missing,
unknown, wrong or an unreliable "latin-1"/"ascii", charset-normalizer picks among the charsets
real Russian and Western mail uses; Latin-1 is the last resort, which always succeeds.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Iterator
from email.header import Header, decode_header
from email.message import Message
from pathlib import PurePosixPath, PureWindowsPath

import charset_normalizer

_CHARSET_ALIASES = {"unicode-1-1-utf-7": "utf-7", "x-user-defined": "cp1251", "cp-850": "cp850",
                    "ks_c_5601-1987": "euc-kr", "gb2312": "gbk"}
_UNTRUSTED = {"", "ascii", "iso8859-1"}  # codec names; often a mail program's default label
# bytes that look like ASCII but are not ASCII text
_STATEFUL = ("utf-16", "utf-32", "utf-7", "iso2022", "hz")
_DETECT_AMONG = ["utf_8", "cp1251", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic", "cp1252",
                 "iso8859_15", "iso8859_2"]
_DETECT_SAMPLE = 16 * 1024  # detection reads this much: its time must not grow with the part
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _codec(charset: str | None) -> str:
    name = (charset or "").strip().strip('"').lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return "?unknown"


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a cut-off tail, a bad escape): keep it UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F) - bad
    return text if good >= 8 * bad and good > 0 else None


def _detect(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data[:_DETECT_SAMPLE], cp_isolation=_DETECT_AMONG).best()
    return best.encoding if best is not None else None


def decode_bytes(data: bytes, charset: str | None) -> str:
    codec = _codec(charset)
    if not codec.startswith(_STATEFUL):
        if _NON_ASCII.search(data) is None:
            return data.decode("ascii")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if codec == "utf-8" and (text := _mostly_utf8(data)) is not None:
            return text
    if codec and codec != "?unknown" and codec not in _UNTRUSTED:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, ValueError):
            pass
    if (text := _mostly_utf8(data)) is not None:
        return text
    detected = _detect(data)
    if detected:
        return data.decode(detected, errors="replace")
    return data.decode("cp1251", errors="replace")


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
    """The part decoded to text, line ends made "\n" (CRLF, and CR alone as old Macs send)."""
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    text = decode_bytes(_payload_bytes(part), charset)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _payload_bytes(part: Message) -> bytes:
    raw = part.get_payload()
    cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if cte == "quoted-printable" and isinstance(raw, str):
        # binascii stops at a soft break "=" followed by a lone CR: make every line end LF
        data = raw.encode("ascii", "surrogateescape") if raw.isascii() else raw.encode(
            "utf-8", "surrogateescape")
        return binascii.a2b_qp(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    return payload


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


class TooComplex(Exception):
    """The MIME tree is deeper or has more parts than a reply ever has."""


def walk(msg: Message, max_depth: int = 1_000_000,
         max_parts: int = 1_000_000) -> Iterator[Message]:
    """Every leaf part, without descending into attached messages (message/rfc822).

    Raises `TooComplex` past `max_depth` levels or `max_parts` parts: iterative, so a hostile
    depth costs no recursion."""
    stack: list[tuple[Message, int]] = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if depth > max_depth:
            raise TooComplex(f"MIME depth over {max_depth}")
        if seen > max_parts:
            raise TooComplex(f"more than {max_parts} MIME parts")
        if part.get_content_type() == "message/rfc822" or part.get_content_maintype() == "message":
            yield part
            continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
            continue
        yield part
