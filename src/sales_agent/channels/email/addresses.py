"""Addresses from a From/To header, display names kept whole.

The header is split into addresses *before* its RFC 2047 words are decoded: a display name such
as «Иванова, Анна» travels encoded (or quoted), and its comma separates nothing. Decoding first
and splitting after cut it into a bare word «иванова» taken for the address and a nameless
mailbox. An unquoted name with a comma (`Ivanova, Anna <anna@x.ru>`, a common client bug) is put
back together: a piece without an "@" is the start of the next address's name.
"""

from __future__ import annotations

import re
from email.message import Message
from email.utils import getaddresses

from .mime import decode_header_value

_FOLD = re.compile(r"\r?\n[ \t]")


def raw_header(msg: Message, name: str) -> str:
    """The header as it came (encoded words and quotes intact), unfolded; "" if absent."""
    wanted = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == wanted:
            return _FOLD.sub(" ", str(value))
    return ""


def addresses(raw: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) pairs; names decoded, a name's commas kept."""
    try:
        pairs = getaddresses([raw])
    except Exception:
        return []
    out: list[tuple[str, str]] = []
    words: list[str] = []  # pieces of an unquoted name cut at its commas
    for name, addr in pairs:
        name, addr = _decoded(name), _decoded(addr)
        if "@" not in addr:
            words.append(" ".join(p for p in (name, addr) if p))
            continue
        if words:
            name = ", ".join(w for w in (*words, name) if w)
            words = []
        out.append((name, addr.lower()))
    return out


def first_address(raw: str) -> tuple[str, str]:
    found = addresses(raw)
    if found:
        return found[0]
    return "", decode_header_value(raw).strip().lower()


def _decoded(value: str) -> str:
    return decode_header_value(value).strip().strip('"').strip() if value else ""
