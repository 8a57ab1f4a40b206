"""Which colleague the lead names: an email or an @handle in the body, not the lead's own."""

from __future__ import annotations

import re

from .text import split_signature

EMAIL = re.compile(r"(?<![\w.+-])([a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})",
                   re.I)
HANDLE = re.compile(r"(?:(?<![\w@.])@|\bt\.me/|\btelegram\.me/)([a-z][a-z0-9_]{3,31})\b(?!\.[a-z])",
                    re.I)
# Words that point at another person: an address after one of these is a colleague's.
_PERSON = re.compile(
    r"коллег|замест|\bего\b|\bеё\b|\bее\b|\bhis\b|\bher\b|\bтам\b|маркетолог|директор|руководител|менеджер|начальник|шеф|отдел|ему\b|ей\b|"
    r"к\s+нему|к\s+ней|к\s+@|пишите|напишите|обращ|свяж|контакт|передай|перенаправ|"
    r"отвечает|занимается|решает|ответственн|ведет|ведёт|"
    r"colleague|deputy|manager|director|head of|cmo|ceo|team|contact|reach|email|write to|"
    r"in charge|responsible|handles|owns|right person|forward", re.I)


def _own(address: str, sender: str | None, signature: str) -> bool:
    a = address.lower()
    return bool(sender and a == sender.strip().lower()) or a in signature.lower()


def _signature_like(body: str, start: int) -> bool:
    """An address alone on one of the last lines, after a name line, reads as a signature."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", start)
    line = body[line_start: len(body) if line_end < 0 else line_end]
    rest = body[start:]
    lines_after = rest.count("\n")
    alone = bool(re.fullmatch(r"\s*(e-?mail:?|почта:?|tg:?|telegram:?)?\s*\S+\s*", line, re.I))
    return alone and lines_after <= 2 and body[:line_start].count("\n") >= 2


def extract_contact(text: str, sender: str | None = None) -> tuple[str | None, str]:
    """(contact, why): the address the lead names for someone else, lower-cased, or None."""
    body, signature = split_signature(text)
    found: list[tuple[int, str, bool]] = []  # (position, address, a person-word precedes it)
    for pattern, fmt in ((EMAIL, "{}"), (HANDLE, "@{}")):
        for m in pattern.finditer(body):
            address = fmt.format(m.group(1)).lower()
            if _own(address, sender, signature) or _signature_like(body, m.start()):
                continue
            before = body[max(0, m.start() - 80): m.start()]
            found.append((m.start(), address, bool(_PERSON.search(before))))
    if not found:
        return None, ""
    found.sort(key=lambda f: (not f[2], f[0]))
    _position, address, named = found[0]
    return address, ("a colleague named: " if named else "an address given: ") + address
