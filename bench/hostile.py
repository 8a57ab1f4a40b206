"""How much later a lead's normal reply is read and answered when it lands in the mailbox together
with the hostile corpus (tests/data/hostile) than when it lands alone. Target: ≤ 2 s.

Real Dovecot + the SMTP front, the embedded store, the agent's workers in this process (logic,
scheduler, email). Two leads get a first letter; then, in a fresh agent mailbox each time:
  plain   — lead A's reply alone;
  hostile — the 13 hostile mails, then lead B's reply, all delivered before the agent looks.
For each: seconds from the agent's start to the reply in the inbox (read) and to our answer
accepted by SMTP (answered), and to the whole mailbox done.
    .venv/bin/python bench/hostile.py [--rounds 3]"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # bench/email.py
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests" / "data" / "hostile"))

import argparse
import asyncio
import os
import platform
import shutil
import smtplib
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

import tests.fixtures.mail as mailfix
from make_hostile import build
from rich.console import Console

from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers

REPLY = "Пришлите, пожалуйста, презентацию"


def business_morning() -> datetime:
    """Simulated "now": 10:00 Moscow on the next weekday not before the wall clock, so the
    answer may go out at once and the wall-clock-stamped reply is already due."""
    day = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0)
    while day < datetime.now(UTC) or day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def deliver(mail: mailfix.MailServer, sender: mailfix.MailUser, to: str,
            raws: list[bytes]) -> None:
    with smtplib.SMTP(mail.host, mail.ports["smtp"], timeout=120) as s:
        s.login(sender.address, sender.password)
        for raw in raws:
            s.sendmail(sender.address, [to], raw)


async def wait_delivered(mail: mailfix.MailServer, box: mailfix.MailUser, count: int) -> None:
    import imaplib

    def n() -> int:
        with imaplib.IMAP4(mail.host, mail.ports["imap"], timeout=30) as imap:
            imap.login(box.address, box.password)
            _, data = imap.select("INBOX", readonly=True)
            return int(data[0])
    while await asyncio.to_thread(n) < count:
        await asyncio.sleep(0.2)


async def one_round(mail: mailfix.MailServer, store: Store, lead: mailfix.MailUser,
                    hostile: list[bytes]) -> dict[str, float]:
    """A fresh agent mailbox holding `hostile` then the lead's reply; the agent reads it all."""
    box = mail.add_user()
    os.environ.update(mail.env(box))
    await asyncio.to_thread(deliver, mail, lead, box.address, hostile)
    mid = await asyncio.to_thread(mail.send, lead, box.address, "Re: Отзывы", REPLY)
    await wait_delivered(mail, box, len(hostile) + 1)
    seen: dict[str, float] = {}

    async def watch(t0: float) -> None:
        while "answered" not in seen:
            if "read" not in seen and await store.inbox.get(f"email:{mid}"):
                seen["read"] = time.perf_counter() - t0
            if await store.outbox.collection.find_one(
                    {"to": lead.address, "status": "done", "trigger": f"email:{mid}"}):
                seen["answered"] = time.perf_counter() - t0
            await asyncio.sleep(0.05)

    t0 = time.perf_counter()
    watcher = asyncio.create_task(watch(t0))
    await run_workers(store, load_settings(), {"logic", "scheduler", "email"}, until_idle=True,
                      clock=Clock(business_morning()))
    seen["all_done"] = time.perf_counter() - t0
    await asyncio.wait_for(watcher, 30)
    seen["quarantined"] = await store.quarantine.count()
    return seen


async def bench(rounds: int) -> list[tuple[dict[str, float], dict[str, float]]]:
    root = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    root.chmod(0o755)
    mail = mailfix.MailServer(root)
    mail.start()
    os.environ.update({"SALES_AGENT_DATA_DIR": str(root / "data"),
                       "SALES_AGENT_EMAIL_PER_MINUTE": "100000",
                       "SALES_AGENT_REPLY_DELAY_SECONDS": "0"})  # the machinery, not a human pace
    hostile = [c.raw for c in build().values()]
    try:
        first_box = mail.add_user()
        os.environ.update(mail.env(first_box))
        store = await Store.open(load_settings())
        results = []
        for r in range(rounds):
            plain_lead, hostile_lead = mail.add_user(), mail.add_user()
            for i, lead in enumerate((plain_lead, hostile_lead)):
                await add_contact(store, name=f"Лид {r}-{i}", company="ООО «Проверка»",
                                  email=lead.address, products=["Капсулы Лунго 10 шт"])
            await run_workers(store, load_settings(), {"logic", "scheduler", "email"},
                              until_idle=True, clock=Clock(business_morning()))
            plain = await one_round(mail, store, plain_lead, [])
            with_corpus = await one_round(mail, store, hostile_lead, hostile)
            results.append((plain, with_corpus))
        await store.close()
        return results
    finally:
        mail.stop()
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    console = Console()
    results = asyncio.run(bench(args.rounds))
    console.print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
                  f"load {os.getloadavg()[0]:.1f}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    console.print("round | alone: read / answered | with 13 hostile mails: read / answered / "
                  "mailbox done | later by (answered)")
    extra = []
    for i, (plain, hostile) in enumerate(results, 1):
        later = hostile.get("answered", float("nan")) - plain.get("answered", float("nan"))
        extra.append(later)
        console.print(f"{i} | {plain.get('read', float('nan')):.2f} / "
                      f"{plain.get('answered', float('nan')):.2f} s | "
                      f"{hostile.get('read', float('nan')):.2f} / "
                      f"{hostile.get('answered', float('nan')):.2f} / "
                      f"{hostile['all_done']:.2f} s | {later:+.2f} s")
    console.print(f"answered later with the hostile corpus: median {statistics.median(extra):+.2f}"
                  f" s, max {max(extra):+.2f} s (target ≤ 2 s); quarantined in total: "
                  f"{int(results[-1][1]['quarantined'])}")


if __name__ == "__main__":
    main()
