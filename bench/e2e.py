"""The whole agent under load, measured the way a user runs it.

Real Dovecot + the SMTP front, the embedded nx-27017 store. What is timed is what a user types:
`sales-agent contacts import leads.csv`, then `sales-agent run --role all --until-idle` (a fresh
process: start-up, the brain's loading, every role) until every lead has its first letter; then
every lead replies at once and `run --role all --until-idle` again until every reply is answered.
Wall-clock time of the commands, from start to exit. The send cap is lifted
(SALES_AGENT_EMAIL_PER_MINUTE) and the human pace is off (SALES_AGENT_REPLY_DELAY_SECONDS=0)
to measure the machinery, not the mailbox's politeness.

    .venv/bin/python bench/e2e.py [--leads 1000] [--in-process] [--recovery]

--in-process: the old way (the engine inside the bench process, `run_workers` on logic,
    scheduler and email; contacts added in-process, not timed) — kept to compare.
--recovery: `run --role all` is killed with SIGKILL while it sends the first letters, and
    started again at once: prints the seconds until every item the dead process held is served.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # bench/email.py
sys.path.insert(0, str(HERE.parent))

import argparse
import asyncio
import csv
import os
import platform
import shutil
import signal
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import tests.fixtures.mail as mailfix
from bench.spy import Spy
from rich.console import Console

from sales_agent.domain.calendar import is_working_day
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers

REPLIES = ["Пришлите, пожалуйста, презентацию", "Сколько стоит?", "Давайте демо",
           "Напишите после 15 декабря", "Больше не пишите", "Интересно, расскажите подробнее"]
CLI = [sys.executable, "-m", "sales_agent.cli"]
out = Console()


def working_hour() -> datetime:
    """The next working day, 11:00 Moscow: inside the send window, later than any mail's Date."""
    moscow = ZoneInfo("Europe/Moscow")
    day = datetime.now(moscow).date() + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, 11, tzinfo=moscow).astimezone(UTC)


class Rig:
    """Mail servers, mailboxes, one embedded store every agent process shares."""

    def __init__(self, leads: int, trace: Path | None = None, spy: bool = False) -> None:
        self.trace, self.spy = trace, spy
        self.cpu: dict[str, tuple[float, float]] = {}  # label -> (agent CPU s, store CPU s)
        if trace:
            trace.mkdir(parents=True, exist_ok=True)
        mailfix.POOL_SIZE = leads + 5
        self.root = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
        self.root.chmod(0o755)
        self.mail = mailfix.MailServer(self.root)
        self.mail.start()
        self.agent = self.mail.add_user()
        self.boxes = [self.mail.add_user() for _ in range(leads)]
        self.env = {"SALES_AGENT_DATA_DIR": str(self.root / "data"),
                    "SALES_AGENT_EMAIL_PER_MINUTE": "100000",
                    "SALES_AGENT_REPLY_DELAY_SECONDS": "0",  # no human pace: the machinery
                    "SALES_AGENT_CONSOLE_PORT": str(mailfix.free_port()),
                    **self.mail.env(self.agent)}
        os.environ.update(self.env)
        self.store: Store | None = None

    async def open(self) -> Store:
        self.store = await Store.open(load_settings())
        if self.store.embedded:
            self.env["SALES_AGENT_MONGODB_URI"] = self.store.embedded.uri
        return self.store

    def csv(self) -> Path:
        path = self.root / "leads.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["name", "company", "email", "products"])
            for i, box in enumerate(self.boxes):
                w.writerow([f"Лид {i}", "ООО «Нагрузка»", box.address, "Капсулы Лунго 10 шт"])
        return path

    def cli(self, *args: str, label: str | None = None) -> subprocess.Popen[bytes]:
        cmd = CLI
        if self.trace and label:  # count the store round trips of this command
            cmd = [sys.executable, str(HERE / "store_trace.py"), str(self.trace / f"{label}.txt")]
        log = (self.trace / f"{label}.log").open("wb") if self.trace and label \
            else subprocess.DEVNULL
        return subprocess.Popen([*cmd, *args], env={**os.environ, **self.env},
                                stdout=subprocess.DEVNULL, stderr=log)

    def timed(self, *args: str, label: str = "") -> float:
        """Wall seconds of one command; its CPU and the store server's go to `self.cpu`."""
        t0 = time.perf_counter()
        store0 = self.store_cpu()
        proc = self.cli(*args, label=label)
        spies = [Spy(proc.pid, self.trace / f"{label}-agent.spy")] if self.spy else []
        if self.spy and self.store and self.store.embedded and self.store.embedded.process:
            spies.append(Spy(self.store.embedded.process.pid, self.trace / f"{label}-store.spy"))
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        for spy in spies:
            spy.stop()
        assert proc.returncode == 0, f"{args} failed"
        if label:
            self.cpu[label] = (usage.ru_utime + usage.ru_stime, self.store_cpu() - store0)
        return wall

    def store_cpu(self) -> float:
        """CPU seconds the embedded store server has used (it is a Python process too)."""
        if not (self.store and self.store.embedded and self.store.embedded.process):
            return 0.0
        stat = Path(f"/proc/{self.store.embedded.process.pid}/stat").read_text()
        fields = stat.rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def replies_at_once(self) -> None:
        def reply(i: int) -> None:
            self.mail.send(self.boxes[i], self.agent.address, "Re: Отзывы",
                           REPLIES[i % len(REPLIES)])

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(reply, range(len(self.boxes))))

    def mailbox_counts(self) -> list[int]:
        with ThreadPoolExecutor(8) as pool:
            return list(pool.map(lambda b: len(self.mail.read(b)), self.boxes))

    async def close(self) -> None:
        if self.store:
            await self.store.close()
        self.mail.stop()
        shutil.rmtree(self.root, ignore_errors=True)


async def as_users_run(rig: Rig, at: datetime) -> dict[str, float]:
    n = len(rig.boxes)
    imported = rig.timed("contacts", "import", str(rig.csv()), label="import")
    first = rig.timed("run", "--role", "all", "--until-idle", "--now", at.isoformat(),
                      label="first")
    idle = rig.timed("run", "--role", "all", "--until-idle", "--now", at.isoformat(),
                     label="idle")
    t0 = time.perf_counter()
    rig.replies_at_once()
    submitted = time.perf_counter() - t0
    later = (at + timedelta(hours=1)).isoformat()
    answered = rig.timed("run", "--role", "all", "--until-idle", "--now", later,
                         label="answer")
    counts = rig.mailbox_counts()
    return {"import": imported, "first": first, "first_rate": n / first, "idle_run": idle,
            "submitted": submitted, "answered": answered, "reply_rate": n / answered,
            "twice": sum(c > 2 for c in counts), "missing": sum(c < 2 for c in counts),
            "cpu": rig.cpu}


async def in_process(rig: Rig, store: Store, at: datetime) -> dict[str, float]:
    """The old bench: contacts added in-process (not timed), the engine in this process."""
    from sales_agent.service.contacts import add_contact

    n = len(rig.boxes)
    for i, box in enumerate(rig.boxes):
        await add_contact(store, name=f"Лид {i}", company="ООО «Нагрузка»", email=box.address,
                          products=["Капсулы Лунго 10 шт"])
    roles = {"logic", "scheduler", "email"}
    t0 = time.perf_counter()
    await run_workers(store, load_settings(), roles, until_idle=True, clock=Clock(at))
    first = time.perf_counter() - t0
    rig.replies_at_once()
    t0 = time.perf_counter()
    await run_workers(store, load_settings(), roles, until_idle=True,
                      clock=Clock(at + timedelta(hours=1)))
    answered = time.perf_counter() - t0
    counts = rig.mailbox_counts()
    return {"first": first, "first_rate": n / first, "answered": answered,
            "reply_rate": n / answered, "twice": sum(c > 2 for c in counts),
            "missing": sum(c < 2 for c in counts)}


async def recovery(rig: Rig, store: Store, at: datetime) -> dict[str, float]:
    """kill -9 `run --role all` mid-batch, restart at once: seconds until the dead process's
    items are all served, and until every lead has its letter."""
    n = len(rig.boxes)
    rig.timed("contacts", "import", str(rig.csv()))
    started = time.perf_counter()
    first = rig.cli("run", "--role", "all", "--now", at.isoformat())
    while await store.outbox.count({"status": "done"}) < n // 3:
        await asyncio.sleep(0.05)
    # kill while it holds something: on an idle machine an item is held for a few ms only
    while not await store.outbox.collection.find_one(
            {"status": "pending", "lease_until": {"$gt": time.time()}}, {"_id": 1}):
        await asyncio.sleep(0.001)
    first.send_signal(signal.SIGKILL)
    first.wait()
    killed = time.perf_counter()
    held = [d["_id"] async for d in store.outbox.collection.find(
        {"status": "pending", "lease_until": {"$gt": time.time()}}, {"_id": 1})]
    held += [d["_id"] async for d in store.inbox.collection.find(
        {"status": "pending", "lease_until": {"$gt": time.time()}}, {"_id": 1})]
    # the restart's simulated clock goes on from where the first run's was, as a real one would
    resumed = at + timedelta(seconds=time.perf_counter() - started)
    again = rig.cli("run", "--role", "all", "--now", resumed.isoformat())
    served_at = None
    try:
        while True:
            pending = [d async for d in store.outbox.collection.find(
                {"_id": {"$in": held}, "status": "pending"}, {"_id": 1})]
            pending += [d async for d in store.inbox.collection.find(
                {"_id": {"$in": held}, "status": "pending"}, {"_id": 1})]
            if served_at is None and not pending:
                served_at = time.perf_counter()
            if served_at and await store.outbox.count({"status": "done"}) >= n:
                break
            await asyncio.sleep(0.1)
        drained = time.perf_counter()
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(30)
    counts = rig.mailbox_counts()
    return {"held": len(held), "served": served_at - killed, "drained": drained - killed,
            "twice": sum(c > 1 for c in counts), "missing": sum(c < 1 for c in counts)}


async def bench(args: argparse.Namespace) -> dict[str, float]:
    rig = Rig(args.leads, args.trace, args.spy)
    try:
        store = await rig.open()
        at = working_hour()
        if args.recovery:
            return await recovery(rig, store, at)
        if args.in_process:
            return await in_process(rig, store, at)
        return await as_users_run(rig, at)
    finally:
        await rig.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--leads", type=int, default=1000)
    ap.add_argument("--in-process", action="store_true")
    ap.add_argument("--recovery", action="store_true")
    ap.add_argument("--trace", type=Path, help="a folder: each command's store round trips "
                    "(bench/store_trace.py) and its log")
    ap.add_argument("--spy", action="store_true", help="with --trace: py-spy samples of the "
                    "agent and the store server per command (bench/spy.py summarises them)")
    args = ap.parse_args()
    r = asyncio.run(bench(args))
    out.print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    n = args.leads
    if args.recovery:
        out.print(f"kill -9 of `run --role all` with {r['held']:.0f} item(s) held: served again "
                  f"{r['served']:.1f} s after the kill; all {n} first letters out after "
                  f"{r['drained']:.1f} s")
        out.print(f"leads with two first letters: {r['twice']}, with none: {r['missing']}")
        return
    if "import" in r:
        out.print(f"contacts import of {n} leads: {r['import']:.1f} s")
        out.print(f"`run --role all --until-idle` with nothing to do: {r['idle_run']:.1f} s")
        out.print(f"the leads' {n} replies submitted over SMTP in {r['submitted']:.1f} s "
                  "(before the timed run)")
    out.print(f"first letters to {n} leads: {r['first']:.1f} s ({r['first_rate']:.1f}/s)")
    out.print(f"{n} replies at once, all answered: {r['answered']:.1f} s "
              f"({r['reply_rate']:.1f}/s)")
    out.print(f"leads with more than two mails: {r['twice']}, with fewer: {r['missing']}")
    for label, (agent, store) in (r.get("cpu") or {}).items():
        out.print(f"CPU of `{label}`: agent {agent:.1f} s, store server {store:.1f} s")


if __name__ == "__main__":
    main()
