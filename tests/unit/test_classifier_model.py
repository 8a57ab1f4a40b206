"""The model file: `sales-agent brain train` builds it reproducibly from corpus files (never the
held-out split); a missing or corrupt file is one clear line naming the rebuild command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sales_agent.brain.classifier.corpus import DATA_DIR
from sales_agent.brain.classifier.model import ARTIFACT, ENV_PATH, MANIFEST, file_sha256

CLI = [sys.executable, "-c", "from sales_agent.cli import main; main()"]
SEED = DATA_DIR / "seed.jsonl"
LINE = json.dumps({"id": 1, "text": "Вышлите, пожалуйста, презентацию"}, ensure_ascii=False)


def run(args: list[str], stdin: str = "", model: Path | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({ENV_PATH: str(model)} if model else {})}
    return subprocess.run(CLI + args, input=stdin, capture_output=True, text=True, timeout=600,
                          env=env)


def test_the_committed_model_matches_its_manifest() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["artifact_sha256"] == file_sha256(ARTIFACT)
    assert set(manifest["thresholds"]) == set(manifest["per_intent"])
    assert all(0 < t <= 1.01 for t in manifest["thresholds"].values())
    assert manifest["thresholds"]["stop"] >= min(manifest["thresholds"].values())


def test_a_missing_model_is_one_line_naming_the_rebuild_command(tmp_path: Path) -> None:
    done = run(["classify"], LINE + "\n", model=tmp_path / "absent.npz")
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "sales-agent brain train" in lines[0]


def test_a_corrupt_model_is_one_line_naming_the_rebuild_command(tmp_path: Path) -> None:
    broken = tmp_path / "brain.npz"
    broken.write_bytes(ARTIFACT.read_bytes()[:5000])
    broken.with_suffix(".manifest.json").write_text(
        json.dumps({"artifact_sha256": file_sha256(broken)}), encoding="utf-8")
    done = run(["classify"], LINE + "\n", model=broken)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "unreadable" in lines[0] and "sales-agent brain train" in lines[0]


def test_training_never_reads_the_held_out_split(tmp_path: Path) -> None:
    holdout = tmp_path / "holdout.jsonl"
    holdout.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    done = run(["brain", "train", "--data", str(holdout), "--out", str(tmp_path / "m.npz")])
    assert done.returncode == 1 and "held-out" in done.stderr
    assert not (tmp_path / "m.npz").exists()


@pytest.mark.skipif(not SEED.exists(), reason="seed corpus not present")
def test_brain_train_builds_a_model_that_classify_loads(tmp_path: Path) -> None:
    out = tmp_path / "seed.npz"
    done = run(["brain", "train", "--data", str(SEED), "--out", str(out)])
    assert done.returncode == 0, done.stderr
    manifest = json.loads(out.with_suffix(".manifest.json").read_text(encoding="utf-8"))
    assert manifest["data"] == {"seed.jsonl": file_sha256(SEED)}
    assert manifest["artifact_sha256"] == file_sha256(out)
    assert manifest["items"] > 200
    done = run(["classify"], LINE + "\n", model=out)
    assert done.returncode == 0, done.stderr
    verdict = json.loads(done.stdout)
    assert verdict["intent"] == "presentation" and set(verdict) == {
        "id", "intent", "contact", "until", "confidence", "review"}
