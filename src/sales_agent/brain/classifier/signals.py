"""What the rules see in one reply: cue hits per clause (with negation), contact and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from . import patterns as p
from .contacts import extract_contact
from .dates import FoundDate, find_dates
from .text import clauses, lemmas


@dataclass
class Signals:
    body: str
    injection: bool = False
    auto_reply: bool = False
    contact: str | None = None
    contact_named: bool = False  # a person-word precedes it: "коллеге ivan@…", "пишите @petrov"
    dates: list[FoundDate] = field(default_factory=list)
    hits: set[str] = field(default_factory=set)  # cue names found in a positive clause
    negated: set[str] = field(default_factory=set)  # cue names found only under a negation
    reasons: list[str] = field(default_factory=list)

    def has(self, *names: str) -> bool:
        return any(n in self.hits for n in names)


_POSITIVE_CUES = {"presentation": p.PRESENTATION, "demo": p.DEMO, "interested": p.INTERESTED}
_PLAIN_CUES = {"stop_hard": p.STOP_HARD, "stop_soft": p.STOP_SOFT, "later": p.LATER,
               "later_verb": p.LATER_VERB, "redirect": p.REDIRECT, "other": p.OTHER,
               "hostile": p.HOSTILE}


def _view(text: str) -> tuple[str, str]:
    lem = lemmas(text)
    return f"{text.lower().replace('ё', 'е')} ¦ {lem}", lem


_ADDRESS = re.compile(r"\S+@\S+\.\w+|https?://\S+|\bt\.me/\S+")
_NEGATORS = {"не", "нет", "без", "no", "not", "don't", "dont", "never", "without", "won't"}
_STOPS = {",", ".", "!", "?", ";", ":", "—", "–", "-", "но", "а", "лучше", "but", "instead"}


def _negated_at(lem: str, start: int, end: int) -> bool:
    """A negator within a few words of the cue, not across a comma or a "но"."""
    before: list[str] = []
    for tok in reversed(lem[:start].split()[-4:]):
        if tok in _STOPS:
            break
        before.append(tok)
    after: list[str] = []
    for tok in lem[end:].split()[:3]:
        if tok in _STOPS:
            break
        after.append(tok)
    return bool(_NEGATORS.intersection(before + after))


def _cue_negation(pattern, plain: str, view: str) -> bool | None:
    """None: no cue; False: a cue said plainly somewhere; True: every cue is negated."""
    matches = list(pattern.finditer(plain))
    if not matches:
        if not pattern.search(view):
            return None
        return bool(p.NEGATION.search(plain))
    return all(_negated_at(plain, m.start(), m.end()) for m in matches)


def read_signals(body: str, now: datetime, sender: str | None) -> Signals:
    s = Signals(body=body)
    whole, _ = _view(body)
    s.injection = bool(p.INJECTION.search(whole))
    s.auto_reply = bool(p.AUTO_REPLY.search(whole)) and not p.PERSONAL_LATER.search(whole)
    s.contact, why = extract_contact(body, sender)
    s.contact_named = why.startswith("a colleague")
    if s.contact:
        s.reasons.append(why)
    s.dates = [d for d in find_dates(body, now) if d.day > now.date()]
    for clause in clauses(_ADDRESS.sub(" @адрес ", body)):  # "…@brand.example" is no cue
        view, lem = _view(clause)
        plain = p.POLITE_NEGATION.sub(" ", lem)
        for name, pattern in _POSITIVE_CUES.items():
            found = _cue_negation(pattern, plain, view)
            if found is not None:
                (s.negated if found else s.hits).add(name)
        for name, pattern in _PLAIN_CUES.items():
            if pattern.search(view):
                s.hits.add(name)
        if p.STOP_LONE.match(clause):
            s.hits.add("stop_soft")
        if p.QUESTION_WORD.search(view):
            s.hits.add("question_product" if p.PRODUCT.search(view) else "question_word")
    s.negated -= s.hits
    return s
