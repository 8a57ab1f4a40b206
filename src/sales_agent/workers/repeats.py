"""No loops: a message that nearly repeats one the lead already got is not sent as is."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

SIMILAR = 0.9  # of the body's characters in common: a different variant or a new fact is below
_GREETING = re.compile(r"^[^\n]{0,60}(добрый день|здравствуйте|hello|hi|dear)[^\n]*\n", re.I)


def _body(text: str) -> str:
    """The part that says something: no greeting line, no signature, spaces folded."""
    body = text.split("\n\n--")[0].split("\n-- \n")[0]
    body = _GREETING.sub("", body.strip())
    return " ".join(body.casefold().split())


_NUMBER = re.compile(r"\d+")


def repeats(text: str, sent_before: list[str]) -> bool:
    new = _body(text)
    if len(new) < 40:  # a short "thank you" may well recur
        return False
    figures = set(_NUMBER.findall(new))
    for old in sent_before:
        seen = _body(old)
        if figures - set(_NUMBER.findall(seen)):
            continue  # a new date, time or figure: a moved demo, new slots — not a loop
        matcher = SequenceMatcher(None, new, seen, autojunk=False)
        if matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
            return True
    return False
