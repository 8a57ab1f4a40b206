"""Text preparation: clip, keep the lead's own words, lemmatise, mark negation scope."""

from __future__ import annotations

import re
from functools import lru_cache

from .boilerplate import own_words, split_signature

RAW_LIMIT = 20_000  # quotes and disclaimers are cut from this much; 1 MB of text is never read
MODEL_LIMIT = 3000  # the lead's own words that the model reads; a reply that matters is shorter

_CYR = re.compile(r"[а-яё]", re.I)
_LAT = re.compile(r"[a-z]", re.I)
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+")
_WORD = re.compile(r"[a-zа-яё0-9]+(?:[-'][a-zа-яё0-9]+)*|[?!.,;:—–]|\s-\s", re.I)


def clean(text: object) -> str:
    """Any input becomes printable text: None, bytes and control junk never raise."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:RAW_LIMIT].replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return text.replace("ё", "е").replace("Ё", "Е").strip()


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\s*|\n")


def without_repeats(text: str) -> str:
    """Each sentence once: a person does not repeat a sentence word for word, a dump or a
    template does («Наша компания работает давно.» × 500 would drown the ask before it)."""
    seen: set[str] = set()
    out: list[str] = []
    for part in _SENTENCE.findall(text):
        key = " ".join(part.lower().split())
        if len(key) > 12 and key in seen:
            continue
        seen.add(key)
        out.append(part)
    return "".join(out)


def own_text(text: object) -> str:
    """The lead's own new words, cleaned and clipped: what every reader of a reply sees."""
    return without_repeats(own_words(clean(text))).strip()[:MODEL_LIMIT]


def detect_language(text: str) -> str:
    """"ru" or "en" by letters (addresses ignored); no letters at all means Russian, our default."""
    text = _ADDRESS.sub(" ", clean(text))
    cyr, lat = len(_CYR.findall(text)), len(_LAT.findall(text))
    return "en" if lat > cyr else "ru"


@lru_cache(maxsize=1)
def _morph():  # loading the dictionaries takes ~80 ms: once per process
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


# Words pymorphy3 gets wrong for our purpose ("демо" → "дть", "больше" → "большой").
_LEMMA_FIXES = {"демо": "демо", "демку": "демка", "демки": "демка", "больше": "больше",
                "позже": "позже", "попозже": "позже", "презу": "преза", "през": "преза",
                "прези": "преза", "созвон": "созвон", "кп": "кп", "нет": "нет", "ок": "ок",
                "окей": "ок", "спам": "спам", "спама": "спам", "телегу": "телега",
                "отпишусь": "ответить", "отпишемся": "ответить", "отпишу": "ответить"}


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    if not _CYR.search(word):
        return word
    if word in _LEMMA_FIXES:
        return _LEMMA_FIXES[word]
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def tokens(text: str) -> list[str]:
    return [t.strip() for t in _WORD.findall(text.lower())]


def lemmas(text: str) -> str:
    """Lemmas joined by spaces, punctuation kept: "вышлите презу" → "выслать преза"."""
    return " ".join(lemma(t) for t in tokens(text))


__all__ = ["clean", "detect_language", "lemma", "lemmas", "own_text", "split_signature", "tokens"]
