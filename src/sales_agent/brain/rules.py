"""The bar a message meets beyond the guard's facts: length, subject, language.

The same checks serve the tests and the LLM's drafts (a rewrite that breaks them is dropped for
the template's text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["FIRST_WORDS", "cyrillic_outside", "llm_problems", "words"]

FIRST_WORDS = (60, 100)  # the cold first letter, without the signature
_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)


def words(text: str) -> int:
    return len(_WORD.findall(text))


def cyrillic_outside(text: str, allowed: Iterable[str]) -> list[str]:
    """Cyrillic words left in `text` once the given names (products, the lead's) are cut out."""
    for name in sorted((a for a in allowed if a), key=len, reverse=True):
        text = text.replace(name, " ")
    return [w for w in _WORD.findall(text) if _CYR.search(w)]


def llm_problems(kind: str, template_body: str, llm_body: str, language: str,
                 products: Iterable[str], history: Iterable[str] = ()) -> list[str]:
    """An LLM rewrite may not grow the message, repeat a figure the thread told, or mix Russian
    into an English one; the template's text is sent instead."""
    from .story import used_numbers

    products = list(products)
    out = []
    if words(llm_body) > words(template_body) * 1.2 + 5 or (
            kind == "first" and words(llm_body) > FIRST_WORDS[1]):
        out.append("llm draft is longer than the template's")
    repeated = used_numbers([llm_body], products) & used_numbers(history, products)
    if repeated - used_numbers([template_body], products):
        out.append("llm draft repeats a figure the thread has told")
    if language == "en" and cyrillic_outside(llm_body, products):
        out.append("llm draft has Russian words in an English message")
    return out
