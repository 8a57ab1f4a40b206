"""Cutting a long text into Telegram-sized messages on the most natural boundary available.

Telegram counts a message's length in UTF-16 code units (4096 at most), so an emoji counts twice.
"""

from __future__ import annotations

import re

TELEGRAM_TEXT_LIMIT = 4096

# Tried in order: paragraphs, lines, sentences, words; a hard cut only when none fits.
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?…])\s+"),
    re.compile(r"\s+"),
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Pieces of `text`, each at most `limit` UTF-16 units, none empty, order kept."""
    text = text.strip()
    pieces: list[str] = []
    while text:
        if utf16_len(text) <= limit:
            pieces.append(text)
            break
        cut = _best_cut(text, limit)
        head, text = text[:cut].rstrip(), text[cut:].lstrip()
        if head:
            pieces.append(head)
    return pieces


def _best_cut(text: str, limit: int) -> int:
    window = _prefix_within(text, limit)
    for boundary in _BOUNDARIES:
        ends = [m.start() for m in boundary.finditer(window) if m.start() > 0]
        # A boundary in the first third would leave a stub; prefer a finer one further on.
        if ends and ends[-1] >= len(window) // 3:
            return ends[-1]
    return len(window)


def _prefix_within(text: str, limit: int) -> str:
    """The longest prefix of at most `limit` UTF-16 units that does not split a surrogate pair."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text
