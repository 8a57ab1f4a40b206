"""The classifier over several random draws of the training wrappers: is a change real or noise?

    .venv/bin/python bench/brain_draws.py [--seeds 1 2 3] [--draws 1]

train.jsonl dresses each hand-written core reply in random wrappers (data/brain/build_train.py);
another draw of the same cores moves the held-out intent score by several tenths of a point, so
one draw cannot tell a better model from a lucky one. For each seed this rebuilds the training
split with that seed, trains a model on it (with the other training files) in a temporary
directory, scores it on the held-out split, and prints each draw's figures, their mean and their
spread. A change is real when the mean moves beyond the spread. The committed model is untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

# bench/email.py would shadow the standard library's `email`: drop this folder from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

ROOT = Path(__file__).resolve().parents[1]
BRAIN = ROOT / "data" / "brain"
FIGURES = {"intent": "intent right", "full": "intent + contact + date", "review": "review",
           "acted_wrongly": "acted on wrongly", "bad_stops": "acted-on non-refusal stops",
           "unseen_cores": "CV accuracy on unseen cores"}


def one_draw(seed: int, draws: int, work: Path) -> dict:
    """Build, train and score one draw (in its own process: the model is loaded once)."""
    data = work / "train.jsonl"
    subprocess.run([sys.executable, str(BRAIN / "build_train.py"), "--seed", str(seed),
                    "--draws", str(draws), "--out", str(data)], check=True, capture_output=True)
    from sales_agent.brain.classifier.corpus import training_paths
    from sales_agent.brain.classifier.train import train

    paths = [data if p.name == "train.jsonl" else p for p in training_paths()]
    report = train(paths, out=work / "brain.npz", log=lambda _: None)
    os.environ["SALES_AGENT_BRAIN_MODEL"] = str(work / "brain.npz")
    from sales_agent.brain.classifier import classify

    rows = [json.loads(line) for line in (BRAIN / "holdout.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    right = full = review = wrong = bad_stops = 0
    bad_stop_of: list[str] = []  # the true intent and the confidence of each: counts, never texts
    for row in rows:
        c = classify(row["text"], date=datetime.fromisoformat(row["date"]),
                     channel=row.get("channel", "email"), subject=row.get("subject"),
                     headers=row.get("headers"), sender=row.get("from"))
        ok = c.intent.value in row["intents"]
        until, want = (c.until.isoformat() if c.until else None), row.get("until")
        dated = until is None if want is None else until is not None and want[0] <= until <= want[1]
        right += ok
        full += ok and c.contact == row.get("contact") and dated
        review += c.review
        wrong += not ok and not c.review
        if c.intent.value == "stop" and not c.review and "stop" not in row["intents"]:
            bad_stops += 1
            bad_stop_of.append(f"{row['intents'][0]}@{c.confidence:.3f}")
    n = len(rows)
    return {"seed": seed, "intent": right / n, "full": full / n, "review": review / n,
            "acted_wrongly": wrong / n, "bad_stops": bad_stops, "bad_stop_of": bad_stop_of,
            "unseen_cores": report.cv_accuracy,
            "stop_bar": json.loads((work / "brain.manifest.json").read_text())["thresholds"][
                "stop"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--draws", type=int, default=1, help="wrapped copies of each core")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        with tempfile.TemporaryDirectory() as work:
            print(json.dumps(one_draw(args.one, args.draws, Path(work))))
        return
    results = []
    for seed in args.seeds:
        done = subprocess.run([sys.executable, __file__, "--one", str(seed), "--draws",
                               str(args.draws)], check=True, capture_output=True, text=True)
        results.append(json.loads(done.stdout.splitlines()[-1]))
        print(" ".join(f"{k} {_show(k, v)}" for k, v in results[-1].items()), flush=True)
    for key, name in FIGURES.items():
        values = [r[key] for r in results]
        spread = (max(values) - min(values)) / 2
        print(f"{name:32} mean {_show(key, statistics.mean(values))} ± {_show(key, spread)}")


def _show(key: str, value: float) -> str:
    if key == "bad_stop_of":
        return ",".join(value) or "-"
    return str(value) if key in ("seed", "bad_stops", "stop_bar") else f"{100 * value:.2f}"


if __name__ == "__main__":
    main()
