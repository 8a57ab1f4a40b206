"""Labelled replies in the corpus format (data/brain/LABELS.md): reading, checking and
de-duplicating.

Training reads data/brain/train.jsonl, data/brain/seed.jsonl (the old example bank; the shared
samples are a check on the classifier and are never trained on) and, when present,
data/brain/corrections.jsonl (the operator's corrections, `sales-agent brain export`). The
held-out split (data/brain/holdout.jsonl) is read by bench/brain.py only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ...domain.intent import Intent

DATA_DIR = Path(__file__).resolve().parents[4] / "data" / "brain"
# corrections.jsonl (`sales-agent brain export`: the operator's corrections) comes first, so that
# where it repeats a text of the other files the operator's label is the one de-duplication keeps.
TRAINING_FILES = ("corrections.jsonl", "train.jsonl", "seed.jsonl")
HOLDOUT_FILE = "holdout.jsonl"
_INTENTS = {i.value for i in Intent}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    intents: tuple[str, ...]
    contact: str | None
    until: tuple[str, str] | None
    date: str | None
    channel: str
    subject: str | None
    tags: tuple[str, ...]
    lang: str | None
    core: str | None = None  # the hand-written reply this item wraps (build_train.py)

    @property
    def intent(self) -> str:
        return self.intents[0]

    @property
    def group(self) -> str:
        """Items that are one reply in different wrappers: cross-validation keeps them on one
        side of a fold. An item without a core is a group of its own."""
        return self.core or f"text:{key(self.text)}"


def parse_item(record: dict) -> Item:
    """One corpus line; ValueError names what is wrong."""
    intents = record.get("intents")
    if not isinstance(intents, list) or not intents or not set(intents) <= _INTENTS:
        raise ValueError(f"bad intents {intents!r}")
    if not isinstance(record.get("text"), str):
        raise ValueError("text must be a string")
    until = record.get("until")
    return Item(
        id=str(record.get("id")), text=record["text"], intents=tuple(intents),
        contact=record.get("contact"), until=tuple(until) if until else None,
        date=record.get("date"), channel=str(record.get("channel") or "email"),
        subject=record.get("subject"), tags=tuple(record.get("tags") or ()),
        lang=record.get("lang"), core=record.get("core"),
    )


def read_items(path: Path) -> Iterator[Item]:
    """Items of one JSONL file; a bad line is skipped with its line number on stderr."""
    import sys

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield parse_item(json.loads(line))
        except ValueError as e:
            print(f"{path.name}:{n}: skipped ({e})", file=sys.stderr)


def key(text: str) -> str:
    """Near-duplicate key: letters and digits only, lower-case."""
    return re.sub(r"[\W_]+", "", text.lower().replace("ё", "е"))


def deduplicated(items: Iterable[Item]) -> list[Item]:
    seen: set[str] = set()
    out = []
    for item in items:
        k = key(item.text)
        if k in seen:
            continue
        seen.add(k)
        out.append(item)
    return out


def training_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    return [data_dir / name for name in TRAINING_FILES if (data_dir / name).exists()]
