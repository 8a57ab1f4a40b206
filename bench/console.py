"""Console page times over a filled store: the contacts list (all, filtered, searched), a long
conversation, the funnel, the status panel, the hand-off queue.

    .venv/bin/python -P bench/console.py [--contacts 2000] [--messages 40] [--rounds 20]

(`-P`: bench/email.py would otherwise shadow the standard library's `email` package.)

Runs on a fresh embedded store (nx-27017) in a temporary directory; pages are requested through
httpx's ASGI transport, so the figures are the app and the store, not the network.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

import httpx
from rich.console import Console
from rich.progress import Progress

from sales_agent.console import create_app
from sales_agent.domain.model import Message
from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store

console = Console()


async def fill(store: Store, contacts: int, messages: int) -> str:
    start = datetime(2026, 11, 2, 8, tzinfo=UTC)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("contacts", total=contacts)
        first = None
        for i in range(contacts):
            c = await add_contact(store, name=f"Лид {i}", company=f"Компания {i % 50}",
                                  email=f"lead{i}@bench.example")
            first = first or c.id
            if i % 7 == 0:
                await store.contacts.update(c.id, status="active")
            progress.advance(task)
        task = progress.add_task("messages", total=messages)
        for j in range(messages):
            await store.messages.record(Message(
                id=f"m{j}", contact_id=first, direction="out" if j % 2 == 0 else "in",
                channel="email", text="Текст письма " * 40, at=start + timedelta(hours=j),
                intent=None if j % 2 == 0 else "question", decision="answer"))
            progress.advance(task)
    assert first is not None
    return first


async def timed(client: httpx.AsyncClient, url: str, rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        answer = await client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        assert answer.status_code == 200, (url, answer.status_code)
    return statistics.median(times), max(times)


async def main(contacts: int, messages: int, rounds: int) -> None:
    data = tempfile.mkdtemp(prefix="sa-bench-console-")
    settings = load_settings(data_dir=data)
    store = await Store.open(settings)
    try:
        t = time.perf_counter()
        lead = await fill(store, contacts, messages)
        console.print(f"filled {contacts} contacts, {messages} messages in "
                      f"{time.perf_counter() - t:.1f} s")
        app = create_app(settings, store)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            console.print("| page | p50 ms | max ms |\n|---|---|---|")
            for url in ("/contacts", "/contacts?status=active", "/contacts?q=lead1999",
                        f"/contacts/{lead}", f"/contacts/{lead}/chat", "/funnel", "/status",
                        "/handoff"):
                p50, top = await timed(client, url, rounds)
                console.print(f"| `{url.replace(lead, 'ID')}` | {p50:.0f} | {top:.0f} |")
    finally:
        await store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=2000)
    parser.add_argument("--messages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(main(args.contacts, args.messages, args.rounds))
