"""kill -9 the email worker mid-batch, restart it: every lead gets exactly one mail.

The SMTP front answers a `slow…` recipient late, so the worker can be killed at a known point:
after it claimed that item, before the mail went out. A second case replays the worker dying after
the send and its first note of it: the history record (the first write after a send), or the Sent
folder's copy found by the Message-ID fixed before the send, stops a second delivery. (A kill
between the server's "250 OK" and that first write is the one moment SMTP cannot close.)
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures._dovecot import MailUser
from tests.fixtures.mail import MailServer

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


@pytest.fixture
def agent_env(settings_env: dict[str, str], mail_server: MailServer, agent_mailbox: MailUser,
              monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {**settings_env, **mail_server.env(agent_mailbox), "SALES_AGENT_WORKER_LEASE": "3"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def email_worker(env: dict[str, str], at: datetime, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sales_agent.cli", "run", "--role", "email", "--now",
         at.isoformat(), *extra], env={**os.environ, **env}, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def queue_first_mails(store: Store) -> None:
    await run_workers(store, load_settings(), {"logic", "scheduler"}, until_idle=True,
                      clock=Clock(WEDNESDAY))


async def wait_until(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_killed_mid_batch_then_restarted_delivers_each_mail_once(
        store: Store, mail_server: MailServer, agent_env: dict[str, str]) -> None:
    leads = [mail_server.add_user() for _ in range(5)]
    leads.append(mail_server.add_user(local="slow-lead"))
    leads += [mail_server.add_user() for _ in range(4)]
    for i, box in enumerate(leads):
        await add_contact(store, name=f"Лид {i}", company="ООО «Тест»", email=box.address)
    await queue_first_mails(store)
    assert await store.outbox.count({"status": "pending"}) == 10

    mail_server.slow_rcpt_delay = 30.0  # type: ignore[attr-defined]
    worker = email_worker(agent_env, WEDNESDAY + timedelta(minutes=1))

    async def stuck_on_the_slow_lead() -> bool:
        item = await store.outbox.collection.find_one({"to": leads[5].address})
        return item is not None and item["attempts"] == 1 and item["status"] == "pending" \
            and await store.outbox.count({"status": "done"}) == 5

    await wait_until(stuck_on_the_slow_lead)
    await asyncio.sleep(0.5)
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    mail_server.slow_rcpt_delay = 0.0  # type: ignore[attr-defined]
    assert [len(await mail_server.aread(b)) for b in leads] == [1] * 5 + [0] * 5

    restarted = email_worker(agent_env, WEDNESDAY + timedelta(minutes=10), "--until-idle")
    _, err = await asyncio.to_thread(restarted.communicate, timeout=120)
    assert restarted.returncode == 0, err[-2000:]
    counts = [len(await mail_server.wait_for(b, 1)) for b in leads]
    assert counts == [1] * 10
    assert await store.outbox.count({"status": "done"}) == 10


@pytest.mark.parametrize("noted_by", ["history", "sent folder"])
async def test_a_mail_sent_then_the_worker_died_is_not_sent_again(
        noted_by: str, store: Store, mail_server: MailServer, agent_env: dict[str, str]) -> None:
    from sales_agent.channels.email import EmailChannel
    from sales_agent.workers.outbox_sender import OutboxSender

    box = mail_server.add_user()
    await add_contact(store, name="Ольга", company="ООО «Тест»", email=box.address)
    await queue_first_mails(store)
    item = await store.outbox.claim_due("dead-worker", now=WEDNESDAY.timestamp() + 60, lease=1)
    assert item is not None
    settings = load_settings()
    channel = EmailChannel.from_settings(settings)
    sender = OutboxSender(store, channel, "email", clock=Clock(WEDNESDAY), owner="x",
                          attachments_dir=settings.attachments_dir,
                          charts_dir=settings.data_dir / "charts")
    receipt = await channel.send(sender._message(item))  # the send happened, then one note
    if noted_by == "history":
        await sender._record(item, False, receipt.message_id)  # the first write after a send
    else:
        await channel.keep_copy(receipt)
    await channel.close()  # and the worker died before closing the item
    await asyncio.sleep(1.2)  # its lease runs out ("dead-worker" names no process to look up)

    restarted = email_worker(agent_env, WEDNESDAY + timedelta(minutes=10), "--until-idle")
    _, err = await asyncio.to_thread(restarted.communicate, timeout=120)
    assert restarted.returncode == 0, err[-2000:]
    assert len(await mail_server.aread(box)) == 1
    done = await store.outbox.collection.find_one({"_id": item.id})
    assert done["status"] == "done" and done["attempts"] == 2


async def test_run_all_killed_mid_batch_is_taken_over_at_once(
        store: Store, mail_server: MailServer, agent_env: dict[str, str]) -> None:
    """`run --role all --now T0` killed mid-send, restarted at T0 + 10 min. The lease is an hour
    long — on the wall clock, and it would not have run out on the simulated one either — so the
    restart can serve the dead worker's item only by seeing that its owner is dead."""
    from tests.fixtures.mail import free_port

    env = {**agent_env, "SALES_AGENT_WORKER_LEASE": "3600",
           "SALES_AGENT_CONSOLE_PORT": str(free_port())}
    leads = [mail_server.add_user() for _ in range(2)]
    leads.append(mail_server.add_user(local="slow-all"))
    leads += [mail_server.add_user() for _ in range(2)]
    for i, box in enumerate(leads):
        await add_contact(store, name=f"Лид {i}", company="ООО «Тест»", email=box.address)
    mail_server.slow_rcpt_delay = 30.0  # type: ignore[attr-defined]
    at = WEDNESDAY.isoformat()
    worker = subprocess.Popen(
        [sys.executable, "-m", "sales_agent.cli", "run", "--role", "all", "--now", at],
        env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    async def stuck_on_the_slow_lead() -> bool:
        item = await store.outbox.collection.find_one({"to": leads[2].address})
        return item is not None and item["attempts"] == 1 and item["status"] == "pending"

    try:
        await wait_until(stuck_on_the_slow_lead, timeout=120)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
        mail_server.slow_rcpt_delay = 0.0  # type: ignore[attr-defined]
    restarted = subprocess.Popen(
        [sys.executable, "-m", "sales_agent.cli", "run", "--role", "all", "--until-idle",
         "--now", (WEDNESDAY + timedelta(minutes=10)).isoformat()], env={**os.environ, **env},
        text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = await asyncio.to_thread(restarted.communicate, timeout=180)
    assert restarted.returncode == 0, err[-2000:]
    assert [len(await mail_server.wait_for(b, 1)) for b in leads] == [1] * 5
    assert await store.outbox.count({"status": "done"}) == 5
