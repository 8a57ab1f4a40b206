"""The agent over the Telegram Bot API, aiogram unmodified, against a local Bot API server:
a lead binds by the deep link, asks for the presentation, sends a sticker, stops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sales_agent.domain.model import Status
from sales_agent.service.contacts import add_contact
from sales_agent.service.telegram_binding import ensure_bot_token
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures.telegram import FakeBotApi, FakeUser

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
ROLES = {"logic", "scheduler", "telegram"}
CHAT = 777001


async def run(store: Store, at: datetime = WEDNESDAY) -> None:
    await run_workers(store, load_settings(), ROLES, until_idle=True, clock=Clock(at))


async def test_deep_link_binds_then_every_reply_is_answered_in_the_chat(
        store: Store, telegram_api: FakeBotApi, telegram_env: dict[str, str]) -> None:
    lead = FakeUser(CHAT, "Ольга", "Смирнова", username="olga_smirnova")
    contact = await add_contact(store, name="Ольга Смирнова", company="ООО «Бодрое утро»",
                                email="olga@bodroe.example")
    token = await ensure_bot_token(store, contact)
    await telegram_api.push_start(CHAT, token, lead)
    await run(store)
    (hello,) = await telegram_api.wait_sent(CHAT, 1)
    assert "Ольга" in hello["text"]
    bound = await store.contacts.get(contact.id)
    assert bound.telegram_chat_id == CHAT and bound.bot_token is None and bound.bot_started

    await telegram_api.push_text(CHAT, "Пришлите презентацию, пожалуйста", lead)
    await run(store, WEDNESDAY + timedelta(hours=1))
    sent = await telegram_api.wait_sent(CHAT, 3)
    docs = [m for m in sent if m["method"] == "sendDocument"]
    assert [d["document"]["file_name"] for d in docs] == ["presentation.pdf"]
    assert docs[0]["data"].startswith(b"%PDF")

    await telegram_api.push_sticker(CHAT, lead)
    await run(store, WEDNESDAY + timedelta(hours=2))
    inbound = [m for m in await store.messages.for_contact(contact.id) if m.direction == "in"]
    assert inbound[-1].text == ""
    count = len(telegram_api.sent_to(CHAT))

    await telegram_api.push_stop(CHAT, lead)
    await run(store, WEDNESDAY + timedelta(hours=3))
    assert (await store.contacts.get(contact.id)).status is Status.STOPPED
    await run(store, WEDNESDAY + timedelta(days=30))
    assert len(telegram_api.sent_to(CHAT)) <= count + 1  # one confirmation, then silence


async def test_start_without_a_link_creates_the_lead_from_the_profile(
        store: Store, telegram_api: FakeBotApi, telegram_env: dict[str, str]) -> None:
    await telegram_api.push_start(CHAT + 1, None, FakeUser(CHAT + 1, "Игорь", "Лебедев",
                                                          username="igor_kolosok"))
    await run(store)
    contact = await store.contacts.get("@igor_kolosok")
    assert contact.name == "Игорь Лебедев" and contact.status is Status.ACTIVE
    assert len(await telegram_api.wait_sent(CHAT + 1, 1)) == 1
