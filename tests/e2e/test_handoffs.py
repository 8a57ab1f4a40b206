"""Every path that needs a human, over real mail with SALES_AGENT_MANAGER_EMAIL set: each test
fails unless the note is recorded (the console's hand-off queue) AND the manager's mailbox got it.

Verdicts the classifier of today cannot give yet (a meeting time, a complaint, an unsure
refusal, a colleague at another company) are given as the kept verdict on the inbox item, the
same record a replayed item is decided from; everything after that is the real engine."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sales_agent.domain.model import Status
from sales_agent.service.contacts import add_contact
from sales_agent.service.conversation import submit_sandbox_reply
from sales_agent.settings import PROJECT_ROOT, load_settings
from sales_agent.store import Store
from sales_agent.store.timeutil import to_ts
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures._dovecot import MailUser
from tests.fixtures.mail import MailServer

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 10:00 in Moscow
THURSDAY_15 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # 15:00 in Moscow
ROLES = {"logic", "scheduler", "email", "sandbox"}


class Desk:
    """The agent with real mail, a lead, and the manager's mailbox."""

    def __init__(self, store: Store, mail: MailServer, manager: MailUser) -> None:
        self.store, self.mail, self.manager = store, mail, manager
        self.contact_id = ""

    async def run(self, at: datetime = WEDNESDAY) -> None:
        await run_workers(self.store, load_settings(), ROLES, until_idle=True, clock=Clock(at))

    async def lead(self, email: str | None = None) -> str:
        address = email or self.mail.add_user().address
        contact = await add_contact(self.store, name="Ольга Смирнова", company="Бодрое утро",
                                    email=address, source="сайт компании")
        self.contact_id = contact.id
        await self.run()
        return self.contact_id

    async def says(self, text: str, at: datetime = WEDNESDAY + timedelta(hours=1),
                   **verdict: Any) -> None:
        """The lead's reply (the sandbox route); `verdict` = the classifier's kept verdict."""
        key = await submit_sandbox_reply(self.store, self.contact_id, text, at=at)
        if verdict:
            extra = {"review": verdict.pop("review", False),
                     "refusal_risk": verdict.pop("refusal_risk", False),
                     "tags": verdict.pop("tags", []), "meeting": to_ts(verdict.pop("meeting",
                                                                                  None)),
                     "contact_foreign": verdict.pop("contact_foreign", False)}
            kept = {"intent": verdict.pop("intent"), "confidence": 0.9, "until": None,
                    "contact": verdict.pop("contact", None), "runner_up": None,
                    "reasons": ["given by the test"], "extra": extra}
            await self.store.inbox.collection.update_one({"key": key},
                                                         {"$set": {"classification": kept}})
        await self.run(at)

    async def told(self, kind: str, *, contact_id: str | None = None) -> dict[str, Any]:
        """The note is recorded and the manager's mailbox has a letter about this lead."""
        who = contact_id or self.contact_id
        notes = [n async for n in self.store.notifications.collection.find(
            {"contact_id": who, "kind": kind})]
        assert notes, f"no {kind} note recorded"
        mails = await self.mail.wait_for(self.manager, 1)
        assert mails, "the manager's mailbox is empty"
        sent = [d async for d in self.store.outbox.collection.find(
            {"internal": True, "contact_id": who, "kind": kind, "status": "done"})]
        assert sent, f"no {kind} letter went to the manager"
        ids = {m["Message-ID"] for m in mails}
        assert any(d["message_id"] in ids for d in sent), "the note is not in the manager's box"
        return notes[0]

    async def status(self) -> Status:
        return (await self.store.contacts.get(self.contact_id)).status

    async def sent_kinds(self) -> list[str]:
        return [str(m.decision) for m in await self.store.messages.for_contact(self.contact_id)
                if m.direction == "out"]


@pytest.fixture
def desk(store: Store, mail_server: MailServer, agent_mailbox: MailUser,
         monkeypatch: pytest.MonkeyPatch) -> Desk:
    manager = mail_server.add_user()
    for key, value in mail_server.env(agent_mailbox).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SALES_AGENT_MANAGER_EMAIL", manager.address)
    return Desk(store, mail_server, manager)


class TestHandOffsReachTheManager:
    async def test_a_demo_request(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Давайте созвонимся и посмотрим демо")
        await desk.told("manager_demo")
        assert await desk.status() is Status.DEMO

    async def test_a_booking(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Давайте в четверг в 15:00", intent="demo", tags=["booking"],
                        meeting=THURSDAY_15)
        await desk.told("manager_booking")
        assert (await desk.sent_kinds())[-1] == "demo_confirm"
        assert await desk.status() is Status.DEMO

    async def test_unclear_twice(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Хм.")
        await desk.says("Ну не знаю.", WEDNESDAY + timedelta(hours=2))
        await desk.told("manager_handoff")
        assert await desk.status() is Status.HANDOFF

    async def test_an_unsure_refusal_sends_nothing(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Ну, пожалуй, пока нет", intent="stop", review=True,
                        refusal_risk=True)
        await desk.told("manager_handoff")
        assert await desk.sent_kinds() == ["first"]

    async def test_a_colleague_at_another_company(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Напишите boss@rival.example", intent="redirect",
                        contact="boss@rival.example", contact_foreign=True)
        await desk.told("manager_handoff")
        assert await desk.store.contacts.find("boss@rival.example") is None
        assert (await desk.sent_kinds())[-1] == "handoff_ack"

    async def test_a_complaint(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Откуда у вас мой адрес? Пожалуюсь в Роскомнадзор.", intent="stop",
                        tags=["complaint", "where_from"])
        await desk.told("manager_complaint")
        assert (await desk.sent_kinds())[-1] == "apology"
        assert await desk.status() is Status.STOPPED

    async def test_a_stopped_lead_writes_again(self, desk: Desk) -> None:
        await desk.lead()
        await desk.says("Больше не пишите мне, пожалуйста.")
        await desk.says("Пришлите всё-таки презентацию", WEDNESDAY + timedelta(days=2))
        note = await desk.told("manager_stopped_wrote")
        assert "презентацию" in note["text"]
        assert await desk.sent_kinds() == ["first", "stop_confirm"]

    async def test_a_bouncing_address(self, desk: Desk) -> None:
        contact_id = await desk.lead(email="nobody-here@example.test")
        await desk.run(WEDNESDAY + timedelta(minutes=1))  # the core hears of the failure
        note = await desk.told("manager_handoff", contact_id=contact_id)
        assert "nobody-here@example.test" in note["reason"]
        assert await desk.status() is Status.HANDOFF

    async def test_a_message_that_cannot_be_written(self, desk: Desk, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
        templates = tmp_path / "templates"
        shutil.copytree(PROJECT_ROOT / "templates", templates)
        (templates / "ru" / "presentation.j2").unlink()
        monkeypatch.setenv("SALES_AGENT_TEMPLATES_DIR", str(templates))
        await desk.lead()
        await desk.says("Пришлите, пожалуйста, презентацию")
        failures = [n async for n in desk.store.notifications.collection.find(
            {"contact_id": desk.contact_id, "kind": "draft_failed"})]
        assert failures and "presentation" in failures[0]["reason"]
        await desk.told("manager_handoff")
        assert await desk.status() is Status.HANDOFF
        assert await desk.sent_kinds() == ["first"]  # nothing half-written went out


async def test_a_manager_address_that_bounces_is_kept_for_the_console(
        store: Store, mail_server: MailServer, agent_mailbox: MailUser,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in mail_server.env(agent_mailbox).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SALES_AGENT_MANAGER_EMAIL", "no-such-manager@example.test")
    desk = Desk(store, mail_server, mail_server.add_user())
    await desk.lead()
    await desk.says("Давайте созвонимся и посмотрим демо")
    kinds = {n["kind"] async for n in store.notifications.collection.find(
        {"contact_id": desk.contact_id})}
    assert {"manager_demo", "send_failed"} <= kinds  # the note, and that its letter bounced
    assert await desk.status() is Status.DEMO  # the lead's conversation is not derailed
    assert not await store.suppression.blocks("email:no-such-manager@example.test")
