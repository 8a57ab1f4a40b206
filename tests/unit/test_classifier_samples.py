"""The shared samples at least 95 % right and the first-generation held-out replies (tests/data)
at least 88 %, slots included; neither is trained on. The latter were labelled under the first
guide, where an objection («дорого», "we already use X") was a stop; data/brain/LABELS.md now
makes it a question, so the bar is below the brain bench's (bench/brain.py on
data/brain/holdout.jsonl)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from sales_agent.brain.classifier import classify
from tests.conftest import SHARED

SAMPLES = SHARED / "samples" / "intents.jsonl"
HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "intents_holdout.jsonl"


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _problems(sample: dict) -> list[str]:
    """What is wrong with our answer to one labelled sample (empty when all is right)."""
    got = classify(sample["text"], date=datetime.fromisoformat(sample["date"]),
                   channel=sample.get("channel", "email"))
    problems = []
    if got.intent.value not in sample["intents"]:
        problems.append(f"intent {got.intent.value} not in {sample['intents']}")
    if got.contact != sample["contact"]:
        problems.append(f"contact {got.contact!r} != {sample['contact']!r}")
    until = sample["until"]
    day = got.until.isoformat() if got.until else None
    if (until is None and day is not None) or (
            until is not None and (day is None or not until[0] <= day <= until[1])):
        problems.append(f"until {day} not in {until}")
    return problems


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not present")
def test_shared_samples_are_at_least_95_percent_right_with_slots() -> None:
    """Never trained on: a check like the outside checks (97 of 98 when last measured)."""
    samples = _load(SAMPLES)
    wrong = {s["id"]: _problems(s) for s in samples}
    wrong = {k: v for k, v in wrong.items() if v}
    assert len(wrong) <= len(samples) * 0.05, wrong


def test_first_holdout_is_at_least_88_percent_right_with_slots() -> None:
    samples = _load(HOLDOUT)
    assert len(samples) >= 60
    wrong = {s["id"]: _problems(s) for s in samples}
    wrong = {k: v for k, v in wrong.items() if v}
    assert len(wrong) <= len(samples) * 0.12, wrong


def test_holdout_covers_every_intent() -> None:
    labels = {s["intents"][0] for s in _load(HOLDOUT)}
    assert labels == {"stop", "presentation", "demo", "redirect", "later", "question",
                      "interested", "auto_reply", "other"}
