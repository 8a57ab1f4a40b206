"""Where the model fails on core replies it never saw — measured on the training split alone.

    .venv/bin/python bench/brain_cv.py

The held-out split is a measurement, not a guide: looking at its misses to decide what to write
next would fit the corpus to it. This script answers "which kinds of reply are hard?" from the
training corpus instead: out-of-fold verdicts from folds grouped by `core` (no fold sees any copy
of a reply it is tested on), the same folds that set the review bars in train.py, and prints the
accuracy by intent, language × channel, tag and source file of the core, with the confusion
matrix. Write new cores where these are low; judge them with bench/brain_draws.py.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

# bench/email.py would shadow the standard library's `email`: drop this folder from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import numpy as np
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "data" / "brain"))

from build_train import core_id, cores_of

from sales_agent.brain.classifier.corpus import deduplicated, read_items, training_paths
from sales_agent.brain.classifier.features import make_features
from sales_agent.brain.classifier.text import own_text
from sales_agent.brain.classifier.train import out_of_fold


def source_files() -> dict[str, str]:
    """core id → the source file it was written in."""
    return {core_id(core): path.name
            for path in sorted((ROOT / "data" / "brain" / "src").glob("*.txt"))
            for core in cores_of(path)}


def main() -> None:
    items = deduplicated(i for p in training_paths() for i in read_items(p))
    items.sort(key=lambda i: (i.intent, i.text))
    x = make_features().fit_transform([own_text(i.text) for i in items])
    y = np.array([i.intent for i in items])
    oof = out_of_fold(x, y, np.array([i.group for i in items]))
    classes = sorted(set(y))
    best = np.array(classes)[oof.argmax(1)]
    right = [b in i.intents for b, i in zip(best, items, strict=True)]
    files = source_files()

    by: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for item, ok in zip(items, right, strict=True):
        by["intent"][f"{item.intent} {item.lang}"].append(ok)
        by["language × channel"][f"{item.lang} {item.channel}"].append(ok)
        for tag in item.tags:
            by["tag"][f"#{tag}"].append(ok)
        by["source"][files.get(item.core or "", "seed.jsonl / corrections")].append(ok)

    console = Console()
    console.print(f"out of fold, grouped by core: {len(items)} replies, "
                  f"intent right {100 * np.mean(right):.1f} %")
    for name, groups in by.items():
        table = Table(title=f"by {name}")
        for col in (name, "replies", "right", "wrong"):
            table.add_column(col, justify="left" if col == name else "right")
        for key, oks in sorted(groups.items(), key=lambda kv: np.mean(kv[1])):
            share = f"{100 * np.mean(oks):.1f} %"
            table.add_row(key, str(len(oks)), share, str(len(oks) - sum(oks)))
        console.print(table)
    confusion = Counter((i.intent, b) for i, b, ok in zip(items, best, right, strict=True)
                        if not ok)
    table = Table(title="largest confusions (true → predicted)")
    for col in ("true", "predicted", "replies"):
        table.add_column(col)
    for (true, pred), n in confusion.most_common(20):
        table.add_row(true, pred, str(n))
    console.print(table)


if __name__ == "__main__":
    main()
