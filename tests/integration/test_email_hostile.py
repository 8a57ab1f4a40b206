"""The hostile corpus in a real Dovecot mailbox next to a lead's normal reply: the reply is read
and stored, every hostile mail is read within the caps or quarantined, and all are marked seen."""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import smtplib
import sys
import time
from pathlib import Path

from sales_agent.store import Store
from sales_agent.workers.inbound import pump_inbound
from tests.fixtures.mail import MailServer, MailUser

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "hostile"))
from make_hostile import LEAD, build


def _deliver_raw(mail_server: MailServer, sender: MailUser, to: str, raws: list[bytes]) -> None:
    """Straight through SMTP: the fixture's `send` parses the headers, which these break."""
    with smtplib.SMTP(mail_server.host, mail_server.ports["smtp"], timeout=60) as s:
        s.login(sender.address, sender.password)
        for raw in raws:
            s.sendmail(sender.address, [to], raw)


def _seen_flags(mail_server: MailServer, user: MailUser) -> list[bool]:
    """One flag per message, without parsing them (Python's own email parser chokes on some)."""
    with imaplib.IMAP4(mail_server.host, mail_server.ports["imap"], timeout=30) as imap:
        imap.login(user.address, user.password)
        imap.select("INBOX", readonly=True)
        _, data = imap.uid("FETCH", "1:*", "(FLAGS)")
        return [b"\\Seen" in line for line in data if isinstance(line, bytes)]


async def _wait_until(check, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout  # a guard against a hang, not a speed check
    while not await check():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.5)


async def test_a_normal_reply_is_read_amid_the_hostile_corpus(
    store: Store, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
    make_email_channel,
) -> None:
    cases = build()
    await asyncio.to_thread(_deliver_raw, mail_server, mail_user, agent_mailbox.address,
                            [c.raw for c in cases.values()])
    mid = await mail_server.asend(mail_user, agent_mailbox.address, subject="Re: Отзывы",
                                  text=LEAD)
    async def delivered() -> bool:
        flags = await asyncio.to_thread(_seen_flags, mail_server, agent_mailbox)
        return len(flags) == len(cases) + 1
    await _wait_until(delivered, "the corpus was never delivered", timeout=60)
    pump = asyncio.create_task(pump_inbound(store, make_email_channel(agent_mailbox),
                                            route="email"))
    async def all_seen() -> bool:
        assert not pump.done(), pump
        return all(await asyncio.to_thread(_seen_flags, mail_server, agent_mailbox))
    try:
        await _wait_until(all_seen, "the mailbox was never read to the end")
    finally:
        pump.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pump
    normal = await store.inbox.get(f"email:{mid}")
    assert normal is not None and normal.text == LEAD
    quarantined = {d["_id"]: d for d in await store.quarantine.latest(100)}
    want = {f"email:<hostile-{n}@attacker.example>" for n, c in cases.items()
            if c.outcome == "quarantine"}
    assert set(quarantined) == want
    for doc in quarantined.values():
        assert doc["reason"] and doc["raw_size"] > 0 and doc["subject"].startswith("hostile")
        assert doc["sender"].endswith("@attacker.example")
    for name, case in cases.items():
        if case.outcome == "read":
            item = await store.inbox.get(f"email:<hostile-{name}@attacker.example>")
            assert item is not None and item.text.startswith(case.text)
