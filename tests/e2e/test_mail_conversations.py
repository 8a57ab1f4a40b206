"""The whole agent over real mail: Dovecot + the SMTP front on 127.0.0.1, the real wire store.

Each lead replies in their own words from their own mailbox; we assert on what arrives there.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from sales_agent.domain.model import Status
from sales_agent.service.contacts import add_contact
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures._dovecot import MailUser
from tests.fixtures.mail import MailServer

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 10:00 in Moscow
ROLES = {"logic", "scheduler", "email"}


class Agent:
    def __init__(self, store: Store, mail: MailServer, mailbox: MailUser) -> None:
        self.store, self.mail, self.mailbox = store, mail, mailbox
        self.now = WEDNESDAY  # the simulated clock: leads' mails are dated by it too

    async def run(self, at: datetime = WEDNESDAY) -> None:
        self.now = at
        await run_workers(self.store, load_settings(), ROLES, until_idle=True, clock=Clock(at))

    def dated(self, **headers: str) -> dict[str, str]:
        """A lead's mail is written a few minutes after the agent's last run, whatever the
        day the suite runs on: dates in it resolve against the simulated clock."""
        return {"Date": format_datetime(self.now + timedelta(minutes=5)), **headers}

    async def lead(self, name: str, **fields) -> tuple[MailUser, str]:
        box = self.mail.add_user()
        contact = await add_contact(
            self.store, name=name, company="Кофейная компания «Бодрое утро»",
            email=box.address, products=["Капсулы Лунго 10 шт"], **fields)
        return box, contact.id

    async def reply(self, box: MailUser, to_message: EmailMessage, text: str) -> str:
        original = to_message.get_body(("plain",)).get_content()
        quoted = "\n".join("> " + line for line in original.splitlines())
        body = f"{text}\n\n25 нояб. 2026 г., в 10:00, Анна Соколова <{self.mailbox.address}>:\n"
        return await self.mail.asend(
            box, self.mailbox.address, subject="Re: " + str(to_message["Subject"]),
            text=body + quoted,
            headers=self.dated(**{"In-Reply-To": to_message["Message-ID"],
                                  "References": to_message["Message-ID"]}))


@pytest.fixture
async def agent(store: Store, mail_server: MailServer, agent_mailbox: MailUser,
                monkeypatch: pytest.MonkeyPatch) -> Agent:
    manager = mail_server.add_user()
    for key, value in mail_server.env(agent_mailbox).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SALES_AGENT_MANAGER_EMAIL", manager.address)
    a = Agent(store, mail_server, agent_mailbox)
    a.manager = manager  # type: ignore[attr-defined]
    return a


async def first_mail(agent: Agent, box: MailUser) -> EmailMessage:
    (mail,) = await agent.mail.wait_for(box, 1)
    return mail


async def converse(agent: Agent, text: str) -> tuple[MailUser, str, list[EmailMessage]]:
    """A lead gets the first mail, replies `text`; returns what is in their inbox after."""
    box, contact_id = await agent.lead("Ольга Смирнова")
    await agent.run()
    first = await first_mail(agent, box)
    await agent.reply(box, first, text)
    await agent.run(WEDNESDAY + timedelta(hours=1))
    return box, contact_id, await agent.mail.wait_for(box, 2)


class TestFirstMail:
    async def test_first_mail_is_personal_threaded_and_unsubscribable(self, agent: Agent) -> None:
        box, _ = await agent.lead("Ольга Смирнова")
        await agent.run()
        mail = await first_mail(agent, box)
        assert "Ольга" in mail.get_body(("plain",)).get_content()
        assert mail["Message-ID"] and mail["List-Unsubscribe"]
        assert agent.mailbox.address in str(mail["From"])
        sent = await agent.mail.aread(agent.mailbox, "Sent")
        assert [m["Message-ID"] for m in sent] == [mail["Message-ID"]]


class TestReplies:
    async def test_presentation_arrives_attached_in_the_same_thread(self, agent: Agent) -> None:
        _box, _, mails = await converse(agent, "Добрый день! Пришлите, пожалуйста, презентацию.")
        first, answer = mails
        assert [p.get_filename() for p in answer.iter_attachments()] == ["presentation.pdf"]
        assert answer["In-Reply-To"] and answer["Subject"].startswith("Re:")
        assert first["Message-ID"] in str(answer["References"])

    async def test_stop_gets_one_confirmation_and_then_silence(self, agent: Agent) -> None:
        box, contact_id, mails = await converse(agent, "Пожалуйста, больше не пишите мне.")
        assert len(mails) == 2
        assert (await agent.store.contacts.get(contact_id)).status is Status.STOPPED
        await agent.run(WEDNESDAY + timedelta(days=30))
        assert len(await agent.mail.aread(box)) == 2

    async def test_demo_reaches_the_manager(self, agent: Agent) -> None:
        _, contact_id, _mails = await converse(agent, "Давайте созвонимся и посмотрим демо")
        assert (await agent.store.contacts.get(contact_id)).status is Status.DEMO
        (note,) = await agent.mail.wait_for(agent.manager, 1)  # type: ignore[attr-defined]
        assert "Ольга Смирнова" in note.get_body(("plain",)).get_content()

    async def test_redirect_writes_to_the_colleague_without_naming_the_referrer(
            self, agent: Agent) -> None:
        colleague = agent.mail.add_user()
        _box, contact_id, _ = await converse(
            agent, f"Это не ко мне. Напишите, пожалуйста, нашему маркетологу {colleague.address}")
        await agent.run(WEDNESDAY + timedelta(hours=2))
        (intro,) = await agent.mail.wait_for(colleague, 1)
        text = intro.get_body(("plain",)).get_content()
        assert "Ольга" not in text and "Смирнова" not in text
        assert (await agent.store.contacts.get(colleague.address)).referred_by == contact_id

    async def test_later_reminds_after_the_date_only(self, agent: Agent) -> None:
        box, _, mails = await converse(agent, "Сейчас не до этого, напишите после 15 декабря")
        assert len(mails) == 2  # the acknowledgement
        await agent.run(datetime(2026, 12, 10, 7, 0, tzinfo=UTC))
        assert len(await agent.mail.aread(box)) == 2
        await agent.run(datetime(2026, 12, 17, 7, 0, tzinfo=UTC))
        assert len(await agent.mail.wait_for(box, 3)) == 3

    async def test_out_of_office_snoozes_silently(self, agent: Agent) -> None:
        box, contact_id = await agent.lead("Пётр Иванов")
        await agent.run()
        first = await first_mail(agent, box)
        await agent.mail.asend(box, agent.mailbox.address, subject="Автоответ: " + first["Subject"],
                               text="Я в отпуске до 7 декабря. Письма прочитаю после возвращения.",
                               headers=agent.dated(**{"Auto-Submitted": "auto-replied"}))
        await agent.run(WEDNESDAY + timedelta(hours=1))
        contact = await agent.store.contacts.get(contact_id)
        assert contact.status is Status.LATER
        assert contact.local(contact.until).date().isoformat() == "2026-12-07"
        assert len(await agent.mail.aread(box)) == 1

    async def test_quoted_history_is_not_what_the_agent_read(self, agent: Agent) -> None:
        _, contact_id, _ = await converse(agent, "Сколько стоит?")
        inbound = [m for m in await agent.store.messages.for_contact(contact_id)
                   if m.direction == "in"]
        assert inbound[0].text.strip() == "Сколько стоит?"

    async def test_mail_from_a_stranger_is_kept_for_the_operator(self, agent: Agent) -> None:
        stranger = agent.mail.add_user()
        await agent.mail.asend(stranger, agent.mailbox.address, subject="Привет",
                               text="Кто вы?")
        await agent.run()
        kept = await agent.store.inbox.collection.find_one({"sender": stranger.address})
        assert kept is not None and kept["status"] == "unmatched"
        (note,) = [n for n in await agent.store.notifications.open() if n["kind"] == "unmatched"]
        assert "Кто вы?" in note["text"]


class TestBadAddresses:
    async def test_a_refused_address_is_not_retried_and_the_operator_is_told(
            self, agent: Agent) -> None:
        contact = await add_contact(agent.store, name="Никто", company="ООО «Нет»",
                                    email="nobody-here@example.test")
        await agent.run()
        item = await agent.store.outbox.collection.find_one({"contact_id": contact.id})
        assert item["status"] == "failed" and item["attempts"] == 1
        kinds = {n["kind"] for n in await agent.store.notifications.open()}
        assert "send_failed" in kinds
        assert (await agent.store.contacts.get(contact.id)).status is Status.HANDOFF
        assert await agent.store.suppression.blocks("email:nobody-here@example.test")

    async def test_a_busy_mailbox_is_retried_later_with_growing_pauses(
            self, agent: Agent) -> None:
        contact = await add_contact(agent.store, name="Занятой", company="ООО «Нет»",
                                    email="tempfail-busy@example.test")
        await agent.run()
        first = await agent.store.outbox.collection.find_one({"contact_id": contact.id})
        assert first["status"] == "pending" and first["attempts"] == 1
        assert "451" in first["last_error"]
        await agent.run(datetime.fromtimestamp(first["due_at"] + 1, UTC))
        second = await agent.store.outbox.collection.find_one({"contact_id": contact.id})
        assert second["attempts"] == 2 and second["status"] == "pending"
        assert second["due_at"] - first["due_at"] > first["due_at"] - WEDNESDAY.timestamp()
