"""A second opinion from an LLM (when one is configured) for the verdicts marked for review.

The reply goes to the LLM as JSON data under a JSON schema (brain/llm.py); its answer is used
only when it parses and does not contradict what is certain: a verdict set by a certain rule
(auto-reply headers, a stop command) is never sent, and a possible refusal is never turned into
a sale (or a follow-up) — it is confirmed as a stop or stays for a human.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ...domain.intent import Intent
from .engine import stranger_domain
from .result import Classification
from .text import own_text

if TYPE_CHECKING:
    from ..llm import LlmClient

LLM_MIN_CONFIDENCE = 0.7  # an unsure LLM settles nothing: a human does
_WITH_CONTACT = (Intent.REDIRECT, Intent.AUTO_REPLY)
_WITH_DATE = (Intent.LATER, Intent.REDIRECT, Intent.AUTO_REPLY)


async def settle(llm: LlmClient, text: str, c: Classification, day: date,
                 sender: str | None = None) -> Classification:
    """`c` itself when it needs no settling or the LLM gives no usable answer."""
    if not c.review or c.certain:
        return c
    first = [i for i in (c.intent, c.runner_up) if i is not None]
    candidates = [i.value for i in (*first, *(i for i in Intent if i not in first))]
    verdict = await llm.classify(own_text(text), candidates=candidates, date=day)
    if verdict is None:
        return c
    intent = Intent(verdict.intent)
    if (c.refusal_risk or c.intent is Intent.STOP) and intent is not Intent.STOP:
        return replace(c, reasons=(*c.reasons, f"the LLM said {intent.value}: a possible "
                                   "refusal is left to a human, never turned into a sale"))
    if verdict.confidence < LLM_MIN_CONFIDENCE:
        return replace(c, reasons=(*c.reasons, f"the LLM is unsure ({intent.value})"))
    contact = (verdict.contact or c.contact) if intent in _WITH_CONTACT else None
    until = (verdict.until or c.until) if intent in _WITH_DATE else None
    review = intent is Intent.REDIRECT and bool(contact) and stranger_domain(contact or "", sender)
    return replace(c, intent=intent, confidence=verdict.confidence, contact=contact,
                   until=until, review=review, refusal_risk=False,
                   reasons=(*c.reasons, "settled by the LLM"))
