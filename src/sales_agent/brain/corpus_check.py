"""Near-duplicate detection between two text corpora (the brain's training and held-out splits).

A held-out reply that is a near-copy of a training reply measures memory, not understanding, so
the held-out split must not contain any. Texts are compared as sets of character 5-grams of their
normalised form (case, «ё», punctuation and whitespace removed) by Jaccard similarity.

The search is exact but avoids comparing every pair: with shingles ordered rarest first, two sets
whose Jaccard similarity reaches t must share a shingle within the first |x| - ceil(t·|x|) + 1 of
each (the prefix-filtering principle), so only texts sharing such a rare shingle are compared.
Pure Python, no data files: 4,000 × 700 replies take well under a second or two.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE = 5
# Replies this short («нет», «стоп», "no thanks") exist in every corpus of replies: there are only
# so many ways to refuse, so their coincidence is the language, not a leak between splits.
MIN_CHARS = 24
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class NearDuplicate:
    holdout_index: int
    train_index: int
    similarity: float


def normalise(text: str) -> str:
    """Lower case, «ё» as «е», every run of punctuation/whitespace as one space."""
    return _NOT_WORD.sub(" ", text.lower().replace("ё", "е")).strip()


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Character n-grams of the normalised text (the whole text when shorter than n)."""
    norm = normalise(text)
    if len(norm) <= size:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i:i + size] for i in range(len(norm) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _prefix_length(size: int, threshold: float) -> int:
    # The tiny epsilon keeps 0.85 * 20 from becoming ceil(17.000000000000004) = 18.
    return size - math.ceil(threshold * size - 1e-9) + 1


def near_duplicates(
    train_texts: Sequence[str],
    holdout_texts: Sequence[str],
    threshold: float = 0.85,
    *,
    min_chars: int = MIN_CHARS,
) -> list[NearDuplicate]:
    """Every (held-out, training) pair whose shingle Jaccard similarity is ≥ threshold.

    Held-out texts shorter than `min_chars` normalised characters are not checked (see MIN_CHARS).
    Each held-out text is reported with its most similar training text only.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    train_sets = [shingles(t) for t in train_texts]
    frequency = Counter(s for shingle_set in train_sets for s in shingle_set)

    def ordered(shingle_set: frozenset[str]) -> list[str]:
        return sorted(shingle_set, key=lambda s: (frequency[s], s))

    index: dict[str, list[int]] = defaultdict(list)
    for train_index, shingle_set in enumerate(train_sets):
        tokens = ordered(shingle_set)
        for token in tokens[:_prefix_length(len(tokens), threshold)]:
            index[token].append(train_index)

    found: list[NearDuplicate] = []
    for holdout_index, text in enumerate(holdout_texts):
        if len(normalise(text)) < min_chars:
            continue
        tokens = ordered(shingles(text))
        if not tokens:
            continue
        low, high = threshold * len(tokens), len(tokens) / threshold
        candidates = {
            train_index
            for token in tokens[:_prefix_length(len(tokens), threshold)]
            for train_index in index.get(token, ())
            if low - 1e-9 <= len(train_sets[train_index]) <= high + 1e-9
        }
        holdout_set = frozenset(tokens)
        best: NearDuplicate | None = None
        for train_index in candidates:
            similarity = jaccard(holdout_set, train_sets[train_index])
            if similarity >= threshold and (best is None or similarity > best.similarity):
                best = NearDuplicate(holdout_index, train_index, similarity)
        if best is not None:
            found.append(best)
    return found
