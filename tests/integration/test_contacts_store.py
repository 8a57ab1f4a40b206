"""Contacts against the real wire server: uniqueness by index, lookups by any key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sales_agent.domain.model import Status
from sales_agent.errors import ContactError, ContactNotFound, DuplicateContact, InvalidContact
from sales_agent.service.contacts import add_contact, build_contact, reset_contact
from sales_agent.service.conversation import stop_contact
from sales_agent.store import Store
from tests.conftest import random_ref


class TestAddContact:
    async def test_email_is_unique_case_insensitively(self, store: Store) -> None:
        email = f"{random_ref('lead')}@example.com"
        await add_contact(store, name="Ольга", company="Бодрое утро", email=email.upper())
        with pytest.raises(DuplicateContact) as e:
            await add_contact(store, name="Другая", email=email)
        assert e.value.field == "email"

    async def test_handle_is_normalised_and_unique(self, store: Store) -> None:
        await add_contact(store, name="Игорь", telegram="t.me/Igor_Kolosok")
        found = await store.contacts.get("@igor_kolosok")
        assert found.telegram == "@igor_kolosok"
        with pytest.raises(DuplicateContact):
            await add_contact(store, name="Игорь 2", telegram="@IGOR_KOLOSOK")

    async def test_many_contacts_without_email_coexist(self, store: Store) -> None:
        await add_contact(store, name="A", telegram="@alpha_one")
        await add_contact(store, name="B", telegram="@beta_two")
        assert len(await store.contacts.list()) == 2

    @pytest.mark.parametrize(("fields", "reason"), [
        ({"name": "", "email": "a@b.example"}, "name"),
        ({"name": "X", "email": "not-an-email"}, "invalid email"),
        ({"name": "X", "telegram": "@a b"}, "invalid Telegram"),
        ({"name": "X"}, "email or a Telegram"),
    ])
    async def test_rejects_invalid_fields(self, store: Store, fields: dict, reason: str) -> None:
        with pytest.raises(InvalidContact, match=reason):
            await add_contact(store, **fields)


class TestFindAndReset:
    async def test_unknown_key_raises(self, store: Store) -> None:
        with pytest.raises(ContactNotFound):
            await store.contacts.get("nobody@example.com")

    async def test_reset_returns_to_new_and_bumps_epoch(self, store: Store) -> None:
        c = await add_contact(store, name="Анна", email="anna@example.com")
        await store.contacts.update(c.id, status=Status.ACTIVE, followups_sent=2)
        again = await reset_contact(store, c.id)
        assert again.status is Status.NEW and again.followups_sent == 0
        assert again.epoch == c.epoch + 1

    async def test_reset_keeps_a_stop_unless_forced(self, store: Store) -> None:
        c = await add_contact(store, name="Анна", email="anna@example.com")
        await stop_contact(store, c.id)
        with pytest.raises(ContactError, match="asked not to be contacted"):
            await reset_contact(store, c.id)
        again = await reset_contact(store, c.id, force=True)
        assert again.status is Status.NEW
        assert not await store.suppression.blocks("email:anna@example.com")


class TestConsoleReads:
    async def test_newest_comes_first_and_the_status_filters(self, store: Store) -> None:
        t0 = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
        old, mid, new = (build_contact(n, email=f"{random_ref(n)}@example.com",
                                       now=t0 + timedelta(minutes=i))
                         for i, n in enumerate(("old", "mid", "new")))
        for c in (mid, new, old):
            await store.contacts.add(c)
        await store.contacts.update(mid.id, status=Status.DEMO)
        assert [c.id for c in await store.contacts.newest()] == [new.id, mid.id, old.id]
        assert [c.id for c in await store.contacts.newest(limit=2)] == [new.id, mid.id]
        assert [c.id for c in await store.contacts.newest(Status.NEW)] == [new.id, old.id]
        assert await store.contacts.ids_with_status(Status.DEMO) == [mid.id]

    async def test_a_notification_is_read_by_its_key(self, store: Store) -> None:
        await store.notifications.add("n1", contact_id="c1", kind="handoff", reason="why",
                                      text="hi", at=1.0)
        found = await store.notifications.get("n1")
        assert found is not None and (found["contact_id"], found["status"]) == ("c1", "open")
        assert await store.notifications.get("n2") is None
