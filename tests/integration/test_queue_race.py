"""Leased queue claims racing from several processes: every item is claimed exactly once."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
import time

from sales_agent.store import Store
from sales_agent.store.items import OutboxItem

CLAIMER = textwrap.dedent("""
    import asyncio, json, os, sys, time
    from sales_agent.settings import load_settings
    from sales_agent.store import Store

    async def main():
        store = await Store.open(load_settings())
        got = []
        while True:
            item = await store.outbox.claim_due(sys.argv[1], now=time.time(), lease=300)
            if item is None:
                break
            got.append(item.key)
            await store.outbox.complete(item.id, sys.argv[1], now=time.time())
        await store.close()
        print(json.dumps(got))

    asyncio.run(main())
""")


async def test_three_processes_claim_every_item_exactly_once(
        store: Store, settings_env: dict[str, str]) -> None:
    now = time.time()
    for i in range(150):
        await store.outbox.put(OutboxItem(key=f"item-{i}", route="email"), due=now - 1)
    procs = [await asyncio.create_subprocess_exec(
        sys.executable, "-c", CLAIMER, f"worker-{n}", env={**os.environ, **settings_env},
        stdout=subprocess.PIPE) for n in range(3)]
    outputs = [json.loads((await p.communicate())[0]) for p in procs]
    claimed = [key for out in outputs for key in out]
    assert sorted(claimed) == sorted(f"item-{i}" for i in range(150))
    assert await store.outbox.count({"status": "done"}) == 150


async def test_an_expired_lease_is_claimed_again_and_counted(store: Store) -> None:
    await store.outbox.put(OutboxItem(key="k", route="email"), due=0.0)
    first = await store.outbox.claim_due("a", now=10.0, lease=5.0, wall=10.0)
    assert await store.outbox.claim_due("b", now=12.0, lease=5.0, wall=12.0) is None
    again = await store.outbox.claim_due("b", now=16.0, lease=5.0, wall=16.0)
    assert first is not None and again is not None
    assert first.queue.attempts == 1 and again.queue.attempts == 2 and again.queue.owner == "b"
    assert not await store.outbox.complete(first.id, "a", now=17.0)
    assert await store.outbox.complete(again.id, "b", now=17.0)
