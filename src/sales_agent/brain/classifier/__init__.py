"""The offline reply classifier: header and lemma rules, contacts, dates, an example vote.

    from sales_agent.brain.classifier import classify, Classification, detect_language
"""

from .engine import classify
from .result import Classification
from .text import detect_language

__all__ = ["Classification", "classify", "detect_language"]
