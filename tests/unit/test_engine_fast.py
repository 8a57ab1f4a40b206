"""The engine's main paths on the in-memory store: the same scheduler, logic worker, engine and
outbox sender as `run`, with the sandbox channel, and no server at all (milliseconds a case).
The same behaviours over the wire server are in tests/integration/test_engine.py."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sales_agent.brain.knowledge import KnowledgeBase
from sales_agent.brain.writer import ReplyWriter
from sales_agent.channels.sandbox import SandboxChannel
from sales_agent.domain.model import Message, Status
from sales_agent.service.contacts import add_contact
from sales_agent.service.conversation import stop_contact, submit_sandbox_reply
from sales_agent.settings import Settings, load_settings
from sales_agent.store.items import InboxItem
from sales_agent.store.memory import MemoryStore
from sales_agent.store.timeutil import from_ts
from sales_agent.workers.clock import Clock
from sales_agent.workers.conversation_engine import ConversationEngine
from sales_agent.workers.logic import LogicWorker
from sales_agent.workers.outbox_sender import OutboxSender
from sales_agent.workers.outbox_writer import OutboxWriter
from sales_agent.workers.routing import enabled_routes
from sales_agent.workers.scheduler import schedule_due
from sales_agent.workers.thread_history import colleague_index

# Wednesday, 10:00 in Moscow: inside the send window.
WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


class FrozenClock(Clock):
    """The business clock stands still at `at` until moved: what is due is exact."""

    def __init__(self, at: datetime) -> None:
        super().__init__(at)
        self.at = at

    def ts(self) -> float:
        return self.at.timestamp()


class Agent:
    """One process's roles (scheduler, logic, sandbox sender) over one in-memory store."""

    def __init__(self, settings: Settings) -> None:
        self.store = MemoryStore()
        self.clock = FrozenClock(WEDNESDAY)
        routes = enabled_routes(settings)
        writer = ReplyWriter(settings, KnowledgeBase.load(settings.knowledge_dir))
        # no analytics here: they are read from the store's review collections, not the port
        outbox_writer = OutboxWriter(self.store, settings, writer, routes=routes)
        engine = ConversationEngine(self.store, settings, outbox_writer, clock=self.clock,
                                    routes=routes)
        self.logic = LogicWorker(self.store, engine, clock=self.clock, owner="fast")
        self.sender = OutboxSender(
            self.store, SandboxChannel(), "sandbox", clock=self.clock, owner="fast",
            attachments_dir=settings.attachments_dir, charts_dir=settings.data_dir / "charts")

    async def run_until_idle(self, at: datetime = WEDNESDAY) -> None:
        self.clock.at = at
        busy = True
        while busy:
            busy = await schedule_due(self.store, self.clock) > 0
            while await self.logic.process_one():
                busy = True
            while await self.sender.send_one():
                busy = True

    async def lead(self, **extra: Any) -> str:
        fields = {"name": "Ольга Смирнова", "company": "Бодрое утро",
                  "email": "olga@bodroe.example", "products": ["Капсулы Лунго 10 шт"]} | extra
        contact = await add_contact(self.store, **fields)
        await self.run_until_idle()
        return contact.id

    async def reply(self, contact_id: str, text: str, at: datetime = WEDNESDAY + HOUR) -> None:
        await submit_sandbox_reply(self.store, contact_id, text, at=at)
        await self.run_until_idle(at)

    async def sent(self, contact_id: str) -> list[Message]:
        return [m for m in await self.store.messages.for_contact(contact_id)
                if m.direction == "out"]

    async def kinds(self, contact_id: str) -> list[str | None]:
        return [m.decision for m in await self.sent(contact_id)]

    async def status(self, key: str) -> Status:
        return (await self.store.contacts.get(key)).status


@pytest.fixture
def agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Agent:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name, value in {"SALES_AGENT_DATA_DIR": str(tmp_path / "data"),
                        "SALES_AGENT_REPLY_DELAY_SECONDS": "0"}.items():
        monkeypatch.setenv(name, value)
    return Agent(load_settings())


# (the lead's reply, the status it leads to, the messages the lead has had by then)
REPLIES = [
    ("Пришлите, пожалуйста, презентацию", Status.ACTIVE, ["first", "presentation"]),
    ("Больше не пишите нам, не интересно", Status.STOPPED, ["first", "stop_confirm"]),
    ("Давайте созвонимся, покажите демо", Status.DEMO, ["first", "demo"]),
    ("Напишите после 15 декабря, сейчас некогда", Status.LATER, ["first", "later_ack"]),
]


class TestReplies:
    async def test_a_new_contact_gets_one_first_message(self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.run_until_idle()
        assert await agent.kinds(c) == ["first"]
        assert await agent.status(c) is Status.ACTIVE

    @pytest.mark.parametrize(("text", "status", "kinds"), REPLIES,
                             ids=["materials", "stop", "demo", "later"])
    async def test_a_reply_is_answered_as_the_playbook_says(
            self, agent: Agent, text: str, status: Status, kinds: list[str]) -> None:
        c = await agent.lead()
        await agent.reply(c, text)
        assert await agent.status(c) is status
        assert await agent.kinds(c) == kinds

    async def test_after_a_stop_nothing_more_goes_out(self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.reply(c, "Больше не пишите нам, не интересно")
        await agent.reply(c, "Я же просил не писать!", WEDNESDAY + 2 * HOUR)
        await agent.run_until_idle(WEDNESDAY + timedelta(days=30))
        assert await agent.kinds(c) == ["first", "stop_confirm"]
        assert await agent.status(c) is Status.STOPPED

    async def test_a_stop_beats_a_first_message_already_queued(self, agent: Agent) -> None:
        c = await add_contact(agent.store, name="Пётр", email="petr@example.com")
        await schedule_due(agent.store, agent.clock)
        while await agent.logic.process_one():
            pass
        await stop_contact(agent.store, c.id)
        await agent.run_until_idle()
        assert await agent.kinds(c.id) == []

    async def test_a_scheduler_remembers_the_starts_it_queued(self, agent: Agent) -> None:
        c = await add_contact(agent.store, name="Пётр", email="petr@example.com")
        known: set[str] = set()
        assert await schedule_due(agent.store, agent.clock, known=known) == 1
        assert known == {f"start:{c.id}:0"}
        # still new (the logic has not written yet): neither queued again nor looked up again
        assert await schedule_due(agent.store, agent.clock, known=known) == 0
        assert await schedule_due(agent.store, agent.clock) == 0  # a fresh process asks the inbox
        assert len(await agent.store.inbox.pending_for(c.id)) == 1

    async def test_colleagues_keep_their_phrasing_with_the_company_read_once(
            self, agent: Agent) -> None:
        first: dict[str, list[str]] = {}
        olga = await add_contact(agent.store, name="Ольга", company="Бодрое утро",
                                 email="olga@bodroe.example", now=WEDNESDAY)
        anna = await add_contact(agent.store, name="Анна", company="Бодрое утро",
                                 email="anna@bodroe.example", now=WEDNESDAY + HOUR)
        at_olga = await colleague_index(agent.store, olga, first)
        assert first == {"Бодрое утро": [olga.id, anna.id]}
        vera = await add_contact(agent.store, name="Вера", company="Бодрое утро",
                                 email="vera@bodroe.example", now=WEDNESDAY + 2 * HOUR)
        assert await colleague_index(agent.store, vera, first) == at_olga + 2  # read again
        assert await colleague_index(agent.store, anna, first) == at_olga + 1
        assert await colleague_index(agent.store, olga, {}) == at_olga  # the same uncached

    async def test_two_logic_loops_decide_one_leads_replies_in_order(
            self, agent: Agent) -> None:
        c = await agent.lead()
        await submit_sandbox_reply(agent.store, c, "Пришлите презентацию", at=WEDNESDAY + HOUR)
        await submit_sandbox_reply(agent.store, c, "Давайте созвонимся, покажите демо",
                                   at=WEDNESDAY + 2 * HOUR)
        agent.clock.at = WEDNESDAY + 2 * HOUR

        async def loop() -> None:
            while await agent.logic.process_one():
                pass

        await asyncio.gather(loop(), loop())  # as `run` does (LOGIC_LOOPS)
        await agent.run_until_idle(WEDNESDAY + 2 * HOUR)
        assert await agent.kinds(c) == ["first", "presentation", "demo"]
        assert await agent.status(c) is Status.DEMO

    async def test_one_leads_items_wait_for_each_other_and_others_do_not(
            self, agent: Agent) -> None:
        entered: list[str] = []
        first_done = asyncio.Event()

        async def decide(item: InboxItem, until: asyncio.Event | None) -> None:
            async with agent.logic._one_at_a_time(item):
                entered.append(item.key)
                if until is not None:
                    await until.wait()

        held = asyncio.create_task(decide(InboxItem(key="a1", contact_id="a"), first_done))
        await asyncio.sleep(0)
        others = [asyncio.create_task(decide(InboxItem(key="a2", contact_id="a"), None)),
                  asyncio.create_task(decide(InboxItem(key="b1", sender="b@x.example"), None))]
        for _ in range(5):
            await asyncio.sleep(0)
        assert entered == ["a1", "b1"]  # a's second item waits for the first
        first_done.set()
        await asyncio.gather(held, *others)
        assert entered == ["a1", "b1", "a2"]
        assert agent.logic._busy == {}  # nothing kept once nobody waits

    async def test_a_redirect_writes_to_the_colleague_without_naming_the_referrer(
            self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.reply(c, "Это не ко мне, напишите нашему маркетологу "
                             "anna.petrova@bodroe.example")
        assert await agent.status(c) is Status.REDIRECTED
        colleague = await agent.store.contacts.get("anna.petrova@bodroe.example")
        assert colleague.referred_by == c
        (intro,) = await agent.sent(colleague.id)
        assert intro.decision == "redirect_intro"
        assert "Ольга" not in intro.text and "Смирнова" not in intro.text

    async def test_later_is_reminded_on_the_date_not_before(self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.reply(c, "Напишите после 15 декабря, сейчас некогда")
        await agent.run_until_idle(datetime(2026, 12, 10, 7, 0, tzinfo=UTC))
        assert await agent.kinds(c) == ["first", "later_ack"]
        await agent.run_until_idle(datetime(2026, 12, 17, 7, 0, tzinfo=UTC))
        assert (await agent.kinds(c))[-1] == "reminder"
        assert await agent.status(c) is Status.ACTIVE


    async def test_a_picked_time_is_booked_and_kept_with_the_verdict(self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.reply(c, "Давайте созвонимся, покажите демо")
        offered = (await agent.store.contacts.get(c)).offered_slots
        pick = offered[1].astimezone(ZoneInfo("Europe/Moscow"))
        await agent.reply(c, f"Давайте {pick.day}-го в {pick.hour}:00, подходит",
                          at=WEDNESDAY + 2 * HOUR)
        assert (await agent.store.contacts.get(c)).demo_at == offered[1]
        (picked,) = [d for d in agent.store.inbox.docs.values() if "подходит" in d["text"]]
        # a replay decides on this time, not on the slots read again
        assert from_ts(picked["classification"]["extra"]["meeting"]) == offered[1]

    async def test_a_demo_asked_for_a_later_day_is_offered_slots_from_that_day(
            self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.reply(c, "Давайте созвонимся в четверг, 3 декабря, покажете демо")
        offered = (await agent.store.contacts.get(c)).offered_slots
        days = [s.astimezone(ZoneInfo("Europe/Moscow")).date() for s in offered]
        assert await agent.status(c) is Status.DEMO
        assert days[0] == date(2026, 12, 3) and len(days) == 3


class TestSilence:
    async def test_two_follow_ups_then_ignored(self, agent: Agent) -> None:
        c = await agent.lead()
        for days in (5, 20, 40):
            await agent.run_until_idle(WEDNESDAY + timedelta(days=days))
        assert await agent.kinds(c) == ["first", "followup", "followup"]
        assert await agent.status(c) is Status.IGNORED


class TestNothingTwice:
    async def test_a_replayed_inbox_item_decides_on_the_kept_verdict_and_sends_nothing_new(
            self, agent: Agent) -> None:
        c = await agent.lead()
        await agent.reply(c, "Пришлите презентацию")
        queued = await agent.store.outbox.count()
        (kept,) = [d for d in agent.store.inbox.docs.values() if d["type"] == "reply"]
        assert kept["classification"]["intent"] == "presentation"
        for doc in agent.store.inbox.docs.values():  # every item claimed again after a crash
            doc["status"] = "pending"
        await agent.run_until_idle(WEDNESDAY + 2 * HOUR)
        assert await agent.store.outbox.count() == queued
        assert await agent.kinds(c) == ["first", "presentation"]
