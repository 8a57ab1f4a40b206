"""`sales-agent classify [FILE]`: JSON Lines in (file or stdin), one JSON line out per line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from . import app
from ._common import configure_logging, fail


def _lines(file: Path | None) -> Iterator[str]:
    if file is None:
        stream = sys.stdin.buffer
        for raw in stream:
            yield raw.decode("utf-8", "replace")
        return
    try:
        handle = file.open("rb")
    except OSError as e:
        fail(f"cannot read {file}: {e.strerror or e}")
        return
    with handle:
        try:
            for raw in handle:
                yield raw.decode("utf-8", "replace")
        except OSError as e:
            fail(f"cannot read {file}: {e.strerror or e}")


@app.command("classify")
def classify_command(
    file: Path | None = typer.Argument(None, help="JSON Lines file; stdin when omitted"),
) -> None:
    """Classify lead replies offline: {"id", "text", "date"?} per line → intent and slots."""
    configure_logging()
    from ..brain.classifier.jsonl import classify_line  # the brain loads only for this command
    from ..brain.classifier.model import ModelUnavailable, load_model

    try:
        load_model()
    except ModelUnavailable as e:
        fail(str(e))
    out = sys.stdout
    for line in _lines(file):
        line = line.rstrip("\r\n")
        out.write(json.dumps(classify_line(line), ensure_ascii=False) + "\n")
        out.flush()
