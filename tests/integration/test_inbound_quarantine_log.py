"""The reader's log says what happened to each mail: a quarantined one is not "received"."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import pytest

from sales_agent.channels.email.limits import ParseLimits
from sales_agent.store import Store
from sales_agent.workers.inbound import pump_inbound
from tests.fixtures.mail import MailServer, MailUser


async def test_a_quarantined_mail_is_logged_as_quarantined(
    store: Store, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
    make_email_channel, caplog: pytest.LogCaptureFixture,
) -> None:
    big = await mail_server.asend(mail_user, agent_mailbox.address, subject="Re: big",
                                  text="Длинный ответ. " * 200)  # past the 1,000-char cap below
    small = await mail_server.asend(mail_user, agent_mailbox.address, subject="Re: small",
                                    text="Пришлите презентацию")
    channel = make_email_channel(agent_mailbox, limits=ParseLimits(max_text_chars=1_000))
    caplog.set_level(logging.INFO, logger="sales_agent.events")
    pump = asyncio.create_task(pump_inbound(store, channel, route="email"))
    deadline = time.monotonic() + 60  # a guard against a hang, not a speed check
    try:
        while not (await store.inbox.get(f"email:{small}")
                   and await store.quarantine.latest(10)):
            assert time.monotonic() < deadline and not pump.done()
            await asyncio.sleep(0.2)
        while "event=received" not in caplog.text or "event=quarantined" not in caplog.text:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.1)
    finally:
        pump.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pump
    events = [r.getMessage() for r in caplog.records if r.name == "sales_agent.events"]
    about_big = [e for e in events if big in e]
    about_small = [e for e in events if small in e]
    assert len(about_big) == 1 and about_big[0].startswith("event=quarantined")
    assert "why=" in about_big[0] and "over the cap" in about_big[0]
    assert len(about_small) == 1 and about_small[0].startswith("event=received")
    assert await store.inbox.get(f"email:{big}") is None
