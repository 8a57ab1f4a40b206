"""What the classifier answers: an intent, its slots, a calibrated confidence, whether a human
(or an LLM) should look first, and the reasons why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.intent import Intent


@dataclass(frozen=True)
class Classification:
    intent: Intent
    confidence: float  # 0..1, calibrated: of verdicts given 0.9 about nine in ten are right
    contact: str | None = None  # colleague's email (lower-case) or "@handle"; auto_reply: deputy
    until: date | None = None  # the date to write again / the return date
    runner_up: Intent | None = None  # second best, for a tie to be settled by an LLM
    reasons: tuple[str, ...] = ()  # short "why", shown to the operator
    runner_up_confidence: float = 0.0  # after `reasons`: the documented fields keep their order
    review: bool = False  # the agent does not act on this verdict by itself
    refusal_risk: bool = False  # maybe a refusal, not certain: send nothing, ask a human
    tags: tuple[str, ...] = ()  # tags of data/brain/LABELS.md: objection, complaint, booking, …
    certain: bool = False  # set by a certain rule (headers, a stop command): nothing overrides it

    @property
    def ambiguous(self) -> bool:
        """Compatibility name for `review`."""
        return self.review

    def as_json(self, message_id: object) -> dict[str, object]:
        """The contract's output line for `sales-agent classify`."""
        return {
            "id": message_id,
            "intent": self.intent.value,
            "contact": self.contact,
            "until": self.until.isoformat() if self.until else None,
            "confidence": round(self.confidence, 3),
            "review": self.review,
        }
