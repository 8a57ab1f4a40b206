"""`sales-agent sandbox KEY`: play the lead in the terminal; the agent answers in-process."""

from __future__ import annotations

import asyncio

import typer
from rich.markup import escape
from rich.panel import Panel

from ..domain.model import Message
from ..service.conversation import submit_sandbox_reply
from ..store import Store
from . import app
from ._common import configure_logging, console, open_store, run_async, settings

SANDBOX_ROLES = {"logic", "scheduler", "sandbox"}


@app.command("sandbox")
def sandbox(key: str = typer.Argument(..., help="id, email or @handle of the lead to play")
            ) -> None:
    """A chat in the terminal where you play the lead. Empty line or Ctrl-D to leave."""
    configure_logging()
    run_async(_chat, key)


async def _chat(key: str) -> None:
    async with open_store() as store:
        contact = await store.contacts.get(key)
        console.print(f"[bold]Sandbox[/bold]: you are [cyan]{escape(contact.name)}[/cyan] "
                      f"({escape(contact.company)}). Status: {contact.status}.")
        shown: set[str] = set()
        await _agent_turn(store, contact.id, shown)
        while True:
            text = await asyncio.to_thread(_ask)
            if not text:
                break
            await submit_sandbox_reply(store, contact.id, text)
            await _agent_turn(store, contact.id, shown)
        final = await store.contacts.get(contact.id)
        console.print(f"status: [bold]{final.status}[/bold]")


def _ask() -> str:
    try:
        return console.input("[green]вы › [/green]").strip()
    except EOFError:
        return ""


async def _agent_turn(store: Store, contact_id: str, shown: set[str]) -> None:
    from ..workers.clock import Clock  # the engine loads the brain: only when chatting
    from ..workers.runner import run_workers

    await run_workers(store, settings(), SANDBOX_ROLES, until_idle=True, clock=Clock())
    for m in await store.messages.for_contact(contact_id):
        if m.id not in shown:
            shown.add(m.id)
            _print(m)


def _print(m: Message) -> None:
    if m.direction == "in":
        note = f"intent: {m.intent}" if m.intent else ""
        console.print(f"[dim]  ({note})[/dim]" if note else "", end="" if not note else "\n")
        return
    files = f"\n📎 {', '.join(m.attachments)}" if m.attachments else ""
    title = f"{m.channel} · {m.at:%d.%m %H:%M}" + (f" · {m.subject}" if m.subject else "")
    console.print(Panel(escape(m.text) + files, title=escape(title), title_align="left",
                        border_style="blue"))
