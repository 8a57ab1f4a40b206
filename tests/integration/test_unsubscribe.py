"""RFC 8058 one-click unsubscribe: the headers a lead's mail carries, the public endpoint, the
stop it leads to — against the real mail servers, store and console app."""

from __future__ import annotations

import re

import httpx
import pytest

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.email.compose import build_message
from sales_agent.console.app import create_app
from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures._dovecot import MailUser
from tests.fixtures.browser import working_hour
from tests.fixtures.mail import MailServer

PUBLIC = "https://agent.example.org"


def test_without_a_public_url_only_the_mailto_and_no_post_header() -> None:
    msg = build_message(OutgoingMessage(key="k", contact_id="c", channel="email",
                                        to="lead@example.com", text="Добрый день"),
                        from_email="anna@example.org", from_name="Анна", message_id="<m@x>")
    assert msg["List-Unsubscribe"] == "<mailto:anna@example.org?subject=unsubscribe>"
    assert msg["List-Unsubscribe-Post"] is None


async def test_one_click_stops_the_lead_through_the_normal_path(
        store: Store, mail_server: MailServer, agent_mailbox: MailUser,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {**mail_server.env(agent_mailbox),
                       "SALES_AGENT_PUBLIC_BASE_URL": PUBLIC}.items():
        monkeypatch.setenv(key, value)
    box = mail_server.add_user()
    lead = await add_contact(store, name="Ольга", company="ООО «Тест»", email=box.address)
    clock = Clock(working_hour())
    await run_workers(store, load_settings(), {"logic", "scheduler", "email"}, until_idle=True,
                      clock=clock)
    [mail] = await mail_server.wait_for(box)
    header = " ".join(mail["List-Unsubscribe"].split())
    url = re.match(r"<(https://[^>]+)>, <mailto:[^>]+>$", header)
    assert url and url.group(1).startswith(f"{PUBLIC}/unsubscribe/{lead.id}.")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = url.group(1).removeprefix(PUBLIC)

    app = create_app(load_settings(), store)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://127.0.0.1") as client:
        page = await client.get(path)  # a link scanner's GET unsubscribes nobody
        assert page.status_code == 200 and 'method="post"' in page.text
        assert await store.inbox.count({"command": "/stop"}) == 0
        forged = await client.post(path[:-4] + "0000", content=b"List-Unsubscribe=One-Click")
        assert forged.status_code == 404
        for _ in range(2):  # providers may POST twice: one stop
            done = await client.post(path, content=b"List-Unsubscribe=One-Click", headers={
                "Content-Type": "application/x-www-form-urlencoded"})
            assert done.status_code == 200 and "set-cookie" not in done.headers
    assert await store.inbox.count({"command": "/stop"}) == 1

    await run_workers(store, load_settings(), {"logic", "email"}, until_idle=True, clock=clock)
    after = await store.contacts.get(lead.id)
    assert str(after.status) == "stopped"
    assert await store.suppression.blocks(f"email:{box.address}")
