"""The conversation engine over the real wire store and the sandbox channel: each behaviour of a
lead, follow-ups and reminders on time, stops that win every race, nothing sent twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sales_agent.domain.model import Status
from sales_agent.service.contacts import add_contact
from sales_agent.service.conversation import stop_contact, submit_sandbox_reply
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers

# Wednesday, 10:00 in Moscow: inside the send window.
WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
ROLES = {"logic", "scheduler", "sandbox"}


async def run_until_idle(store: Store, at: datetime = WEDNESDAY) -> None:
    await run_workers(store, load_settings(), ROLES, until_idle=True, clock=Clock(at))


async def outgoing(store: Store, contact_id: str) -> list[Any]:
    return [m for m in await store.messages.for_contact(contact_id) if m.direction == "out"]


async def lead(store: Store, **extra: Any):
    fields = {"name": "Ольга Смирнова", "company": "Бодрое утро",
              "email": "olga@bodroe.example", "products": ["Капсулы Лунго 10 шт"]} | extra
    contact = await add_contact(store, **fields)
    await run_until_idle(store)
    return contact


async def reply(store: Store, contact_id: str, text: str,
                at: datetime = WEDNESDAY + timedelta(hours=1)) -> None:
    await submit_sandbox_reply(store, contact_id, text, at=at)
    await run_until_idle(store, at)


class TestFirstMessage:
    async def test_new_contact_gets_one_first_message(self, store: Store) -> None:
        c = await lead(store)
        await run_until_idle(store)
        (first,) = await outgoing(store, c.id)
        assert first.decision == "first"
        assert "Ольга" in first.text
        assert (await store.contacts.get(c.id)).status is Status.ACTIVE

    async def test_the_sandbox_works_at_night_and_on_weekends(self, store: Store) -> None:
        """`make run` tried at 3 a.m. on a Saturday still shows the agent at work: the sandbox
        is for trying the agent, not a lead's inbox, so the send window does not hold it."""
        c = await add_contact(store, name="Игорь", email="igor@kolosok.example")
        saturday_night = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
        await run_until_idle(store, saturday_night)
        assert len(await outgoing(store, c.id)) == 1


class TestReplies:
    async def test_presentation_is_sent_with_the_pdf(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Пришлите, пожалуйста, презентацию")
        last = (await outgoing(store, c.id))[-1]
        assert last.attachments == ["presentation.pdf"]

    async def test_stop_stops_and_confirms_once(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Больше не пишите нам, не интересно")
        assert (await store.contacts.get(c.id)).status is Status.STOPPED
        await reply(store, c.id, "Я же просил не писать!", WEDNESDAY + timedelta(hours=2))
        later = WEDNESDAY + timedelta(days=30)
        await run_until_idle(store, later)
        kinds = [m.decision for m in await outgoing(store, c.id)]
        assert kinds == ["first", "stop_confirm"]

    async def test_demo_tells_the_manager(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Давайте созвонимся, покажите демо")
        assert (await store.contacts.get(c.id)).status is Status.DEMO
        notes = await store.notifications.open()
        assert [n["kind"] for n in notes] == ["manager_demo"]

    async def test_a_slot_picked_from_the_offer_is_booked_with_an_invitation(
            self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Давайте покажете демо")
        offered = (await store.contacts.get(c.id)).offered_slots
        assert len(offered) == 3
        pick = offered[1].astimezone(ZoneInfo("Europe/Moscow"))
        await reply(store, c.id, f"Давайте {pick.day}-го в {pick.hour}:00, подходит",
                    at=WEDNESDAY + timedelta(hours=2))
        booked = await store.contacts.get(c.id)
        assert booked.status is Status.DEMO and booked.demo_at == offered[1]
        assert booked.wake_at is None  # no follow-ups, no reminders
        assert (await outgoing(store, c.id))[-1].decision == "demo_confirm"
        notes = [n["kind"] for n in await store.notifications.open()]
        assert "manager_booking" in notes

    async def test_redirect_writes_to_the_colleague_without_naming_the_referrer(
            self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id,
                    "Это не ко мне, напишите нашему маркетологу anna.petrova@bodroe.example")
        assert (await store.contacts.get(c.id)).status is Status.REDIRECTED
        colleague = await store.contacts.get("anna.petrova@bodroe.example")
        assert colleague.referred_by == c.id
        (intro,) = await outgoing(store, colleague.id)
        assert intro.decision == "redirect_intro"
        assert "Ольга" not in intro.text and "Смирнова" not in intro.text

    async def test_later_acknowledges_and_reminds_on_the_date(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Напишите после 15 декабря, сейчас некогда")
        contact = await store.contacts.get(c.id)
        assert contact.status is Status.LATER
        assert contact.until is not None and contact.until.date().isoformat() >= "2026-12-15"
        await run_until_idle(store, datetime(2026, 12, 10, 7, 0, tzinfo=UTC))
        assert [m.decision for m in await outgoing(store, c.id)] == ["first", "later_ack"]
        await run_until_idle(store, datetime(2026, 12, 17, 7, 0, tzinfo=UTC))
        assert [m.decision for m in await outgoing(store, c.id)][-1] == "reminder"
        assert (await store.contacts.get(c.id)).status is Status.ACTIVE


class TestSilence:
    async def test_two_follow_ups_then_ignored(self, store: Store) -> None:
        c = await lead(store)
        for days in (5, 20, 40):
            await run_until_idle(store, WEDNESDAY + timedelta(days=days))
        kinds = [m.decision for m in await outgoing(store, c.id)]
        assert kinds == ["first", "followup", "followup"]
        assert (await store.contacts.get(c.id)).status is Status.IGNORED

    async def test_a_reply_cancels_the_follow_up(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Спасибо, интересно", WEDNESDAY + timedelta(hours=1))
        await run_until_idle(store, WEDNESDAY + timedelta(days=4))
        kinds = [m.decision for m in await outgoing(store, c.id)]
        assert "followup" not in kinds


class TestNothingTwice:
    async def test_a_replayed_inbox_item_sends_nothing_new(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Пришлите презентацию")
        before = await store.outbox.count()
        kept = await store.inbox.collection.find_one({"type": "reply"})
        assert kept["classification"]["intent"] == "presentation"  # decided once, kept
        await store.inbox.collection.update_many({}, {"$set": {"status": "pending"}})
        await run_until_idle(store, WEDNESDAY + timedelta(hours=2))
        assert await store.outbox.count() == before
        assert len(await outgoing(store, c.id)) == 2

    async def test_stop_beats_an_already_queued_follow_up(self, store: Store) -> None:
        c = await add_contact(store, name="Пётр", email="petr@example.com")
        await run_workers(store, load_settings(), {"logic", "scheduler"}, until_idle=True,
                          clock=Clock(WEDNESDAY))  # first message queued, not yet sent
        await stop_contact(store, c.id)
        await run_until_idle(store)
        assert await outgoing(store, c.id) == []

    @pytest.mark.parametrize("text", ["", "🙂🙂🙂", "\x00\x01\x02 binary", "a" * 1_000_000])
    async def test_odd_replies_are_kept_and_never_crash(self, store: Store, text: str) -> None:
        c = await lead(store)
        await reply(store, c.id, text)
        inbound = [m for m in await store.messages.for_contact(c.id) if m.direction == "in"]
        assert len(inbound) == 1


class TestLeadAnalytics:
    async def test_first_message_quotes_their_numbers_and_answers_carry_the_chart(
            self, store: Store) -> None:
        from sales_agent.analytics.format import format_share
        from sales_agent.analytics.importer import import_reviews
        from sales_agent.analytics.service import company_facts
        from tests.conftest import SHARED

        await import_reviews(store, SHARED / "samples" / "reviews.csv")
        c = await lead(store, company="Кофейная компания «Бодрое утро»",
                       email="olga@bodroe-utro.example")
        facts = await company_facts(store, c.company, chart=False)
        assert facts is not None
        lungo = facts.product("Капсулы Лунго 10 шт")
        (first,) = await outgoing(store, c.id)
        assert format_share(lungo.negative_share) in first.text
        await reply(store, c.id, "Интересно. Чем сервис поможет нашим товарам?")
        answer = (await outgoing(store, c.id))[-1]
        assert any(name.endswith(".png") for name in answer.attachments), answer.attachments


class TestLanguage:
    async def test_a_latin_only_lead_starts_in_english_and_the_reply_language_wins(
            self, store: Store) -> None:
        c = await lead(store, name="Anna Berg", company="Northwind Cafe",
                       email="anna.berg@northwind.example", products=[])
        (first,) = await outgoing(store, c.id)
        assert first.text.startswith("Hi Anna")
        await reply(store, c.id, "Пришлите, пожалуйста, презентацию")
        answer = (await outgoing(store, c.id))[-1]
        assert "презентац" in answer.text.lower()
