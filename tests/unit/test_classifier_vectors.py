"""The numpy inference path (vectors.py) gives scikit-learn's verdicts and probabilities, and
`classify` loads its model without importing scikit-learn or scipy."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from sales_agent.brain.classifier.corpus import Item, deduplicated, read_items, training_paths
from sales_agent.brain.classifier.export import to_vectors
from sales_agent.brain.classifier.features import make_features
from sales_agent.brain.classifier.model import FORMAT, read_artifact, write_artifact
from sales_agent.brain.classifier.text import own_text
from sales_agent.brain.classifier.train import _intent_model, _tag_head

PER_INTENT, PER_TAG = 35, 15
ODD_TEXTS = ["", "   ", "👍👍👍", "?!", "ок", "Не надо", "NO", "ni demo, ni prezentatsii ne nado",
             "Демо не нужно, давайте презентацию", "a" * 3000, "ывапролджэ qwertyuiop",
             "12:30 01.12.2026 boss@rival.example https://t.me/someone @handle_x 42",
             "Пришлите, пожалуйста, презентацию — хочу показать её партнёрам на встрече"]


def _sample() -> list[Item]:
    """A few hundred training replies: some of every intent and of every frequent tag."""
    items = sorted(deduplicated(i for p in training_paths() for i in read_items(p)),
                   key=lambda i: i.id)
    taken: dict[str, int] = defaultdict(int)
    chosen: list[Item] = []
    for item in items:
        wanted = taken[item.intent] < PER_INTENT or any(
            taken["tag:" + t] < PER_TAG for t in item.tags)
        if wanted:
            chosen.append(item)
            taken[item.intent] += 1
            for t in item.tags:
                taken["tag:" + t] += 1
    return chosen


@pytest.fixture(scope="module")
def fitted():
    items = _sample()
    if len({i.intent for i in items}) < 3:
        pytest.skip("no training corpus")
    texts = [own_text(i.text) for i in items]
    features = make_features()
    x = features.fit_transform(texts)
    intents = _intent_model(x, np.array([i.intent for i in items]),
                            np.array([i.group for i in items]), 3)
    tag_names, tags = _tag_head(items, x)
    return texts, features, intents, tags, tag_names


def _sklearn(features, intents, tags, text: str) -> tuple[np.ndarray, np.ndarray]:
    x = features.transform([text])
    tag_p = np.asarray(tags.predict_proba(x))[0] if tags is not None else np.zeros(0)
    return intents.predict_proba(x)[0], tag_p


def test_the_exported_model_equals_scikit_learn_on_training_texts(fitted) -> None:
    texts, features, intents, tags, tag_names = fitted
    vectors = to_vectors(features, intents, tags, tag_names)
    assert len(texts) >= 200 and tag_names, "the sample must exercise the tag head too"
    assert vectors.intents == list(intents.classes_) and vectors.tag_names == tag_names
    labels = set()
    for text in [*texts, *ODD_TEXTS]:
        want_intents, want_tags = _sklearn(features, intents, tags, text)
        got = vectors.scores(text)
        assert got.intents.argmax() == want_intents.argmax(), text
        assert np.abs(got.intents - want_intents).max() <= 1e-9, text
        assert np.abs(got.tags - want_tags).max() <= 1e-9, text
        assert (got.tags >= 0.5).tolist() == (want_tags >= 0.5).tolist(), text
        labels.add(int(got.intents.argmax()))
    assert len(labels) >= 3  # not one constant verdict: the comparison means something


def test_the_artifact_round_trip_keeps_every_number(fitted, tmp_path: Path) -> None:
    texts, features, intents, tags, tag_names = fitted
    vectors = to_vectors(features, intents, tags, tag_names)
    path = tmp_path / "brain.any-name"
    write_artifact(path, vectors, {"thresholds": {"stop": 0.9}, "refusal_threshold": 0.1})
    loaded, meta = read_artifact(path.read_bytes())
    assert meta["format"] == FORMAT and meta["thresholds"] == {"stop": 0.9}
    for text in texts[:50] + ODD_TEXTS:
        a, b = vectors.scores(text), loaded.scores(text)
        assert np.array_equal(a.intents, b.intents) and np.array_equal(a.tags, b.tags)


def test_classify_never_imports_scikit_learn_or_scipy() -> None:
    code = ("import sys\n"
            "from sales_agent.brain.classifier import classify\n"
            "classify('Вышлите, пожалуйста, презентацию')\n"
            "print(sorted(m for m in ('sklearn', 'scipy', 'joblib') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
