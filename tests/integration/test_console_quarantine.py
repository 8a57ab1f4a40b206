"""The quarantine page lists the mail the agent did not read, with why, from whom and its size;
the inbound path puts an unreadable message there instead of the inbox, once."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import httpx

from sales_agent.channels.base import IncomingMessage
from sales_agent.service.inbound import store_inbound
from sales_agent.store import Store


def _quarantined(sender: str, subject: str) -> IncomingMessage:
    return IncomingMessage(
        channel="email", key=f"email:<{secrets.token_hex(4)}@attacker.example>", sender=sender,
        text="", at=datetime.now(UTC), subject=subject, full_text="From: x\r\n\r\n<div><div>",
        quarantine="HTML of 3.1 M characters, over the cap of 2.0 M", raw_size=4_400_000)


async def test_a_quarantined_mail_is_kept_apart_once_and_listed(
        console_client: httpx.AsyncClient, store: Store) -> None:
    msg = _quarantined("evil@attacker.example", "Огромное письмо")
    assert await store_inbound(store, msg, route="email") is True
    assert await store_inbound(store, msg, route="email") is False  # seen again after a restart
    assert await store.inbox.get(msg.key) is None
    doc = await store.quarantine.get(msg.key)
    assert doc is not None and doc["head"].startswith("From: x") and doc["raw_size"] == 4_400_000
    page = await console_client.get("/quarantine")
    assert page.status_code == 200
    assert "evil@attacker.example" in page.text and "Огромное письмо" in page.text
    assert "over the cap of 2.0 M" in page.text and "4.2 МБ" in page.text


async def test_the_page_says_when_nothing_is_quarantined(console_client: httpx.AsyncClient,
                                                         store: Store) -> None:
    page = await console_client.get("/quarantine")
    assert page.status_code == 200 and "все письма прочитаны" in page.text
