"""`sales-agent run`: the workers, in one process or one role per process."""

from __future__ import annotations

from datetime import datetime

import typer

from . import app
from ._common import configure_logging, fail, run_async, settings

ROLES = ("all", "logic", "email", "telegram", "telegram-user", "scheduler", "console")


@app.command("run")
def run(
    role: str = typer.Option("all", "--role", help=f"One of: {', '.join(ROLES)}"),
    until_idle: bool = typer.Option(False, "--until-idle",
                                    help="Process everything that is ready, then exit"),
    now: datetime | None = typer.Option(None, "--now", help="Judge what is due as of this time"),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Run the agent's workers until Ctrl-C (or until idle)."""
    import logging

    if role not in ROLES:
        fail(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    configure_logging(logging.DEBUG if verbose else logging.INFO)
    from ..workers.runner import run_roles

    run_async(run_roles, settings(), role, until_idle, now)
