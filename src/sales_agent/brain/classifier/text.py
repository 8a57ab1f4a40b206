"""Text preparation: clip, drop quoted lines, split off the signature, lemmatise, split clauses."""

from __future__ import annotations

import re
from functools import lru_cache

RULES_LIMIT = 5000  # rules read the first ~5 kB; a reply that matters is never longer
MODEL_LIMIT = 300  # the embedding model's cost grows with tokens; the vote only sees short replies

_CYR = re.compile(r"[а-яё]", re.I)
_LAT = re.compile(r"[a-z]", re.I)
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+")
_WORD = re.compile(r"[a-zа-яё0-9]+(?:[-'][a-zа-яё0-9]+)*|[?!.,;:—–]|\s-\s", re.I)
_SIGNATURE = re.compile(
    r"^\s*(--\s*|__+|с уважением.*|с наилучшими.*|best regards.*|kind regards.*|regards,?|"
    r"best,?|cheers,?|sincerely.*|thanks[,!.]?|thank you[,!.]?|(заранее )?спасибо[,!.]?|"
    r"всего доброго[,!.]?|отправлено с .*|sent from my .*)\s*$", re.I)
_CLAUSE_SPLIT = re.compile(r"(?<=\?)|[.!;\n]+|,\s*(?=(?:но|а|лучше|but|instead|rather)\b)|"
                           r"\s(?=(?:но|лучше|but|instead|rather)\s)|[—–]", re.I)


def clean(text: object) -> str:
    """Any input becomes printable text: None, bytes and control junk never raise."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:RULES_LIMIT].replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return text.replace("ё", "е").replace("Ё", "Е").strip()


# Where a quoted earlier message starts (our own words must not be read as the lead's).
_QUOTE_HEADER = re.compile(
    r"^\s*(-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)|"
    r"(от|from|sent|отправлено|кому|to|тема|subject)\s*:\s*\S.*$|on .{4,80} wrote:\s*$|"
    r".{0,80}\s(пишет|написал|написала)\s*:\s*$|.{0,120}<[^>\s]+@[^>\s]+>\s*:\s*$)", re.I)


_RUNS = re.compile(r"(\S)\1{3,}|(\S+\s+)\2{3,}")


def for_model(text: str) -> str:
    """The start of the reply, runs ("аааа", "не не не") squeezed: short and cheap to embed."""
    squeezed = _RUNS.sub(lambda m: (m[1] * 3) if m[1] else (m[2] * 3), text[: MODEL_LIMIT * 4])
    return " ".join(squeezed.split())[:MODEL_LIMIT]


def drop_quoted(text: str) -> str:
    """The lead's own lines: no "> " lines and nothing after a quoted message's header."""
    kept = []
    for i, line in enumerate(text.split("\n")):
        if i > 0 and _QUOTE_HEADER.match(line):
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return "\n".join(kept)


def split_signature(text: str) -> tuple[str, str]:
    """(body, signature): the signature starts at a sign-off line past the first line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _SIGNATURE.match(line):
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i:])
    return text, ""


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


def clauses(text: str) -> list[str]:
    parts = (p.strip() for p in _CLAUSE_SPLIT.split(text))
    return [p for p in parts if p]
