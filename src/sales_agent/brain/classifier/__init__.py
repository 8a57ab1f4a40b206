"""The offline reply classifier: the lead's own words, certain rules, a trained calibrated model.

    from sales_agent.brain.classifier import classify, Classification, detect_language
"""

from .engine import classify
from .result import Classification
from .text import detect_language

__all__ = ["Classification", "classify", "detect_language"]
