"""`sales-agent init` and `sales-agent status`."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from ..store import Store
from . import app
from ._common import configure_logging, console, open_store, run_async, settings


@app.command("init")
def init() -> None:
    """Prepare a deployment without wiping anything: folders, indexes, the presentation."""
    configure_logging()
    cfg = settings()

    async def _init() -> list[str]:
        done = []
        for folder in (cfg.data_dir, cfg.data_dir / "charts"):
            folder.mkdir(parents=True, exist_ok=True)
            done.append(f"folder {folder.resolve()}")
        async with open_store() as store:
            await store.ensure_indexes()
            done.append(f"indexes on {store.address}")
        from ..brain.knowledge import KnowledgeBase
        from ..brain.presentation import FILES, build

        for lang, name in FILES.items():  # the Russian and the English deck
            pdf = cfg.attachments_dir / name
            if not pdf.exists():
                build(KnowledgeBase.load(cfg.knowledge_dir), cfg, pdf, lang)
                done.append(f"presentation {pdf}")
        return done

    for line in run_async(_init):
        console.print(f"[green]✓[/green] {line}")


@app.command("status")
def status(as_json: bool = typer.Option(False, "--json")) -> None:
    """Queue depths, the funnel by status, open hand-offs."""
    configure_logging()

    async def _status() -> dict:
        async with open_store() as store:
            return await gather_status(store)

    data = run_async(_status)
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return
    table = Table(title="Queues")
    for col in ("queue", "pending", "done", "failed", "cancelled"):
        table.add_column(col, justify="right" if col != "queue" else "left")
    for name in ("inbox", "outbox"):
        d = data[name]
        table.add_row(name, *(str(d.get(k, 0)) for k in ("pending", "done", "failed", "cancelled")))
    console.print(table)
    funnel = Table(title="Contacts by status")
    funnel.add_column("status")
    funnel.add_column("count", justify="right")
    for k, v in data["contacts"].items():
        funnel.add_row(k, str(v))
    console.print(funnel)
    console.print(f"open notifications: {data['notifications']}")
    for part, h in data["health"].items():
        colour = {"ok": "green", "down": "yellow"}.get(h["state"], "red")
        why = f" — {h['error']}" if h.get("error") else ""
        console.print(f"[{colour}]{part}: {h['state']}[/{colour}]{why}")


async def gather_status(store: Store) -> dict:
    return {
        "inbox": await store.inbox.depth(),
        "outbox": await store.outbox.depth(),
        "contacts": await store.contacts.count_by_status(),
        "notifications": len(await store.notifications.open()),
        # part -> state (ok, down, stopped, gone = no worker reported lately), since, error
        "health": {part: {k: h.get(k) for k in ("state", "since", "error", "owner")}
                   for part, h in (await store.health.read()).items()},
    }
