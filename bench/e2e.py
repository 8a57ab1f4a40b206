"""The whole agent under load: N leads reply at once through the loopback mail servers.

Real Dovecot + the SMTP front, the embedded nx-27017 store, the engine in one process (or
`--processes K` worker processes). Prints: first mails sent/s, the time until every reply is
answered, the p50/p95 reply latency (lead's SMTP submit -> our answer accepted by SMTP), and
whether any lead got anything twice.
    .venv/bin/python bench/e2e.py [--leads 1000] [--processes 1]"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # bench/email.py
sys.path.insert(0, str(HERE.parent))

import argparse
import asyncio
import os
import platform
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import tests.fixtures.mail as mailfix
from rich.console import Console
from rich.progress import Progress

from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
REPLIES = ["Пришлите, пожалуйста, презентацию", "Сколько стоит?", "Давайте демо",
           "Напишите после 15 декабря", "Больше не пишите", "Интересно, расскажите подробнее"]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run_agent(store: Store, env: dict[str, str], processes: int, clock: Clock) -> None:
    at = clock.now()
    if processes <= 1:
        await run_workers(store, load_settings(), {"logic", "scheduler", "email"},
                          until_idle=True, clock=clock)
        return
    procs = [await asyncio.create_subprocess_exec(
        sys.executable, "-m", "sales_agent.cli", "run", "--role", "all", "--until-idle",
        "--now", at.isoformat(), env={**os.environ, **env}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL) for _ in range(processes)]
    for p in procs:
        await p.wait()


async def bench(leads: int, processes: int, progress: Progress) -> dict[str, float]:
    mailfix.POOL_SIZE = leads + 5
    root = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    root.chmod(0o755)
    mail = mailfix.MailServer(root)
    mail.start()
    # the machinery's speed, not the mailbox's politeness cap (120/min by default)
    env = {"SALES_AGENT_DATA_DIR": str(root / "data"), "SALES_AGENT_EMAIL_PER_MINUTE": "100000"}
    try:
        agent = mail.add_user()
        env.update(mail.env(agent))
        os.environ.update(env)
        settings = load_settings()
        store = await Store.open(settings)
        if store.embedded:
            env["SALES_AGENT_MONGODB_URI"] = store.embedded.uri
        boxes = [mail.add_user() for _ in range(leads)]
        task = progress.add_task(f"{leads} leads added", total=leads)
        for i, box in enumerate(boxes):
            await add_contact(store, name=f"Лид {i}", company="ООО «Нагрузка»",
                              email=box.address, products=["Капсулы Лунго 10 шт"])
            progress.advance(task)

        t0 = time.perf_counter()
        await run_agent(store, env, processes, Clock(WEDNESDAY))
        first_rate = leads / (time.perf_counter() - t0)

        task = progress.add_task("leads reply at once", total=leads)
        submitted: dict[str, float] = {}

        def reply(i: int) -> None:
            box = boxes[i]
            mail.send(box, agent.address, "Re: Отзывы", REPLIES[i % len(REPLIES)])
            submitted[box.address] = time.time()
            progress.advance(task)

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(reply, range(leads)))
        t0 = time.perf_counter()
        clock = Clock(datetime.fromtimestamp(WEDNESDAY.timestamp() + 3600, UTC))
        shift = clock.ts() - time.time()  # the engine's clock runs this far from the wall
        await run_agent(store, env, processes, clock)
        answered_in = time.perf_counter() - t0
        latencies, answered = [], set()
        async for item in store.outbox.collection.find({"status": "done", "internal": False,
                                                        "trigger": {"$regex": "^email:"}}):
            answered.add(item["to"])
            if processes <= 1 and item["to"] in submitted:
                latencies.append(item["finished_at"] - shift - submitted[item["to"]])
        counts = await _mailbox_counts(mail, boxes, progress)
        twice = sum(1 for c in counts if c > 2)
        await store.close()
        return {"leads": leads, "first_rate": first_rate, "answered": len(answered),
                "answered_in": answered_in, "p50": pct(latencies, 0.5) if latencies else 0,
                "p95": pct(latencies, 0.95) if latencies else 0, "twice": twice,
                "missing": sum(1 for c in counts if c < 2)}
    finally:
        mail.stop()
        shutil.rmtree(root, ignore_errors=True)


async def _mailbox_counts(mail: mailfix.MailServer, boxes: list, progress: Progress) -> list[int]:
    task = progress.add_task("reading every lead's inbox", total=len(boxes))

    def count(box) -> int:  # type: ignore[no-untyped-def]
        n = len(mail.read(box))
        progress.advance(task)
        return n

    with ThreadPoolExecutor(8) as pool:
        return await asyncio.to_thread(lambda: list(pool.map(count, boxes)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--leads", type=int, default=1000)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    console = Console()
    with Progress(console=console, transient=True) as progress:
        r = asyncio.run(bench(args.leads, args.processes, progress))
    console.print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
                  f"{datetime.now(UTC):%Y-%m-%d}, processes: {args.processes}")
    console.print(f"first mails: {r['first_rate']:.1f}/s for {r['leads']} leads")
    console.print(f"{r['leads']} replies at once: all answered in {r['answered_in']:.1f} s "
                  f"({r['answered']} answered)")
    if r["p95"]:
        console.print(f"reply latency: p50 {r['p50']:.1f} s, p95 {r['p95']:.1f} s")
    console.print(f"leads with more than two mails (first + answer): {r['twice']}, "
                  f"with fewer: {r['missing']}")


if __name__ == "__main__":
    main()
