"""`sales-agent contacts add|import|list|show|reset`."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import Progress
from rich.table import Table

from ..domain.model import Status
from ..service.contacts import add_contact, contact_history, import_contacts, reset_contact
from . import app
from ._common import configure_logging, console, err_console, open_store, run_async

contacts_app = typer.Typer(help="Leads: add, import, list, show, reset.", no_args_is_help=True)
app.add_typer(contacts_app, name="contacts")

STATUS_STYLE = {"new": "cyan", "active": "blue", "later": "yellow", "stopped": "red",
                "redirected": "magenta", "demo": "green", "ignored": "dim", "handoff": "bold red"}
WAIT_WHY = {"window": "outside the send window", "pace": "a human pause before answering",
            "retry": "the channel refused for now, tried again", "cap": "held by the send cap",
            "queued": "due, next to send"}


@contacts_app.command("add")
def add(
    name: str = typer.Option(..., "--name", help="Full name"),
    company: str = typer.Option("", "--company"),
    email: str | None = typer.Option(None, "--email"),
    telegram: str | None = typer.Option(None, "--telegram", help="@handle"),
    product: list[str] = typer.Option([], "--product", help="Product of interest; repeat"),
    source: str | None = typer.Option(None, "--source",
                                      help="Where the contact came from (told to a lead who asks)"),
) -> None:
    """Add a lead; prints the new contact's id."""
    configure_logging()

    async def _add() -> str:
        async with open_store() as store:
            contact = await add_contact(store, name=name, company=company, email=email,
                                        telegram=telegram, products=product, source=source)
            return contact.id

    print(run_async(_add))


@contacts_app.command("import")
def import_(file: Path = typer.Argument(
        ..., help="CSV: name, company, email, telegram, products, optional source")) -> None:
    """Add every row of a CSV; bad rows are reported with their line numbers."""
    configure_logging()

    async def _import():
        async with open_store() as store:
            with Progress(console=err_console, transient=True) as bar:
                task = bar.add_task("importing", total=None)
                report = await import_contacts(
                    store, str(file), progress=lambda done, total: bar.update(
                        task, completed=done, total=total))
            return report

    report = run_async(_import)
    for line, reason in report.errors:
        err_console.print(f"[yellow]line {line}:[/yellow] {reason}", highlight=False)
    console.print(f"added {len(report.added)}, rejected {len(report.errors)}")


@contacts_app.command("list")
def list_(status: Status | None = typer.Option(None, "--status"),
          as_json: bool = typer.Option(False, "--json")) -> None:
    """All leads, or those with one status."""
    configure_logging()

    async def _list():
        async with open_store() as store:
            return await store.contacts.list(status)

    contacts = run_async(_list)
    if as_json:
        print(json.dumps([c.model_dump(mode="json", exclude={"bot_token"}) for c in contacts],
                         ensure_ascii=False))
        return
    table = Table(title=f"Contacts ({len(contacts)})")
    for col in ("id", "name", "company", "email", "telegram", "status", "until"):
        table.add_column(col)
    for c in contacts:
        style = STATUS_STYLE.get(str(c.status), "")
        table.add_row(c.id, c.name, c.company, c.email or "", c.telegram or "",
                      f"[{style}]{c.status}[/{style}]" if style else str(c.status),
                      c.local(c.until).date().isoformat() if c.until else "")
    console.print(table)


@contacts_app.command("show")
def show(key: str = typer.Argument(..., help="id, email or @handle"),
         as_json: bool = typer.Option(False, "--json")) -> None:
    """Status and the whole conversation."""
    configure_logging()

    async def _show():
        async with open_store() as store:
            return await contact_history(store, key)

    doc = run_async(_show)
    if as_json:
        print(json.dumps(doc, ensure_ascii=False))
        return
    name = "(erased on request)" if doc["erased"] else doc["name"]
    console.print(f"[bold]{name}[/bold] — {doc['company']}  "
                  f"{doc['email'] or ''} {doc['telegram'] or ''}", highlight=False, markup=False)
    console.print(f"status: [{STATUS_STYLE.get(doc['status'], '')}]{doc['status']}[/]"
                  + (f" until {doc['until']}" if doc["until"] else ""))
    if doc["source"]:
        console.print(f"source: {doc['source']}", highlight=False, markup=False)
    if doc["colleagues"]:
        names = ", ".join(f"{o['name'] or o['id']} ({o['status']})" for o in doc["colleagues"])
        console.print(f"company: cold outreach {doc['cold_outreach']}; colleagues: {names}",
                      highlight=False, markup=False)
    for m in doc["messages"]:
        arrow = "[green]←[/green]" if m["direction"] == "in" else "[blue]→[/blue]"
        extra = f" [dim]({m['intent']})[/dim]" if m["intent"] else ""
        files = f" [dim]📎 {', '.join(m['attachments'])}[/dim]" if m["attachments"] else ""
        console.print(f"{arrow} [dim]{m['at'][:16]} {m['channel']}[/dim]{extra}{files}")
        if m["text"]:
            console.print("   " + m["text"].replace("\n", "\n   "), highlight=False,
                          markup=False)
    for w in doc["waiting"]:
        detail = f" ({w['detail']})" if w["detail"] else ""
        console.print(f"[yellow]… waiting[/yellow] {w['kind']} by {w['channel']} until "
                      f"{w['due'][:16]}: {WAIT_WHY.get(w['why'], w['why'])}{detail}",
                      highlight=False)


@contacts_app.command("reset")
def reset(key: str = typer.Argument(..., help="id, email or @handle"),
          force: bool = typer.Option(False, "--force",
                                     help="also lift a stop the lead asked for")) -> None:
    """Restart the conversation from the first message."""
    configure_logging()

    async def _reset():
        async with open_store() as store:
            return await reset_contact(store, key, force=force)

    contact = run_async(_reset)
    console.print(f"{contact.id} reset: the first message goes out on the next run")
