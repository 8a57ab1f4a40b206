"""What a lead's reply means: the classifier's verdict (re-exported by domain.model)."""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    STOP = "stop"
    PRESENTATION = "presentation"
    DEMO = "demo"
    REDIRECT = "redirect"
    LATER = "later"
    QUESTION = "question"
    INTERESTED = "interested"
    AUTO_REPLY = "auto_reply"
    OTHER = "other"


__all__ = ["Intent"]
