"""The fitted model as plain arrays, read with numpy alone: the scikit-learn pipeline's numbers.

Training fits scikit-learn (features.py, train.py); export.py copies out what inference needs:
each vectoriser's vocabulary and idf, the linear weights of the intent SVM and of the tag head,
the calibration's inverse temperature. `classify` then imports neither scikit-learn nor scipy,
whose import was most of the model's load time (~3 s of 3.5 s).

Every step repeats the fitted pipeline's arithmetic in the same precision and order where it
matters: tf-idf in float32 (TfidfVectorizer(dtype=float32): counts, log + 1, × idf, l2 norm with
a float64 running sum as sklearn's sparsefuncs_fast does), scores in float64, the temperature
softmax of CalibratedClassifierCV(method="temperature"), the logistic tag head. export.py checks
the two paths agree to 1e-9 on training texts before an artifact is written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .features import CHAR_NGRAMS, char_view, word_ngrams

_WHITE_SPACES = re.compile(r"\s\s+")  # sklearn's CountVectorizer._white_spaces


def char_wb_ngrams(text: str, min_n: int = CHAR_NGRAMS[0], max_n: int = CHAR_NGRAMS[1]
                   ) -> list[str]:
    """sklearn's analyzer="char_wb" after our preprocessor: n-grams inside space-padded words."""
    text = _WHITE_SPACES.sub(" ", char_view(text))
    grams: list[str] = []
    add = grams.append
    for word in text.split():
        w = " " + word + " "
        size = len(w)
        for n in range(min_n, max_n + 1):
            offset = 0
            add(w[offset:offset + n])
            while offset + n < size:
                offset += 1
                add(w[offset:offset + n])
            if offset == 0:  # a short word (shorter than n) counts once
                break
    return grams


ANALYZERS: dict[str, Callable[[str], list[str]]] = {"words": word_ngrams,
                                                    "chars": char_wb_ngrams}


class TfidfBlock:
    """One fitted TfidfVectorizer(sublinear_tf=True, norm="l2", dtype=float32)."""

    def __init__(self, name: str, terms: list[str], idf: np.ndarray, offset: int) -> None:
        self.name = name
        self.analyze = ANALYZERS[name]
        self.index = dict(zip(terms, range(len(terms)), strict=True))
        self.idf = idf
        self.offset = offset  # where this block's columns start in the stacked features

    def __len__(self) -> int:
        return len(self.index)

    def transform(self, text: str) -> tuple[list[int], np.ndarray]:
        """(sorted column indices, float32 tf-idf values) of one text."""
        counts: dict[int, int] = {}
        index = self.index
        for feature in self.analyze(text):
            j = index.get(feature)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        columns = sorted(counts)
        values = np.array([counts[j] for j in columns], dtype=np.float32)
        np.log(values, out=values)
        values += 1.0
        values *= self.idf[columns]
        squares = (values * values).tolist()  # float32 products, as the Cython loop
        total = 0.0
        for s in squares:  # a running float64 sum in column order, as sklearn's
            total += s
        if total != 0.0:
            values = (values.astype(np.float64) / math.sqrt(total)).astype(np.float32)
        return [self.offset + j for j in columns], values


@dataclass(frozen=True)
class Scores:
    intents: np.ndarray  # calibrated probabilities, in the order of Vectors.intents
    tags: np.ndarray  # P(tag), in the order of Vectors.tag_names


class Vectors:
    """Features → intent probabilities and tag probabilities, numpy only."""

    def __init__(self, blocks: list[TfidfBlock], weights: np.ndarray, bias: np.ndarray,
                 intents: list[str], tag_names: list[str], beta: float) -> None:
        self.blocks = blocks
        self.weights = weights  # (features, intents + tags), float64, row-major
        self.bias = bias
        self.intents = intents
        self.tag_names = tag_names
        self.beta = np.float64(beta)  # the inverse temperature of the calibration

    def scores(self, text: str) -> Scores:
        columns: list[int] = []
        parts: list[np.ndarray] = []
        for block in self.blocks:
            cols, vals = block.transform(text)
            columns += cols
            parts.append(vals)
        values = np.concatenate(parts).astype(np.float64)
        raw = values @ self.weights[columns] + self.bias
        k = len(self.intents)
        return Scores(_calibrated(raw[:k], self.beta), _expit(raw[k:]))


def _calibrated(decision: np.ndarray, beta: np.float64) -> np.ndarray:
    """CalibratedClassifierCV(method="temperature").predict_proba of one row."""
    logits = decision
    # _convert_to_logits: a row that looks like probabilities is taken for them.
    if bool(np.all((decision >= 0) & (decision <= 1))) and bool(
            np.isclose(decision.sum(), 1.0)):
        logits = np.log(decision + 1e-12)
    x = beta * logits
    x -= x.max()
    np.exp(x, out=x)
    x /= x.sum()
    x[(x > 1.0) & (x <= 1.0 + 1e-5)] = 1.0
    return x


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
