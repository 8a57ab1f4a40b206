"""The operator's corrections as strong examples, consulted after the model.

A reply whose normalised text (case, «ё», punctuation and spacing ignored) equals a corrected
one, or is very near it (cosine of character 3-gram counts ≥ NEAR, the same negation words, long
enough for the measure to mean something), gets the operator's label with a high confidence and
no review. Two things stay guarded, because a wrong stop loses a lead and a missed stop writes to
someone who asked us not to:

- a correction *to* stop applies to identical and near texts alike;
- a correction *away from* stop (or from a possible refusal) applies only to an identical text:
  «…не пишите больше» appended to a corrected letter is still a stop.

Auto-reply headers (RFC 3834) and unreadable texts are decided before the model and never reach
this look-up. The texts are the leads' own words; they are compared, never obeyed. The bank is
immutable: a running agent builds a new one when the corrections change (workers/corrections.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ...domain.model import Intent
from ..corpus_check import normalise
from .result import Classification

NEAR = 0.9  # cosine of character 3-gram counts at and above which a text is "very near"
MIN_NEAR_CHARS = 16  # shorter texts must be identical: «да» and «нет» are one letter apart
EXACT_CONFIDENCE, NEAR_CONFIDENCE = 0.98, 0.95
_NEGATION = re.compile(r"\b(не|нет|ни|нельзя|no|not|never|dont|don t|nothing|without|без)\b")


@dataclass(frozen=True)
class Example:
    """One corrected reply: its normalised text and what the operator says it means."""

    name: str  # "c-12": shown in the verdict's reasons
    intent: Intent
    norm: str
    grams: Counter[str]
    length: float  # the 3-gram vector's norm
    negations: frozenset[str]


@dataclass(frozen=True)
class Match:
    example: Example
    similarity: float

    @property
    def identical(self) -> bool:
        return self.similarity >= 1.0


def example(name: str, text: str, intent: str) -> Example | None:
    norm = normalise(text)
    if not norm:
        return None
    grams = _grams(norm)
    return Example(name, Intent(intent), norm, grams, _norm(grams), _negations(norm))


class CorrectionBank:
    """The corrected examples, looked up by exact text first, then by nearness."""

    def __init__(self, examples: Iterable[Example] = ()) -> None:
        self.examples = list(examples)
        self._exact = {e.norm: e for e in self.examples}  # a later correction wins a tie

    def __len__(self) -> int:
        return len(self.examples)

    def nearest(self, text: str) -> Match | None:
        norm = normalise(text)
        if not norm:
            return None
        if norm in self._exact:
            return Match(self._exact[norm], 1.0)
        if len(norm) < MIN_NEAR_CHARS:
            return None
        grams = _grams(norm)
        length, negations = _norm(grams), _negations(norm)
        best: Match | None = None
        for e in self.examples:
            # Cosine ≥ NEAR needs comparable sizes; skipping the rest keeps a lookup cheap.
            if e.negations != negations or not NEAR * e.length <= length <= e.length / NEAR:
                continue
            shared = sum(n * e.grams[g] for g, n in grams.items() if g in e.grams)
            similarity = min(shared / (length * e.length), 0.9999)  # identical is exact only
            if similarity >= NEAR and (best is None or similarity > best.similarity):
                best = Match(e, similarity)
        return best


def consult(verdict: Classification, body: str, bank: CorrectionBank | None
            ) -> Classification:
    """The verdict, or the operator's label when `body` matches a correction (see the module
    doc for when it may override a stop)."""
    if not bank:
        return verdict
    match = bank.nearest(body)
    if match is None:
        return verdict
    corrected = match.example.intent
    maybe_refusal = verdict.intent is Intent.STOP or verdict.refusal_risk
    if corrected is not Intent.STOP and maybe_refusal and not match.identical:
        return replace(verdict, reasons=(*verdict.reasons, _reason(match, "not applied: "
                                                                   "the text may refuse")))
    if corrected is verdict.intent and not verdict.review:
        return replace(verdict, reasons=(*verdict.reasons, _reason(match, "agrees")))
    review = "injection" in verdict.tags and not match.identical \
        and corrected not in (Intent.OTHER, Intent.STOP)
    return Classification(
        intent=corrected,
        confidence=EXACT_CONFIDENCE if match.identical else NEAR_CONFIDENCE,
        runner_up=verdict.intent if verdict.intent is not corrected else verdict.runner_up,
        runner_up_confidence=verdict.confidence,
        reasons=(_reason(match, f"was {verdict.intent.value}"), *verdict.reasons),
        # The operator's stop is not for an LLM to reconsider; any other label may be.
        review=review, refusal_risk=False, tags=verdict.tags, certain=corrected is Intent.STOP)


def _reason(match: Match, note: str) -> str:
    e = match.example
    how = "identical" if match.identical else f"similarity {match.similarity:.2f}"
    return f"operator correction {e.name}: {e.intent.value} ({how}; {note})"


def _grams(norm: str) -> Counter[str]:
    padded = f" {norm} "
    return Counter(padded[i:i + 3] for i in range(len(padded) - 2))


def _norm(grams: Counter[str]) -> float:
    return math.sqrt(sum(n * n for n in grams.values()))


def _negations(norm: str) -> frozenset[str]:
    return frozenset(m.group(0) for m in _NEGATION.finditer(norm))
