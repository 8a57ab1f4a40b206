"""`sales-agent brain train`: rebuild the reply classifier's model from data/brain/;
`sales-agent brain export`: the operator's corrections as training data for it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from . import app
from ._common import configure_logging, fail, open_store, run_async

brain_app = typer.Typer(help="The reply classifier's model.", no_args_is_help=True)
app.add_typer(brain_app, name="brain")


@brain_app.command("train")
def train_command(
    data: list[Path] = typer.Option(
        None, "--data", help="training JSONL files (default: data/brain/train.jsonl, "
        "seed.jsonl, corrections.jsonl); never the held-out split"),
    out: Path = typer.Option(None, "--out", help="artifact path (default: the packaged model)"),
) -> None:
    """Train, calibrate and write the model with its manifest (a minute or two on 2 cores)."""
    configure_logging()
    from ..brain.classifier.corpus import DATA_DIR, HOLDOUT_FILE
    from ..brain.classifier.model import ARTIFACT
    from ..brain.classifier.train import train

    paths = list(data) if data else None
    if paths is None and not (DATA_DIR / "train.jsonl").exists():
        typer.echo(f"warning: {DATA_DIR / 'train.jsonl'} is missing: training on the seed "
                   "examples only gives a weak model", err=True)
    for path in paths or []:
        if path.name == HOLDOUT_FILE:
            fail(f"{path} is the held-out split: training never reads it")
        if not path.exists():
            fail(f"cannot read {path}")
    try:
        train(paths, out=out or ARTIFACT, log=lambda msg: typer.echo(msg, err=True))
    except FileNotFoundError as e:
        fail(str(e))


@brain_app.command("export")
def export_command(
    out: Path = typer.Option(None, "--out", help="JSONL file to write (default: "
                             "data/brain/corrections.jsonl, which `brain train` reads; "
                             "'-' for stdout)"),
) -> None:
    """Write the operator's corrections as brain corpus lines (ids c-1, c-2, …)."""
    configure_logging()
    from ..brain.classifier.corpus import DATA_DIR, HOLDOUT_FILE, TRAINING_FILES

    target = out or DATA_DIR / "corrections.jsonl"
    if target.name == HOLDOUT_FILE or (target.name in TRAINING_FILES
                                       and target.name != "corrections.jsonl"):
        fail(f"{target} is another corpus file: corrections go to their own file")
    records, left_out = run_async(_export, DATA_DIR / HOLDOUT_FILE)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if str(target) == "-":
        sys.stdout.write(text)
    else:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as e:
            fail(f"cannot write {target}: {e.strerror or e}")
    if left_out:
        typer.echo(f"left out {len(left_out)} nearly copying the held-out split: "
                   f"{', '.join(left_out[:10])}", err=True)
    where = "stdout" if str(target) == "-" else str(target)
    typer.echo(f"exported {len(records)} corrections to {where}", err=True)


async def _export(holdout: Path) -> tuple[list[dict[str, Any]], list[str]]:
    from ..service.corrections import corpus_records

    async with open_store() as store:
        return await corpus_records(store, holdout)
