"""Store throughput on the embedded nx-27017 server: inserts/s, lease claims/s, lookups/s at 1k
and 10k documents.   .venv/bin/python bench/store.py [--sizes 1000 10000]"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/email.py would shadow the standard `email` package for a script run from this folder.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import asyncio
import platform
import tempfile
import time
from datetime import UTC, datetime

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from sales_agent.service.contacts import build_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.store.items import OutboxItem


async def bench(size: int, progress: Progress) -> dict[str, float]:
    settings = load_settings(data_dir=Path(tempfile.mkdtemp(prefix="bench-store-")),
                             mongodb_uri=None)
    async with await Store.open(settings) as store:
        task = progress.add_task(f"{size:,} documents", total=size * 3)
        now = time.time()
        t0 = time.perf_counter()
        emails = []
        for i in range(size):
            c = build_contact(f"Lead {i}", "Co", email=f"lead{i}@example.com")
            await store.contacts.add(c)
            await store.outbox.put(OutboxItem(key=f"k{i}", contact_id=c.id, route="email"),
                                   due=now)
            emails.append(c.email)
            progress.advance(task)
        inserts = 2 * size / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        claimed = 0
        # as a worker does: claim with a lease, then complete (the item leaves "pending")
        while item := await store.outbox.claim_due("bench", now=now + 1, lease=60,
                                                   where={"route": "email"}):
            await store.outbox.complete(item.id, "bench", now=now + 1)
            claimed += 1
            progress.advance(task)
        claims = claimed / (time.perf_counter() - t0)
        # the steady state: a short backlog over a long history of finished items
        for i in range(200):
            await store.outbox.put(OutboxItem(key=f"late{i}", route="email"), due=now)
        t0 = time.perf_counter()
        while item := await store.outbox.claim_due("bench", now=now + 1, lease=60,
                                                   where={"route": "email"}):
            await store.outbox.complete(item.id, "bench", now=now + 1)
        steady = 200 / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for email in emails:
            await store.contacts.get(email)
            progress.advance(task)
        lookups = size / (time.perf_counter() - t0)
        assert claimed == size
        return {"inserts/s": inserts, "claims/s": claims, "steady/s": steady,
                "lookups/s": lookups}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    sizes = parser.parse_args().sizes
    results = {}
    with Progress() as progress:
        for size in sizes:
            results[size] = await bench(size, progress)
    table = Table(title=f"store on nx-27017 — {platform.machine()}, {datetime.now(UTC):%Y-%m-%d}")
    table.add_column("documents", justify="right")
    for col in ("inserts/s", "claim+complete/s (all pending)",
                "claim+complete/s (200 pending, rest done)", "lookups/s"):
        table.add_column(col, justify="right")
    for size, r in results.items():
        table.add_row(f"{size:,}", *(f"{r[c]:,.0f}" for c in ("inserts/s", "claims/s",
                                                                "steady/s", "lookups/s")))
    Console().print(table)


if __name__ == "__main__":
    asyncio.run(main())
