"""Start the workers of one role (or all of them) over one store, until Ctrl-C or idle."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from rich.console import Console

from ..settings import Settings
from ..store import Store

log = logging.getLogger(__name__)


async def run_roles(settings: Settings, role: str, until_idle: bool,
                    now: datetime | None) -> None:
    store = await Store.open(settings)
    try:
        _announce(settings, store, role)
        if until_idle:
            return
        await asyncio.Event().wait()
    finally:
        await store.close()


def _announce(settings: Settings, store: Store, role: str) -> None:
    out = Console(stderr=True)
    out.print(f"[bold]Napoleon Sales Agent[/bold] — role [cyan]{role}[/cyan]")
    out.print(f"  data dir  {settings.data_dir.resolve()}")
    out.print(f"  store     {store.address}")
    out.print(f"  email     {'on' if settings.email_enabled else 'off'}")
    out.print(f"  telegram  {'on' if settings.telegram_bot_enabled else 'off'}")
    out.print(f"  llm       {'on' if settings.llm_enabled else 'off (offline brain)'}")
