"""What the classifier answers: an intent, its slots, a confidence and the reasons why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.model import Intent

LOW_CONFIDENCE = 0.6  # below this an LLM (when configured) or a human should settle it
CLOSE_MARGIN = 0.1  # top-2 scores closer than this are a tie


@dataclass(frozen=True)
class Classification:
    intent: Intent
    confidence: float  # 0..1
    contact: str | None = None  # colleague's email (lower-case) or "@handle"; auto_reply: deputy
    until: date | None = None  # the date to write again / the return date
    runner_up: Intent | None = None  # second best, for a tie to be settled by an LLM
    reasons: tuple[str, ...] = ()  # short "why", shown to the operator
    runner_up_confidence: float = 0.0  # after `reasons`: the documented fields keep their order

    @property
    def ambiguous(self) -> bool:
        """True when an LLM or a human should settle it: low confidence or a close second."""
        if self.confidence < LOW_CONFIDENCE:
            return True
        return (self.runner_up is not None
                and self.confidence - self.runner_up_confidence < CLOSE_MARGIN)

    def as_json(self, message_id: object) -> dict[str, object]:
        """The contract's output line for `sales-agent classify`."""
        return {
            "id": message_id,
            "intent": self.intent.value,
            "contact": self.contact,
            "until": self.until.isoformat() if self.until else None,
            "confidence": round(self.confidence, 3),
        }
