"""Outages against real servers: the SMTP listener gone, the IMAP connection cut mid-IDLE, the
store frozen (SIGSTOP), a refused login. Each time: nothing lost, nothing twice, one log line
when the outage starts and one when it ends.

The agent runs in this process (`run_workers`, every role its own task) so the proxies that play
the outages live in the same event loop.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.store.embedded import ensure_embedded
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures._dovecot import MailUser
from tests.fixtures._outage import OutageProxy
from tests.fixtures.mail import MailServer

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 10:00 in Moscow: the send window is open
STORE_PAUSE = 20.0  # long enough for the client's heartbeat and timeouts to fail


async def wait_until(predicate: Callable[[], Awaitable[bool]], timeout: float = 90.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.1)


def events(caplog: pytest.LogCaptureFixture, event: str, part: str) -> int:
    return sum(1 for r in caplog.records
               if r.getMessage().startswith(f"event={event} part={part} ")
               or r.getMessage() == f"event={event} part={part}")


@pytest.fixture
def agent(mail_server: MailServer, agent_mailbox: MailUser, settings_env: dict[str, str],
          monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> MailUser:
    for key, value in mail_server.env(agent_mailbox).items():
        monkeypatch.setenv(key, value)
    caplog.set_level(logging.INFO, logger="sales_agent")
    return agent_mailbox


@pytest.fixture
async def proxies() -> AsyncIterator[list[OutageProxy]]:
    made: list[OutageProxy] = []
    yield made
    for proxy in made:
        await proxy.stop()


async def running(store: Store, roles: set[str], clock: Clock) -> asyncio.Task[None]:
    return asyncio.create_task(run_workers(store, load_settings(), roles, until_idle=False,
                                           clock=clock))


async def stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_smtp_down_then_back_every_lead_gets_one_mail(
        store: Store, mail_server: MailServer, agent: MailUser, proxies: list[OutageProxy],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    smtp = await OutageProxy(mail_server.ports["smtp"]).start()
    proxies.append(smtp)
    monkeypatch.setenv("SALES_AGENT_SMTP_PORT", str(smtp.port))
    leads = [mail_server.add_user() for _ in range(3)]
    for i, box in enumerate(leads):
        await add_contact(store, name=f"Лид {i}", company="ООО «Тест»", email=box.address)
    await run_workers(store, load_settings(), {"logic", "scheduler"}, until_idle=True,
                      clock=Clock(WEDNESDAY))
    await smtp.down()
    task = await running(store, {"email"}, Clock(WEDNESDAY + timedelta(minutes=1)))

    async def outage_seen() -> bool:
        return events(caplog, "outage", "email") == 1

    await wait_until(outage_seen)
    await smtp.up()

    async def all_sent() -> bool:
        return await store.outbox.count({"status": "done"}) == 3

    await wait_until(all_sent)

    async def recovery_seen() -> bool:  # told once the channel has worked for a few seconds
        return events(caplog, "recovered", "email") == 1

    await wait_until(recovery_seen)
    await stop(task)
    assert [len(await mail_server.aread(b)) for b in leads] == [1, 1, 1]
    assert await store.outbox.count({"status": {"$ne": "done"}}) == 0
    assert events(caplog, "outage", "email") == 1 and events(caplog, "recovered", "email") == 1
    health = await store.health.read()
    assert health["email"]["state"] == "ok"


async def test_imap_cut_mid_idle_reconnects_and_catches_up(
        store: Store, mail_server: MailServer, agent: MailUser, proxies: list[OutageProxy],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    imap = await OutageProxy(mail_server.ports["imap"]).start()
    proxies.append(imap)
    monkeypatch.setenv("SALES_AGENT_IMAP_PORT", str(imap.port))
    lead = mail_server.add_user()
    task = await running(store, {"email"}, Clock())

    async def inbox_has(n: int) -> bool:
        return await store.inbox.count() == n

    await mail_server.asend(lead, agent.address, text="до обрыва")
    await wait_until(lambda: inbox_has(1))
    await asyncio.sleep(1.0)  # the reader is back in IDLE
    await imap.down()
    for text in ("во время обрыва 1", "во время обрыва 2"):
        await mail_server.asend(lead, agent.address, text=text)

    async def outage_seen() -> bool:
        return events(caplog, "outage", "email-in") == 1

    await wait_until(outage_seen)
    await asyncio.sleep(3.0)  # reconnects refused meanwhile: still one line for the outage
    await imap.up()
    await mail_server.asend(lead, agent.address, text="после обрыва")
    await wait_until(lambda: inbox_has(4))

    async def recovery_seen() -> bool:
        return events(caplog, "recovered", "email-in") == 1

    await wait_until(recovery_seen)  # told after a few seconds of working: room for a 2nd copy
    await stop(task)
    texts = sorted([d["text"] async for d in store.inbox.collection.find({})])
    assert texts == ["во время обрыва 1", "во время обрыва 2", "до обрыва", "после обрыва"]
    flags = await asyncio.to_thread(mail_server.read_with_flags, agent)
    assert len(flags) == 4 and all("\\Seen" in f for _, f in flags)
    assert events(caplog, "outage", "email-in") == 1
    assert events(caplog, "recovered", "email-in") == 1
    assert not [r for r in caplog.records if r.getMessage().startswith("event=duplicate")]


async def test_store_frozen_the_reader_survives_and_loses_nothing(
        mail_server: MailServer, agent: MailUser, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    server = ensure_embedded(tmp_path / "frozen")  # its own process, to SIGSTOP
    assert server.process is not None
    monkeypatch.setenv("SALES_AGENT_MONGODB_URI", server.uri)
    store = await Store.open(load_settings())
    lead = mail_server.add_user()
    task = await running(store, {"email"}, Clock())
    try:
        async def inbox_has(n: int) -> bool:
            return await store.inbox.count() == n

        await mail_server.asend(lead, agent.address, text="до")
        await wait_until(lambda: inbox_has(1))
        os.kill(server.process.pid, signal.SIGSTOP)
        try:
            await mail_server.asend(lead, agent.address, text="пока хранилище стоит")
            await asyncio.sleep(STORE_PAUSE)
        finally:
            os.kill(server.process.pid, signal.SIGCONT)
        await mail_server.asend(lead, agent.address, text="после")
        await wait_until(lambda: inbox_has(3), timeout=120)
        await asyncio.sleep(6.0)  # any recovery is told by now; room for a second copy
        assert not task.done()
        texts = sorted([d["text"] async for d in store.inbox.collection.find({})])
        assert texts == ["до", "пока хранилище стоит", "после"]
        flags = await asyncio.to_thread(mail_server.read_with_flags, agent)
        assert len(flags) == 3 and all("\\Seen" in f for _, f in flags), flags
        # an outage of the store, if the client noticed one, is told once and its end once
        assert events(caplog, "outage", "store") == events(caplog, "recovered", "store") <= 1
    finally:
        await stop(task)
        await store.close()
        server.stop()


async def test_refused_logins_stop_the_channel_and_tell_the_operator(
        store: Store, mail_server: MailServer, agent: MailUser,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    box = mail_server.add_user()
    await add_contact(store, name="Ольга", company="ООО «Тест»", email=box.address)
    await run_workers(store, load_settings(), {"logic", "scheduler"}, until_idle=True,
                      clock=Clock(WEDNESDAY))
    monkeypatch.setenv("SALES_AGENT_SMTP_PASSWORD", "wrong")
    monkeypatch.setenv("SALES_AGENT_IMAP_PASSWORD", "wrong")
    # until-idle ends: a stopped channel has nothing more to do (it used to retry forever)
    await asyncio.wait_for(run_workers(store, load_settings(), {"email"}, until_idle=True,
                                       clock=Clock(WEDNESDAY + timedelta(minutes=1))), 120)
    [item] = await store.outbox.collection.find({}).to_list()
    assert item["status"] == "pending"  # kept for when the setting is fixed, not failed
    assert item["attempts"] == item.get("outage_claims", 0)  # and no attempt counted
    notes = [n for n in await store.notifications.open() if n["kind"] == "channel_stopped"]
    assert len(notes) == 1 and "login refused" in notes[0]["reason"]
    assert events(caplog, "stopped", "email") == 1
    assert (await store.health.read())["email"]["state"] == "stopped"
    assert await mail_server.aread(box) == []
