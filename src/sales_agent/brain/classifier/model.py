"""The trained model on disk: load it once per process, answer calibrated probabilities.

The artifact (model/brain.npz: vocabularies, idf, weights, calibration, thresholds — plain numpy
arrays, no pickle) and its manifest (model/manifest.json: data hashes, sizes, thresholds,
cross-validated figures) are committed; `sales-agent brain train` (`make brain`) rebuilds both
from a scikit-learn pipeline and checks the arrays give its numbers (export.py). Loading needs
numpy only: no scikit-learn, no scipy. A missing or unreadable artifact is one clear error
naming the rebuild command.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ...domain.intent import Intent
from .vectors import TfidfBlock, Vectors

MODEL_DIR = Path(__file__).with_name("model")
ARTIFACT = MODEL_DIR / "brain.npz"
MANIFEST = MODEL_DIR / "manifest.json"
REBUILD = "sales-agent brain train (or: make brain)"
ENV_PATH = "SALES_AGENT_BRAIN_MODEL"  # another artifact (tests, an experiment); default ARTIFACT
FORMAT = 2  # bump when the artifact's layout changes; an old file is then "corrupt"
_SEPARATOR = "\x00"  # between the terms of a vocabulary; no term holds it (export checks)
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
    def __init__(self, vectors: Vectors, meta: dict[str, Any]) -> None:
        self.vectors = vectors
        self.intent_classes = [Intent(c) for c in vectors.intents]
        self.tag_names: list[str] = list(vectors.tag_names)
        self.thresholds: dict[Intent, float] = {
            Intent(k): float(v) for k, v in meta["thresholds"].items()}
        self.refusal_threshold = float(meta["refusal_threshold"])
        self.injection_threshold = float(meta.get("injection_threshold", 0.5))

    def read(self, text: str) -> Reading:
        scores = self.vectors.scores(text)
        probabilities = {c: float(v) for c, v in zip(self.intent_classes, scores.intents,
                                                     strict=True)}
        tag_p = {n: float(v) for n, v in zip(self.tag_names, scores.tags, strict=True)}
        chosen = tuple(n for n, v in tag_p.items() if v >= 0.5)
        return Reading(probabilities, chosen, tag_p)

    def threshold(self, intent: Intent) -> float:
        return self.thresholds.get(intent, 0.99)


def write_artifact(path: Path, vectors: Vectors, meta: dict[str, Any]) -> None:
    """The model as one compressed .npz of plain arrays (whatever the file's name)."""
    arrays: dict[str, np.ndarray] = {"weights": vectors.weights, "bias": vectors.bias}
    blocks = []
    for block in vectors.blocks:
        terms = sorted(block.index, key=block.index.__getitem__)
        if any(_SEPARATOR in t for t in terms):
            raise ValueError(f"a {block.name} term holds the separator")
        arrays[f"{block.name}_terms"] = np.frombuffer(
            _SEPARATOR.join(terms).encode("utf-8"), dtype=np.uint8)
        arrays[f"{block.name}_idf"] = block.idf
        blocks.append(block.name)
    header = {**meta, "format": FORMAT, "blocks": blocks, "intents": vectors.intents,
              "tag_names": vectors.tag_names, "beta": float(vectors.beta)}
    arrays["meta"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    path.write_bytes(buffer.getvalue())


def read_artifact(data: bytes) -> tuple[Vectors, dict[str, Any]]:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        meta = json.loads(npz["meta"].tobytes().decode("utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError("unknown artifact format")
        blocks: list[TfidfBlock] = []
        offset = 0
        for name in meta["blocks"]:
            text = npz[f"{name}_terms"].tobytes().decode("utf-8")
            terms = text.split(_SEPARATOR) if text else []
            blocks.append(TfidfBlock(name, terms, npz[f"{name}_idf"], offset))
            offset += len(terms)
        weights, bias = npz["weights"], npz["bias"]
    if weights.shape != (offset, len(meta["intents"]) + len(meta["tag_names"])):
        raise ValueError("the weights do not fit the vocabularies")
    return Vectors(blocks, weights, bias, meta["intents"], meta["tag_names"], meta["beta"]), meta


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def artifact_path() -> Path:
    return Path(os.environ.get(ENV_PATH) or ARTIFACT)


def manifest_for(artifact: Path) -> Path:
    return MANIFEST if artifact == ARTIFACT else artifact.with_suffix(".manifest.json")


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The model, loaded once (a tenth of a second); ModelUnavailable names the rebuild command."""
    path = artifact_path()
    with _lock:
        try:
            manifest = json.loads(manifest_for(path).read_text(encoding="utf-8"))
            data = path.read_bytes()
            if manifest.get("artifact_sha256") != hashlib.sha256(data).hexdigest():
                raise ValueError("the artifact does not match its manifest")
            return Model(*read_artifact(data))
        except FileNotFoundError as e:
            raise ModelUnavailable(
                f"classifier model {e.filename or path} is missing; "
                f"rebuild it with: {REBUILD}") from None
        except Exception as e:  # truncated, edited, from another version, not an .npz at all
            raise ModelUnavailable(
                f"classifier model {path} is unreadable ({str(e)[:80] or type(e).__name__}); "
                f"rebuild it with: {REBUILD}") from None
