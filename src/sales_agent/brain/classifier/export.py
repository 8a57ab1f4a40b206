"""From the fitted scikit-learn pipeline to the arrays `classify` reads (vectors.py), proven equal.

Only training imports this (and scikit-learn). `verify` runs both paths on training texts and
refuses to write an artifact whose probabilities differ from scikit-learn's by more than 1e-9
or whose verdicts differ at all: a version of scikit-learn that changes its arithmetic is
caught at `sales-agent brain train`, not in production.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .vectors import TfidfBlock, Vectors

TOLERANCE = 1e-9


class ExportError(RuntimeError):
    """The fitted pipeline has a shape vectors.py does not reproduce."""


def to_vectors(features: Any, intents: Any, tags: Any, tag_names: list[str]) -> Vectors:
    """The numpy model equal to features (FeatureUnion of TfidfVectorizers) → intents
    (CalibratedClassifierCV(LinearSVC, method="temperature", ensemble=False)) and tags
    (OneVsRestClassifier(LogisticRegression) or None)."""
    blocks: list[TfidfBlock] = []
    offset = 0
    for name, vectorizer in features.transformer_list:
        _expect(vectorizer.norm == "l2" and vectorizer.sublinear_tf and vectorizer.use_idf
                and vectorizer.dtype == np.float32, f"{name}: an unsupported tf-idf setting")
        vocabulary: dict[str, int] = vectorizer.vocabulary_
        terms = sorted(vocabulary, key=vocabulary.__getitem__)
        idf = np.asarray(vectorizer.idf_)
        _expect(idf.dtype == np.float32, f"{name}: idf is {idf.dtype}, not float32")
        blocks.append(TfidfBlock(name, terms, idf, offset))
        offset += len(terms)
    _expect(intents.method == "temperature" and len(intents.calibrated_classifiers_) == 1,
            "the intent model must be one temperature-calibrated classifier")
    calibrated = intents.calibrated_classifiers_[0]
    svm = calibrated.estimator
    _expect(svm.coef_.shape == (len(intents.classes_), offset), "unexpected SVM weights")
    weights = [np.asarray(svm.coef_, dtype=np.float64)]
    bias = [np.asarray(svm.intercept_, dtype=np.float64)]
    if tags is not None:
        for head in tags.estimators_:
            _expect(type(head).__name__ == "LogisticRegression" and head.coef_.shape[0] == 1,
                    "every tag must have a binary logistic regression")
            weights.append(np.asarray(head.coef_, dtype=np.float64))
            bias.append(np.asarray(head.intercept_, dtype=np.float64))
    return Vectors(blocks, np.ascontiguousarray(np.vstack(weights).T), np.concatenate(bias),
                   [str(c) for c in intents.classes_], list(tag_names) if tags else [],
                   float(calibrated.calibrators[0].beta_))


def verify(vectors: Vectors, features: Any, intents: Any, tags: Any, texts: list[str]) -> float:
    """The largest difference between the two paths' probabilities over `texts` (one text at a
    time, as `classify` reads); ExportError when over TOLERANCE or a verdict differs."""
    worst = 0.0
    for text in texts:
        x = features.transform([text])
        want = intents.predict_proba(x)[0]
        got = vectors.scores(text)
        if tags is not None:
            want = np.concatenate([want, np.asarray(tags.predict_proba(x))[0]])
        both = np.concatenate([got.intents, got.tags])
        worst = max(worst, float(np.max(np.abs(both - want))))
        k = len(vectors.intents)
        if worst > TOLERANCE or int(np.argmax(both[:k])) != int(np.argmax(want[:k])):
            raise ExportError(f"the exported model differs from scikit-learn by {worst:.2e} "
                              f"on {text[:60]!r}")
    return worst


def _expect(condition: bool, why: str) -> None:
    if not condition:
        raise ExportError(why)
