"""`classify`: the lead's own words → certain rules → the trained model → slots → review.

Certain rules decide alone: auto-reply headers (RFC 3834) and an explicit stop command (a stop
anywhere wins, even inside an injection or a mixed ask). Everything else is the model's
calibrated verdict; `review` is set when its confidence is under the intent's threshold (chosen
by cross-validation on training data), when a refusal is possible but not certain, when the text
looks like an attempt to instruct us, or when a redirect names a stranger's domain.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from ...domain.events import CHANNEL_SWITCH
from ...domain.identity import company_domain
from ...domain.intent import Intent
from .contacts import EMAIL, extract_contact
from .corrections import CorrectionBank, consult
from .dates import find_dates
from .headers import auto_reply_reason
from .model import ModelUnavailable, Reading, load_model
from .result import Classification
from .rules import HUGE, read_stop, unreadable
from .slots import read_slots
from .text import detect_language, own_text

log = logging.getLogger(__name__)
_IN_COPY = re.compile(r"\bв\s+копи\w*|\bкопию\b|\bcc\b|\bcc'?d\b|\bcopied\b|\bcopying\b|"
                      r"\blooped?\s+in\b|\bloop(ing)?\s+in\b", re.I)
CERTAIN = 0.99
SHORT_WORDS, SHORT_BAR = 2, 0.9  # a reply this short is acted on only when the model is sure
_WORD = re.compile(r"[a-zа-яё0-9]+", re.I)
_WRITE_THEN = re.compile(
    r"(напиш|пиши|свяж|обращ|обрат|contact|reach|write|e-?mail|talk|ping)\w*\b", re.I)
_SELF = re.compile(r"\bя\b|\bменя\b|\bi\b|\bi'm\b", re.I)
# The colleague is away until then («он в командировке до 25.11», "she's out until Dec 1").
_AWAY = re.compile(r"отпуск|командировк|больничн|декрет|отсутств|нет на месте|\bout\b|away|off\b|"
                   r"leave|vacation|travel", re.I)


def classify(text: str, *, date: datetime | None = None, channel: str = "email",
             subject: str | None = None, headers: Mapping[str, str] | None = None,
             sender: str | None = None,
             corrections: CorrectionBank | None = None) -> Classification:
    """Classify one reply. Never raises for any text; a missing model raises ModelUnavailable
    (one line naming the rebuild command) because every verdict would be wrong without it.
    `corrections`: the operator's corrected replies, which outrank the model (corrections.py)."""
    del channel  # the model reads the style itself; kept for callers and the contract
    try:
        return _classify(text, _aware(date), subject, headers, sender, corrections)
    except ModelUnavailable:
        raise
    except Exception:  # a bug must not stop the agent: a human looks at it instead
        log.exception("classifier failed; answering other for review")
        return _nothing("the classifier failed on this text")


def _nothing(why: str) -> Classification:
    return Classification(Intent.OTHER, 0.2, reasons=(why,), review=True)


def _classify(text: str, now: datetime, subject: str | None,
              headers: Mapping[str, str] | None, sender: str | None,
              corrections: CorrectionBank | None = None) -> Classification:
    if len(text or "") > HUGE:
        return _nothing("far too long to be a reply")
    body = own_text(text)
    header = auto_reply_reason(headers, subject)
    if header:
        return _slotted(Classification(Intent.AUTO_REPLY, CERTAIN, reasons=(header,),
                                       certain=True), text, body, now, sender)
    junk = unreadable(body)
    if junk:
        return _nothing(junk)
    reading = load_model().read(body)
    stop, switch = read_stop(body)
    verdict = _verdict(reading, stop, body, sender)
    if switch and not (verdict.intent is Intent.REDIRECT and extract_contact(body, sender)[0]):
        # Where to write now is the lead's call, not the model's: a human moves the lead, and
        # nothing automatic goes out meanwhile (neither a stop nor a message to the refused
        # place). Certain: an LLM could only confirm a stop here, and that would lose the lead.
        verdict = replace(verdict, review=True, refusal_risk=True, certain=True,
                          tags=(*verdict.tags, CHANNEL_SWITCH), reasons=(
            *verdict.reasons, f"refuses one channel only («{switch}») and names another"))
    verdict = consult(verdict, body, corrections)
    return _slotted(verdict, text, body, now, sender, headers)


def _verdict(reading: Reading, stop: str | None, body: str, sender: str | None
             ) -> Classification:
    model = load_model()
    (best, p_best), (second, p_second) = reading.ranked()[:2]
    p_stop = reading.probabilities.get(Intent.STOP, 0.0)
    reasons = [f"model: {best.value} {p_best:.0%}, then {second.value} {p_second:.0%}"]
    if stop and not (best is Intent.REDIRECT and extract_contact(body, sender)[0]):
        return Classification(Intent.STOP, max(CERTAIN, p_best if best is Intent.STOP else 0),
                              runner_up=best if best is not Intent.STOP else second,
                              reasons=(f"asks to stop: «{stop}»", *reasons),
                              tags=reading.tags, certain=True)
    review = p_best < model.threshold(best)
    if len(_WORD.findall(body)) <= SHORT_WORDS and p_best < SHORT_BAR:
        review = True  # «Хм.», «Посмотрим»: a word or two carry little evidence either way
    refusal_risk = best is not Intent.STOP and p_stop >= model.refusal_threshold
    if refusal_risk:
        reasons.append(f"maybe a refusal (stop {p_stop:.0%})")
    if best is Intent.STOP and review:
        refusal_risk = True
    injection = reading.tag_probabilities.get("injection", 0.0) >= model.injection_threshold
    if injection and best not in (Intent.OTHER, Intent.STOP):
        review = True
        reasons.append("reads like an instruction to us")
    if review:
        reasons.append(f"under the {best.value} threshold {model.threshold(best):.2f}")
    return Classification(best, p_best, runner_up=second, runner_up_confidence=p_second,
                          reasons=tuple(reasons), review=review or refusal_risk,
                          refusal_risk=refusal_risk, tags=reading.tags)


def _slotted(c: Classification, raw: str, body: str, now: datetime, sender: str | None,
             headers: Mapping[str, str] | None = None) -> Classification:
    """The contact and the date for the intents that carry them (slots.py reads them)."""
    contact, until, reasons, review = None, None, list(c.reasons), c.review
    if c.intent in (Intent.REDIRECT, Intent.AUTO_REPLY, Intent.LATER):
        slots = read_slots(raw, now=now, sender=sender, lang=detect_language(body),
                           auto_reply=c.intent is Intent.AUTO_REPLY)
        foreign = False
        if c.intent is not Intent.LATER and slots.contact:
            contact, foreign = slots.contact, slots.contact_is_foreign_domain
            reasons.append(slots.contact_reason or f"contact {contact}")
        elif c.intent is Intent.REDIRECT and (copied := _colleague_in_copy(body, sender, headers)):
            contact, foreign = copied, stranger_domain(copied, sender)
            reasons.append(f"the colleague is in copy: {contact}")
        if c.intent is Intent.REDIRECT and foreign:
            review = True  # a stranger's address is not written to on a reply's word alone
            reasons.append("the colleague's address is at another domain")
        until = slots.until
        if c.intent is Intent.REDIRECT and until and not _write_then(body, now):
            until = None  # "she starts on Monday" is no date to write again
    return Classification(
        intent=c.intent, confidence=round(c.confidence, 3), contact=contact, until=until,
        runner_up=c.runner_up, reasons=tuple(reasons),
        runner_up_confidence=round(c.runner_up_confidence, 3), review=review,
        refusal_risk=c.refusal_risk, tags=c.tags, certain=c.certain)


def _colleague_in_copy(body: str, sender: str | None, headers: Mapping[str, str] | None
                       ) -> str | None:
    """«Переадресую директору, он в копии», "I've cc'd our COO": the one address in Cc that is
    neither the lead's nor ours (ours are in To). Several in Cc: no guess."""
    if not headers or not _IN_COPY.search(body):
        return None
    ours = {a.lower() for a in EMAIL.findall(headers.get("To", ""))}
    copied = {a.lower() for a in EMAIL.findall(headers.get("Cc", ""))} - ours \
        - {(sender or "").lower()}
    return copied.pop() if len(copied) == 1 else None


def _write_then(body: str, now: datetime) -> bool:
    """A date the lead ties to writing to the colleague: "write to him in December", "she is
    back on…", "after…"."""
    def asked(d) -> bool:
        sentence_start = max(body.rfind(c, 0, d.start) for c in ".!?\n") + 1
        before = body[max(sentence_start, d.start - 40): d.start]
        sentence = body[sentence_start: d.start]
        return (d.role in ("return", "after") or bool(_WRITE_THEN.search(before))
                or re.match(r"(после|after|не\s+раньше)\b", d.phrase.lower()) is not None
                or (d.role == "until" and bool(_AWAY.search(sentence))
                    and not _SELF.search(sentence)))  # «я сам в отпуске»: write to them now

    return any(asked(d) for d in find_dates(body, now) if d.day > now.date())


def stranger_domain(contact: str, sender: str | None) -> bool:
    """A colleague's address at another company than the sender's (free-mail boxes and handles
    aside; subdomains of one company match): the canonical rule of domain/identity.py."""
    if "@" not in (sender or "") or contact.startswith("@"):
        return False
    theirs, own = company_domain(contact), company_domain(sender)
    return bool(theirs and own and theirs != own)


def _aware(date: datetime | None) -> datetime:
    if date is None:
        return datetime.now(UTC)
    return date if date.tzinfo else date.replace(tzinfo=UTC)
