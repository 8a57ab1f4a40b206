"""The reply classifier on the held-out split: quality, calibration, review, speed, memory.

    .venv/bin/python bench/brain.py [--holdout data/brain/holdout.jsonl] [--rounds 3]

Prints per-intent precision/recall/F1, the confusion matrix, calibration (expected calibration
error and a reliability table), the share marked for review, "acted on wrongly" (a wrong verdict
with review false), intent + contact + date accuracy (a date is right inside [min, max]) and its
slot errors by category, intent accuracy by language, channel and tag (counts only),
warm latency per reply, model load time and peak RSS.
This is the only code that reads the held-out split; training and threshold tuning never do.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

# bench/email.py would shadow the standard library's `email`: drop this folder from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "data" / "brain" / "holdout.jsonl"
INTENTS = ["stop", "presentation", "demo", "redirect", "later", "question", "interested",
           "auto_reply", "other"]
console = Console(width=130)


def pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def until_ok(got, want) -> bool:
    day = got.isoformat() if got else None
    if want is None:
        return day is None
    return day is not None and want[0] <= day <= want[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--holdout", type=Path, default=HOLDOUT)
    parser.add_argument("--rounds", type=int, default=3, help="warm passes timed")
    parser.add_argument("--show-wrong", type=int, default=0, help="print N wrong verdicts")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.holdout.read_text(encoding="utf-8").splitlines()
            if line.strip()]

    t0, c0 = time.perf_counter(), time.process_time()
    from sales_agent.brain.classifier import classify
    from sales_agent.brain.classifier.model import load_model
    from sales_agent.brain.classifier.text import lemma
    load_model()
    lemma("проверка")
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0

    results = []
    for row in rows:
        c = classify(row["text"], date=datetime.fromisoformat(row["date"]),
                     channel=row.get("channel", "email"), subject=row.get("subject"),
                     headers=row.get("headers"), sender=row.get("from"))
        results.append(c)
    times: list[float] = []
    cpu: list[float] = []  # CPU time: what the reply costs, whatever the neighbours' load
    for _ in range(args.rounds):
        for row in rows:
            t, c = time.perf_counter(), time.process_time()
            classify(row["text"], date=datetime.fromisoformat(row["date"]),
                     channel=row.get("channel", "email"), subject=row.get("subject"))
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(rows)
    right = [c.intent.value in r["intents"] for r, c in zip(rows, results, strict=True)]
    full = [ok and c.contact == r.get("contact") and until_ok(c.until, r.get("until"))
            for ok, r, c in zip(right, rows, results, strict=True)]
    review = [c.review for c in results]
    acted_wrong = [not ok and not rv for ok, rv in zip(right, review, strict=True)]
    bad_stops = [r for r, c in zip(rows, results, strict=True)
                 if c.intent.value == "stop" and not c.review and "stop" not in r["intents"]]
    truth = [c.intent.value if ok else r["intents"][0]
             for ok, r, c in zip(right, rows, results, strict=True)]
    pred = [c.intent.value for c in results]

    console.print(f"[bold]brain bench[/bold] {args.holdout.name}: {n} replies, "
                  f"{platform.node()} {platform.processor() or platform.machine()}, "
                  f"{datetime.now().isoformat(timespec='minutes')}")
    _per_intent(truth, pred)
    _confusion(truth, pred)
    _slot_errors(rows, results, right)
    _by_category(rows, results, right)
    ece = _reliability(results, right)
    figures = {
        "intent right": pct(sum(right) / n),
        "intent + contact + date right": pct(sum(full) / n),
        "marked for review": pct(sum(review) / n),
        "acted on wrongly (wrong, review false)": pct(sum(acted_wrong) / n),
        "right among acted on": pct(sum(ok and not rv for ok, rv in zip(right, review,
                                                                       strict=True))
                                    / max(1, n - sum(review))),
        "acted-on stop for a non-refusal": str(len(bad_stops)),
        "refusal risk flagged": pct(sum(c.refusal_risk for c in results) / n),
        "expected calibration error": f"{ece:.3f}",
        "model load incl. imports, wall / CPU": f"{load_s * 1000:.0f} / {load_cpu * 1000:.0f} ms",
        "per reply warm, wall p50 / p95": _p50_p95(times),
        "per reply warm, CPU p50 / p95": _p50_p95(cpu),
        "load average (1 min) at the end": f"{os.getloadavg()[0]:.1f}",
        "peak RSS": f"{rss_mb:.0f} MB",
    }
    table = Table("figure", "value", title="summary")
    for k, v in figures.items():
        table.add_row(k, v)
    console.print(table)
    if args.show_wrong:
        for r, c, ok in zip(rows, results, right, strict=True):
            if not ok and args.show_wrong > 0:
                args.show_wrong -= 1
                console.print(f"[{r['id']}] want {r['intents']} got {c.intent.value} "
                              f"{c.confidence:.2f} review={c.review}: {r['text'][:160]!r}",
                              highlight=False)


def _p50_p95(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"{statistics.median(xs) * 1000:.1f} / {xs[int(len(xs) * 0.95)] * 1000:.1f} ms"


def _per_intent(truth: list[str], pred: list[str]) -> None:
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(truth, pred, labels=INTENTS, zero_division=0)
    table = Table("intent", "precision", "recall", "F1", "support", title="per intent")
    for row in zip(INTENTS, p, r, f, s, strict=True):
        table.add_row(row[0], f"{row[1]:.3f}", f"{row[2]:.3f}", f"{row[3]:.3f}", str(row[4]))
    console.print(table)


def _confusion(truth: list[str], pred: list[str]) -> None:
    counts = Counter(zip(truth, pred, strict=True))
    short = [i[:6] for i in INTENTS]
    table = Table("true \\ predicted", *short, title="confusion matrix")
    for t in INTENTS:
        table.add_row(t, *(str(counts.get((t, p), "")) for p in INTENTS))
    console.print(table)


def _slot_errors(rows, results, right: list[bool]) -> None:
    """Where intent + contact + date fails with the intent right: counts by category only
    (which slot, missing / extra / another, how many days off), never the texts."""
    counts: Counter = Counter()
    for row, c, ok in zip(rows, results, right, strict=True):
        if not ok:
            continue
        where = f"{c.intent.value} {row.get('lang', '?')}"
        want_contact = row.get("contact")
        if c.contact != want_contact:
            kind = ("missing" if c.contact is None else "extra" if want_contact is None
                    else "another address")
            counts[(where, "contact", kind)] += 1
        want = row.get("until")
        if not until_ok(c.until, want):
            if c.until is None:
                kind = "missing"
            elif want is None:
                kind = "extra"
            else:
                day = c.until.isoformat()
                off = ((datetime.fromisoformat(want[0]).date() - c.until).days if day < want[0]
                       else (c.until - datetime.fromisoformat(want[1]).date()).days)
                kind = f"{'early' if day < want[0] else 'late'} by {_days_bucket(off)}"
            counts[(where, "until", kind)] += 1
    table = Table("intent lang", "slot", "error", "replies",
                  title="slot errors with the intent right")
    for (where, slot, kind), k in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        table.add_row(where, slot, kind, str(k))
    console.print(table)


def _by_category(rows, results, right: list[bool]) -> None:
    """Intent accuracy by language and channel, and by tag: where to write new training
    replies (counts only, never the texts). A reply with two tags counts under both."""
    seen: Counter = Counter()
    wrong: Counter = Counter()
    acted: Counter = Counter()
    for row, c, ok in zip(rows, results, right, strict=True):
        cats = [f"{row.get('lang', '?')} {row.get('channel', 'email')}",
                *(f"#{t}" for t in row.get("tags") or ())]
        for cat in cats:
            seen[cat] += 1
            wrong[cat] += not ok
            acted[cat] += not ok and not c.review
    table = Table("category", "replies", "intent right", "wrong", "of which acted on",
                  title="intent by category")
    for cat in sorted(seen, key=lambda k: (k.startswith("#"), k)):
        table.add_row(cat, str(seen[cat]), pct(1 - wrong[cat] / seen[cat]), str(wrong[cat]),
                      str(acted[cat]))
    console.print(table)


def _days_bucket(days: int) -> str:
    for top, name in ((1, "1 day"), (3, "2-3 days"), (7, "4-7 days"), (31, "8-31 days")):
        if days <= top:
            return name
    return "over a month"


def _reliability(results, right: list[bool], bins: int = 10) -> float:
    """Expected calibration error over equal-width confidence bins, and the table."""
    table = Table("confidence", "replies", "mean confidence", "right", title="reliability")
    ece, n = 0.0, len(results)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(results)
               if lo <= c.confidence < hi or (b == bins - 1 and c.confidence == 1.0)]
        if not idx:
            continue
        conf = sum(results[i].confidence for i in idx) / len(idx)
        acc = sum(right[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(conf - acc)
        table.add_row(f"{lo:.1f}–{hi:.1f}", str(len(idx)), f"{conf:.3f}", f"{acc:.3f}")
    console.print(table)
    return ece


if __name__ == "__main__":
    main()
