"""The store port's two adapters answer alike: the MongoDB repositories on the wire server and
the in-memory ones the fast engine tests use (tests/unit/test_engine_fast.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sales_agent.domain.model import Status
from sales_agent.service.contacts import build_contact
from sales_agent.store import Store
from sales_agent.store.corrections import Correction, OldVerdict
from sales_agent.store.items import OutboxItem
from sales_agent.store.memory import MemoryStore
from sales_agent.store.port import StorePort

T0 = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


@pytest.fixture(params=["wire", "memory"])
def port(request: pytest.FixtureRequest) -> StorePort:
    if request.param == "memory":
        return MemoryStore()
    store: Store = request.getfixturevalue("store")
    return store


def mail(key: str, **fields: Any) -> OutboxItem:
    return OutboxItem(**{"key": key, "route": "email", "channel": "email", "contact_id": "c1",
                         "to": "a@b.example", "text": "hello"} | fields)


class TestQueue:
    async def test_a_key_is_queued_once(self, port: StorePort) -> None:
        assert await port.outbox.put(mail("k"), due=1.0)
        assert not await port.outbox.put(mail("k", text="again"), due=1.0)
        item = await port.outbox.get("k")
        assert item is not None and item.text == "hello" and item.due == 1.0

    async def test_the_oldest_due_item_is_claimed_and_held_until_its_lease_ends(
            self, port: StorePort) -> None:
        await port.outbox.put(mail("late"), due=5.0)
        await port.outbox.put(mail("early"), due=2.0)
        await port.outbox.put(mail("future"), due=50.0)
        first = await port.outbox.claim_due("a", now=10.0, lease=5.0, wall=100.0)
        second = await port.outbox.claim_due("b", now=10.0, lease=5.0, wall=100.0)
        assert first is not None and second is not None
        assert (first.key, second.key) == ("early", "late")
        assert await port.outbox.claim_due("b", now=10.0, lease=5.0, wall=101.0) is None
        again = await port.outbox.claim_due("b", now=10.0, lease=5.0, wall=106.0)
        assert again is not None and again.key == "early"
        assert again.queue.attempts == 2 and again.queue.owner == "b"
        assert again.queue.lease_until == 111.0
        assert again == await port.outbox.get("early")  # the claim is what is stored
        assert not await port.outbox.complete(first.id, "a", now=10.0)
        assert await port.outbox.complete(again.id, "b", now=10.0)

    async def test_a_release_keeps_the_place_and_is_not_an_attempt_to_fail_on(
            self, port: StorePort) -> None:
        await port.outbox.put(mail("k"), due=1.0)
        item = await port.outbox.claim_due("a", now=2.0, lease=60.0, wall=10.0)
        assert item is not None
        await port.outbox.release(item.id, "a", error="smtp down")
        back = await port.outbox.claim_due("b", now=2.0, lease=60.0, wall=11.0)
        assert back is not None and back.queue.outage_claims == 1
        assert back.queue.last_error == "smtp down"

    async def test_a_retry_moves_the_due_time(self, port: StorePort) -> None:
        await port.outbox.put(mail("k"), due=1.0)
        item = await port.outbox.claim_due("a", now=2.0, lease=60.0, wall=10.0)
        assert item is not None
        await port.outbox.retry_at(item.id, "a", at=30.0, error="busy")
        assert await port.outbox.claim_due("a", now=29.0, lease=60.0, wall=11.0) is None
        assert await port.outbox.claim_due("a", now=30.0, lease=60.0, wall=11.0) is not None

    async def test_cancel_spares_notes_to_our_manager(
            self, port: StorePort) -> None:
        await port.outbox.put(mail("lead"), due=1.0)
        await port.outbox.put(mail("note", internal=True), due=1.0)
        assert await port.outbox.cancel({"contact_id": "c1", "internal": False},
                                        reason="stopped", now=2.0) == 1
        waiting = await port.outbox.pending_for("c1", internal=True)
        assert [w.key for w in waiting] == ["note"]
        assert await port.outbox.pending_for("c1") == []

    async def test_queued_keys_and_annotations(self, port: StorePort) -> None:
        await port.outbox.put(mail("a"), due=1.0)
        assert await port.outbox.queued_keys(["a", "b"]) == {"a"}
        item = await port.outbox.get("a")
        assert item is not None
        await port.outbox.annotate(item.id, wait_reason="window")
        again = await port.outbox.get("a")
        assert again is not None and again.wait_reason == "window"


class TestContacts:
    async def test_update_with_a_condition_and_the_company_order(self, port: StorePort) -> None:
        first = build_contact("Ольга", "Бодрое утро", email="olga@bodroe.example", now=T0)
        second = build_contact("Анна", "Бодрое утро", email="anna@bodroe.example",
                               now=T0 + timedelta(minutes=1))
        for c in (second, first):
            await port.contacts.add(c)
        assert sorted(await port.contacts.new_ids()) == sorted([(first.id, 0), (second.id, 0)])
        assert await port.contacts.company_members("Бодрое утро") == [first.id, second.id]
        assert [o.id for o in await port.contacts.colleagues(first)] == [second.id]
        assert await port.contacts.update(first.id, where={"bot_token": "x"}, note="no") is None
        updated = await port.contacts.update(first.id, status=Status.ACTIVE, wake_at=T0)
        assert updated is not None and updated.status is Status.ACTIVE and updated.wake_at == T0
        assert [c.id for c in await port.contacts.due(T0)] == [first.id]
        assert await port.contacts.new_ids() == [(second.id, 0)]

    async def test_colleagues_in_touch_are_those_who_wrote_or_said_stop(
            self, port: StorePort) -> None:
        lead = build_contact("Ольга", "Бодрое утро", email="olga@bodroe.example", now=T0)
        wrote = build_contact("Анна", "", email="anna@bodroe.example", now=T0)
        stopped = build_contact("Ирина", "Бодрое утро", email="irina@mail.example", now=T0)
        silent = build_contact("Вера", "Бодрое утро", email="vera@bodroe.example", now=T0)
        elsewhere = build_contact("Нина", "Другая", email="nina@other.example", now=T0)
        for c in (lead, wrote, stopped, silent, elsewhere):
            await port.contacts.add(c)
        await port.contacts.update(wrote.id, last_in_at=T0)
        await port.contacts.update(stopped.id, status=Status.STOPPED)
        await port.contacts.update(elsewhere.id, last_in_at=T0)
        in_touch = await port.contacts.colleagues_in_touch(lead)
        assert sorted(o.id for o in in_touch) == sorted([wrote.id, stopped.id])

    async def test_a_deep_link_token_binds_the_chat_once(self, port: StorePort) -> None:
        lead = build_contact("Ольга", "Бодрое утро", email="olga@bodroe.example", now=T0)
        await port.contacts.add(lead.model_copy(update={"bot_token": "t1"}))
        bound = await port.contacts.bind_chat_by_token("t1", 42, T0)
        assert bound is not None and bound.telegram_chat_id == 42 and bound.bot_token is None
        assert await port.contacts.bind_chat_by_token("t1", 43, T0) is None


def correction(message_id: str, contact_id: str, intent: str) -> Correction:
    return Correction(message_id=message_id, contact_id=contact_id, text="пишите в марте",
                      channel="email", language="ru", written_at=1.0, intents=(intent,),
                      old=OldVerdict("other"), operator="op", at=2.0)


class TestCorrections:
    async def test_the_version_moves_on_every_change_and_only_then(
            self, port: StorePort) -> None:
        before = await port.corrections.version()
        first = await port.corrections.save(correction("m1", "c1", "later"))
        saved = await port.corrections.version()
        assert saved != before
        assert await port.corrections.all() == [first]
        assert await port.corrections.version() == saved  # reading changes nothing
        again = await port.corrections.save(correction("m1", "c1", "interested"))
        replaced = await port.corrections.version()
        assert replaced not in (before, saved) and again.n == first.n
        assert await port.corrections.delete_for_contact("c1") == 1
        assert await port.corrections.version() not in (before, saved, replaced)
        assert await port.corrections.all() == []


class TestMessages:
    async def test_a_record_is_kept_once_and_found_by_its_id(self, port: StorePort) -> None:
        from sales_agent.domain.model import Direction, Message

        sent = Message(id="out:start:c1:0", contact_id="c1", direction=Direction.OUT,
                       channel="email", text="hello", at=T0, message_id="<m1@agent.example>")
        assert await port.messages.get(sent.id) is None
        assert await port.messages.record(sent) is True
        assert await port.messages.record(sent) is False  # a replay writes nothing
        assert (await port.messages.get(sent.id)) == sent
        assert await port.messages.get("out:other") is None
        found = await port.messages.find_by_message_id("<m1@agent.example>")
        assert found is not None and found.id == sent.id
