"""What the model reads: lemma n-grams with negation scope marked, plus character n-grams.

«Демо не нужно, давайте презентацию» → "демо не NEG_нужно , давайте презентация": a word after
«не/ни/нет/no/not/don't…» up to a clause boundary gets a NEG_ prefix, so "NEG_нужно" and "нужно"
are different features. Character n-grams carry typos, slang and transliteration
(«skinte prezentaciyu», «нинада»). Addresses, handles, links and times become placeholders: the
model learns that "an address is given", never a particular address.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from .text import lemma, tokens

if TYPE_CHECKING:  # only training fits features; `classify` reads them with vectors.py
    from sklearn.pipeline import FeatureUnion

NEGATORS = frozenset({"не", "ни", "нет", "без", "нельзя", "no", "not", "never", "nor", "without",
                      "don't", "dont", "doesn't", "won't", "cannot", "can't", "isn't", "aren't",
                      "wouldn't", "shouldn't", "didn't", "neither", "нинада", "ne", "net"})
# Where a negation's scope ends: punctuation and words that turn to the positive part.
SCOPE_ENDS = frozenset({",", ".", "!", "?", ";", ":", "—", "–", "-", "но", "а", "лучше",
                        "просто", "зато", "давать", "давайте", "только", "but", "instead",
                        "just", "rather", "however", "please", "пожалуйста", "и", "and"})
CHAR_NGRAMS = (2, 5)  # character n-gram lengths, inside word boundaries
_PLACEHOLDERS = (
    (re.compile(r"\S+@\S+\.\w+"), " zzemail "),
    (re.compile(r"(?<![\w@])@[a-z][a-z0-9_]{3,}|(https?://)?\b(t|telegram)\.me/\w+", re.I),
     " zzhandle "),  # as contacts.py reads them: t.me/name is a handle
    (re.compile(r"https?://\S+|www\.\S+", re.I), " zzlink "),
    (re.compile(r"\b\d{1,2}[:.]\d{2}\b(?![.:/]\d)|\b\d{1,2}\s*(am|pm)\b", re.I), " zztime "),
    (re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b"), " zzdate "),
    (re.compile(r"\d+"), " zznum "),
)


def masked(text: str) -> str:
    """Lower-case text with addresses, handles, links, times and numbers as placeholders."""
    text = text.lower()
    for pattern, placeholder in _PLACEHOLDERS:
        text = pattern.sub(placeholder, text)
    return text


def negation_marked(text: str) -> list[str]:
    """Lemmas in order, each word inside a negation's scope prefixed with NEG_."""
    out: list[str] = []
    negated = False
    for tok in tokens(masked(text)):
        lem = lemma(tok)
        if tok in SCOPE_ENDS or lem in SCOPE_ENDS:
            negated = False
            out.append(lem)
        elif tok in NEGATORS or lem in NEGATORS:
            negated = True
            out.append(lem)
        else:
            out.append("NEG_" + lem if negated else lem)
    return out


def word_ngrams(text: str) -> list[str]:
    """Unigrams and bigrams over negation-marked lemmas (the vectoriser's analyzer)."""
    words = negation_marked(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def char_view(text: str) -> str:
    return " ".join(masked(text).split())


def make_features() -> FeatureUnion:
    """A fresh, unfitted feature extractor (training builds one per fold). vectors.py repeats
    its transform with numpy alone: a change here needs the same change there (export.py
    refuses an artifact where the two disagree)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("words", TfidfVectorizer(analyzer=word_ngrams, sublinear_tf=True, min_df=1,
                                  dtype=np.float32)),
        ("chars", TfidfVectorizer(analyzer="char_wb", preprocessor=char_view,
                                  ngram_range=CHAR_NGRAMS, sublinear_tf=True, min_df=2,
                                  max_features=80_000, dtype=np.float32)),
    ])
