"""Bad input never crashes the agent or loses anything: a clear record, a human told.

Where the classifier of today cannot give the verdict (a meeting time), the kept verdict on the
inbox item is given, the record a replayed item is decided from; the rest is the real engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sales_agent.domain.model import Status
from sales_agent.service.contacts import add_contact, contact_history
from sales_agent.service.conversation import submit_sandbox_reply
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.store.timeutil import to_ts
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 10:00 in Moscow
LATER = WEDNESDAY + timedelta(hours=1)
ROLES = {"logic", "scheduler", "sandbox"}


async def run(store: Store, at: datetime = WEDNESDAY) -> None:
    await run_workers(store, load_settings(), ROLES, until_idle=True, clock=Clock(at))


async def lead(store: Store) -> str:
    contact = await add_contact(store, name="Ольга Смирнова", company="Бодрое утро",
                                email="olga@bodroe.example")
    await run(store)
    return contact.id


async def says(store: Store, contact_id: str, text: str, at: datetime = LATER,
               meeting: datetime | None = None, intent: str = "demo") -> str:
    key = await submit_sandbox_reply(store, contact_id, text, at=at)
    if meeting is not None:
        await store.inbox.collection.update_one({"key": key}, {"$set": {"classification": {
            "intent": intent, "confidence": 0.9, "until": None, "contact": None,
            "runner_up": None, "reasons": ["given by the test"],
            "extra": {"tags": ["booking"], "meeting": to_ts(meeting)}}}})
    return key


async def kinds(store: Store, contact_id: str) -> list[str]:
    return [str(m.decision) for m in await store.messages.for_contact(contact_id)
            if m.direction == "out"]


async def notes(store: Store, contact_id: str | None) -> list[dict[str, Any]]:
    return [n async for n in store.notifications.collection.find({"contact_id": contact_id})]


class TestDeletedContact:
    async def test_a_reply_to_a_deleted_contact_is_kept_for_a_human(self, store: Store) -> None:
        contact_id = await lead(store)
        key = await says(store, contact_id, "Пришлите презентацию")
        await store.contacts.collection.delete_one({"_id": contact_id})
        await run(store, LATER)
        item = await store.inbox.get(key)
        assert item is not None and item.queue.status == "unmatched"
        (note,) = await notes(store, None)
        assert note["kind"] == "unmatched" and note["text"] == "Пришлите презентацию"


class TestImpossibleTimes:
    async def test_a_slot_in_the_past_gets_new_slots_and_the_manager_is_told_why(
            self, store: Store) -> None:
        contact_id = await lead(store)
        await says(store, contact_id, "Давайте вчера в 11:00", meeting=WEDNESDAY -
                   timedelta(days=1))
        await run(store, LATER)
        assert (await kinds(store, contact_id))[-1] == "demo"
        (note,) = [n for n in await notes(store, contact_id) if n["kind"] == "manager_demo"]
        assert "passed" in note["reason"]
        assert (await store.contacts.get(contact_id)).demo_at is None

    async def test_an_hour_that_does_not_exist_gets_slots(self, store: Store) -> None:
        contact_id = await lead(store)
        await says(store, contact_id, "Давайте созвонимся в четверг в 25:00")
        await run(store, LATER)
        assert (await kinds(store, contact_id))[-1] == "demo"
        assert (await store.contacts.get(contact_id)).status is Status.DEMO
        assert [n["kind"] for n in await notes(store, contact_id)] == ["manager_demo"]

    async def test_a_holiday_is_not_booked(self, store: Store) -> None:
        contact_id = await lead(store)
        await says(store, contact_id, "Давайте 5 января в 11:00",
                   meeting=datetime(2027, 1, 5, 8, 0, tzinfo=UTC))
        await run(store, LATER)
        assert (await kinds(store, contact_id))[-1] == "demo"
        (note,) = [n for n in await notes(store, contact_id) if n["kind"] == "manager_demo"]
        assert "working day" in note["reason"]

    async def test_a_reminder_due_on_a_holiday_waits_for_a_working_day(
            self, store: Store, monkeypatch: Any) -> None:
        monkeypatch.setenv("SALES_AGENT_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SALES_AGENT_IMAP_HOST", "127.0.0.1")
        monkeypatch.setenv("SALES_AGENT_FROM_EMAIL", "anna@napoleon.example")
        contact_id = await lead(store)  # email is on, no email worker: its letters wait
        await says(store, contact_id, "Напишите мне 2 января, пожалуйста")
        await run(store, LATER)
        contact = await store.contacts.get(contact_id)
        assert contact.status is Status.LATER
        new_year = datetime(2027, 1, 2, 9, 0, tzinfo=UTC)
        await run(store, new_year)
        doc = await contact_history(store, contact_id, now=new_year)
        reminder = [w for w in doc["waiting"] if w["kind"] == "reminder"]
        assert reminder and reminder[0]["why"] == "window"
        assert reminder[0]["due"][:10] >= "2027-01-09"


class TestBursts:
    async def test_two_replies_in_the_same_second_are_both_answered(self,
                                                                    store: Store) -> None:
        contact_id = await lead(store)
        await says(store, contact_id, "Пришлите презентацию.")
        await says(store, contact_id, "И расскажите, с какими маркетплейсами работаете?")
        await run(store, LATER)
        inbound = [m for m in await store.messages.for_contact(contact_id)
                   if m.direction == "in"]
        assert len(inbound) == 2
        assert (await kinds(store, contact_id))[1:] == ["presentation", "answer"]
        done = await store.inbox.count({"contact_id": contact_id, "status": "done",
                                        "type": "reply"})
        assert done == 2


class TestMovedDemo:
    async def test_a_moved_demo_is_confirmed_again_not_taken_for_a_loop(
            self, store: Store) -> None:
        contact_id = await lead(store)
        thursday, friday = (datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
                            datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
        await says(store, contact_id, "Давайте в четверг в 15:00", meeting=thursday)
        await run(store, LATER)
        key = await says(store, contact_id, "Давайте перенесём на пятницу, в то же время",
                         at=LATER + timedelta(hours=1), meeting=friday)
        await store.inbox.collection.update_one(
            {"key": key}, {"$set": {"classification.extra.tags": ["reschedule"]}})
        await run(store, LATER + timedelta(hours=1))
        assert await kinds(store, contact_id) == ["first", "demo_confirm", "demo_confirm"]
        contact = await store.contacts.get(contact_id)
        assert contact.status is Status.DEMO and contact.demo_at == friday
        booked = [n["kind"] for n in await notes(store, contact_id)]
        assert booked == ["manager_booking", "manager_booking"]
