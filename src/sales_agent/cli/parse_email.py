"""`sales-agent parse-email FILE.eml`: one JSON object, the format in CONTRACT.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..channels.email.limits import ParseLimits
from ..channels.email.pool import parse_isolated
from . import app
from ._common import configure_logging, fail, settings


@app.command("parse-email")
def parse_email_command(
    file: Path = typer.Argument(..., help="A raw message (.eml); '-' reads stdin"),
) -> None:
    """Print the message's headers, the lead's new text (quoted history cut) and attachments.

    Parsed in a worker process under the same caps and time limit as the agent: a hostile file
    answers within seconds, quarantined (empty text, the reason on stderr), instead of hanging."""
    configure_logging()
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as e:
        fail(f"cannot read {file}: {e.strerror or e}")
    parsed = parse_isolated(raw, ParseLimits.from_settings(settings()))
    if parsed.quarantine:
        sys.stderr.write(f"quarantined: {parsed.quarantine}\n")
    sys.stdout.write(json.dumps(parsed.to_contract_json(), ensure_ascii=False) + "\n")
