"""The trained model on disk: load it once per process, answer calibrated probabilities.

The artifact (model/brain.joblib) and its manifest (model/manifest.json: data hashes, sizes,
thresholds, cross-validated figures) are committed; `sales-agent brain train` (`make brain`)
rebuilds both. A missing or unreadable artifact is one clear error naming that command.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ...domain.model import Intent

MODEL_DIR = Path(__file__).with_name("model")
ARTIFACT = MODEL_DIR / "brain.joblib"
MANIFEST = MODEL_DIR / "manifest.json"
REBUILD = "sales-agent brain train (or: make brain)"
ENV_PATH = "SALES_AGENT_BRAIN_MODEL"  # another artifact (tests, an experiment); default ARTIFACT
FORMAT = 1  # bump when the artifact's layout changes; an old file is then "corrupt"
_lock = threading.Lock()


class ModelUnavailable(RuntimeError):
    """The classifier's model file is missing or unreadable."""


@dataclass(frozen=True)
class Reading:
    """What the model says about one reply."""

    probabilities: dict[Intent, float]  # calibrated, summing to 1
    tags: tuple[str, ...]  # tags whose probability passed 0.5
    tag_probabilities: dict[str, float]

    def ranked(self) -> list[tuple[Intent, float]]:
        return sorted(self.probabilities.items(), key=lambda kv: -kv[1])


class Model:
    def __init__(self, bundle: dict[str, Any]) -> None:
        self.features = bundle["features"]
        self.intents = bundle["intents"]
        self.tags = bundle["tags"]
        self.intent_classes = [Intent(c) for c in bundle["intents"].classes_]
        self.tag_names: list[str] = list(bundle["tag_names"])
        self.thresholds: dict[Intent, float] = {
            Intent(k): float(v) for k, v in bundle["thresholds"].items()}
        self.refusal_threshold = float(bundle["refusal_threshold"])
        self.injection_threshold = float(bundle.get("injection_threshold", 0.5))

    def read(self, text: str) -> Reading:
        x = self.features.transform([text])
        p = self.intents.predict_proba(x)[0]
        probabilities = {c: float(v) for c, v in zip(self.intent_classes, p, strict=True)}
        tag_p: dict[str, float] = {}
        if self.tags is not None and self.tag_names:
            raw = np.asarray(self.tags.predict_proba(x))[0]
            tag_p = {n: float(v) for n, v in zip(self.tag_names, raw, strict=True)}
        chosen = tuple(n for n, v in tag_p.items() if v >= 0.5)
        return Reading(probabilities, chosen, tag_p)

    def threshold(self, intent: Intent) -> float:
        return self.thresholds.get(intent, 0.99)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def artifact_path() -> Path:
    return Path(os.environ.get(ENV_PATH) or ARTIFACT)


def manifest_for(artifact: Path) -> Path:
    return MANIFEST if artifact == ARTIFACT else artifact.with_suffix(".manifest.json")


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The model, loaded once (about a second); ModelUnavailable names the rebuild command."""
    path = artifact_path()
    with _lock:
        try:
            import joblib
            import sklearn

            # Inputs are our own sparse matrices: skipping sklearn's per-call checks halves
            # the time per reply.
            sklearn.set_config(assume_finite=True, skip_parameter_validation=True)
            manifest = json.loads(manifest_for(path).read_text(encoding="utf-8"))
            if manifest.get("artifact_sha256") != file_sha256(path):
                raise ValueError("the artifact does not match its manifest")
            bundle = joblib.load(path)
            if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
                raise ValueError("unknown artifact format")
            return Model(bundle)
        except FileNotFoundError as e:
            raise ModelUnavailable(
                f"classifier model {e.filename or path} is missing; "
                f"rebuild it with: {REBUILD}") from None
        except Exception as e:  # truncated, edited, from another version, not joblib at all
            raise ModelUnavailable(
                f"classifier model {path} is unreadable ({str(e)[:80] or type(e).__name__}); "
                f"rebuild it with: {REBUILD}") from None
