"""The Telegram Bot API unreachable for a while (a real local Bot API server behind a TCP proxy
that is cut): what falls due meanwhile waits and goes out when it is back, each once, none lost;
one log line when the outage starts and one when it ends."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.e2e.test_outages import events, running, stop, wait_until
from tests.fixtures._outage import OutageProxy
from tests.fixtures.telegram import FakeBotApi, FakeUser

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 10:00 in Moscow: the send window is open
LEADS = [FakeUser(881000 + i, f"Лид{i}", "Тестов", username=f"lead_{i}") for i in range(3)]
ROLES = {"logic", "scheduler", "telegram"}


@pytest.fixture
async def bot_proxy(telegram_api: FakeBotApi, telegram_env: dict[str, str],
                    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture):
    proxy = await OutageProxy(int(telegram_api.url.rsplit(":", 1)[1])).start()
    monkeypatch.setenv("SALES_AGENT_TELEGRAM_API_BASE", f"http://127.0.0.1:{proxy.port}")
    caplog.set_level(logging.INFO, logger="sales_agent")
    yield proxy
    await proxy.stop()


async def test_bot_api_down_then_back_every_followup_goes_out_once(
        store: Store, telegram_api: FakeBotApi, bot_proxy: OutageProxy,
        caplog: pytest.LogCaptureFixture) -> None:
    for lead in LEADS:
        await telegram_api.push_start(lead.id, None, lead)
    await run_workers(store, load_settings(), ROLES, until_idle=True, clock=Clock(WEDNESDAY))
    greeted = {lead.id: len(telegram_api.sent_to(lead.id)) for lead in LEADS}
    assert all(n >= 1 for n in greeted.values())

    # A week later the follow-ups fall due while the Bot API is unreachable.
    await bot_proxy.down()
    task = await running(store, ROLES, Clock(WEDNESDAY + timedelta(days=7)))
    try:
        async def outage_seen() -> bool:
            return events(caplog, "outage", "telegram") == 1 and \
                await store.outbox.count({"status": "pending"}) == len(LEADS)

        await wait_until(outage_seen)
        await asyncio.sleep(3.0)  # retries meet the closed port meanwhile: still one line
        assert await store.outbox.count({"status": "pending"}) == len(LEADS)
        await bot_proxy.up()

        async def all_sent() -> bool:
            return await store.outbox.count({"status": {"$ne": "done"}}) == 0

        await wait_until(all_sent, timeout=150)

        async def recovery_seen() -> bool:  # told once the channel has worked a few seconds
            return events(caplog, "recovered", "telegram") == 1

        await wait_until(recovery_seen)
    finally:
        await stop(task)
    for lead in LEADS:
        sent = telegram_api.sent_to(lead.id)
        assert len(sent) == greeted[lead.id] + 1  # the follow-up, once
        texts = Counter(m.get("text") for m in sent)
        assert all(n == 1 for n in texts.values()), texts  # nothing twice
    assert events(caplog, "outage", "telegram") == 1
    assert events(caplog, "recovered", "telegram") == 1
    assert events(caplog, "outage", "telegram-in") <= 1  # the reader: no line per retry either
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert (await store.health.read())["telegram"]["state"] == "ok"
