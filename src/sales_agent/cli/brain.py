"""`sales-agent brain train`: rebuild the reply classifier's model from data/brain/."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app
from ._common import configure_logging, fail

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
