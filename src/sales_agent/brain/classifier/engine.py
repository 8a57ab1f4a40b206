"""`classify`: headers → lemma rules → contact → dates → a nearest-example vote for the rest.

Mixed replies resolve in this order (CONTRACT.md): instructions to the agent are `other`; an
autoresponder is `auto_reply`; a named colleague beats a refusal (`redirect`); a positive ask
(demo, then presentation) beats a refusal of something else ("не надо презентацию, лучше демо");
"don't write" is `stop`; a future date to write again is `later`; then soft refusals, questions
about the product, plain interest. What the rules cannot settle goes to the example vote.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from ...domain.model import Intent
from .dates import pick_until
from .headers import auto_reply_reason
from .result import Classification
from .signals import Signals, read_signals
from .text import clean, drop_quoted, for_model, split_signature

log = logging.getLogger(__name__)
_LETTERS = re.compile(r"[a-zа-яё]{2,}", re.I)
FAR_CALL_DAYS = 14  # "созвонимся через месяц" is a postponement, not a call request


def classify(text: str, *, date: datetime | None = None, channel: str = "email",
             subject: str | None = None, headers: Mapping[str, str] | None = None,
             sender: str | None = None) -> Classification:
    """Classify one reply (the lead's new text only). Never raises; junk is `other`."""
    try:
        return _classify(text, _aware(date), subject, headers, sender)
    except Exception:  # a rule bug must not stop the agent: a human looks at it instead
        log.exception("classifier failed; answering other")
        return Classification(Intent.OTHER, 0.1, reasons=("the classifier failed on this text",))


def _classify(text: str, now: datetime, subject: str | None,
              headers: Mapping[str, str] | None, sender: str | None) -> Classification:
    body, _signature = split_signature(drop_quoted(clean(text)))
    header = auto_reply_reason(headers, subject)
    if not _LETTERS.search(body) and not header:
        return Classification(Intent.OTHER, 0.2, reasons=("no words to read",))
    s = read_signals(body, now, sender)
    if header:
        s.auto_reply = True
        s.reasons.append(header)
    decided = _decide(s, now)
    if decided is None:
        from .knn import vote  # the model loads on first need only

        decided = vote(for_model(body), s)
    intent, confidence, runner_up, runner_conf = decided
    return Classification(
        intent=intent, confidence=round(confidence, 3), contact=_contact_for(intent, s),
        until=_until_for(intent, s), runner_up=runner_up, runner_up_confidence=runner_conf,
        reasons=tuple(s.reasons),
    )


Decision = tuple[Intent, float, Intent | None, float]


def _decide(s: Signals, now: datetime) -> Decision | None:
    def says(intent: Intent, conf: float, why: str, second: Intent | None = None) -> Decision:
        s.reasons.append(why)
        return intent, conf, second, conf - 0.2 if second else 0.0

    far = bool(s.dates) and max(d.day for d in s.dates) > now.date() + timedelta(FAR_CALL_DAYS)
    if s.injection:
        return says(Intent.OTHER, 0.95, "the text tries to instruct the agent")
    if s.auto_reply:
        return says(Intent.AUTO_REPLY, 0.95, "autoresponder wording",
                    Intent.REDIRECT if s.contact else None)
    # An address with a person-word, a redirect cue, or nothing else asked: a colleague named.
    if s.contact and (s.contact_named or s.has("redirect") or not s.has(
            "presentation", "demo", "question_product", "stop_hard", "stop_soft")):
        return says(Intent.REDIRECT, 0.9, "sends us to someone else",
                    Intent.LATER if s.dates else None)
    if s.has("other") and not s.has("question_product"):  # an offer to us, a bill, a parcel
        return says(Intent.OTHER, 0.8, "unrelated: someone selling or billing")
    if s.has("demo"):
        if far:
            return says(Intent.LATER, 0.8, "a call, but not before a later date", Intent.DEMO)
        return says(Intent.DEMO, 0.9, "asks for a demo, a call or a trial",
                    Intent.PRESENTATION if s.has("presentation") else None)
    if s.has("presentation"):
        return says(Intent.PRESENTATION, 0.9, "asks for materials")
    if s.has("stop_hard") and not (s.dates and any(d.role in ("until", "after") for d in s.dates)):
        return says(Intent.STOP, 0.95, "asks us to stop writing")
    if s.dates and not s.has("question_product", "other", "hostile"):
        return says(Intent.LATER, 0.9 if s.has("later", "later_verb", "stop_soft") else 0.75,
                    "a date to write again: " + ", ".join(d.phrase for d in s.dates))
    if s.has("stop_soft", "stop_hard") or (s.negated and not s.hits - {"question_word"}):
        return says(Intent.STOP, 0.9, "refuses")
    if s.has("redirect"):
        return says(Intent.REDIRECT, 0.7, "sends us to someone else, no address given")
    if s.has("question_product"):
        return says(Intent.QUESTION, 0.85, "asks about the product",
                    Intent.INTERESTED if s.has("interested") else None)
    if s.has("other", "hostile"):
        return says(Intent.OTHER, 0.8, "unrelated or hostile")
    if s.has("later"):
        return says(Intent.LATER, 0.7, "asks to be contacted later, no date")
    return None  # interest alone, a bare question, or nothing known: the example vote settles


def _contact_for(intent: Intent, s: Signals) -> str | None:
    return s.contact if intent in (Intent.REDIRECT, Intent.AUTO_REPLY) else None


def _until_for(intent: Intent, s: Signals):
    if intent in (Intent.LATER, Intent.REDIRECT):
        return pick_until(s.dates)
    if intent is Intent.AUTO_REPLY:
        return pick_until(s.dates, auto_reply=True)
    return None


def _aware(date: datetime | None) -> datetime:
    if date is None:
        return datetime.now(UTC)
    return date if date.tzinfo else date.replace(tzinfo=UTC)
