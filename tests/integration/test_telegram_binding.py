"""Deep-link binding over the real store, with /start arriving through the bot channel."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from sales_agent.channels.base import IncomingMessage
from sales_agent.channels.telegram_bot import TelegramBotChannel
from sales_agent.service.contacts import add_contact
from sales_agent.service.telegram_binding import (
    bind_start,
    deep_link,
    ensure_bot_token,
    new_bot_token,
)
from sales_agent.settings import load_settings
from sales_agent.store.timeutil import now_utc
from tests.fixtures.telegram import FakeUser


@pytest.fixture
async def bot(telegram_env: dict[str, str]) -> AsyncIterator[TelegramBotChannel]:
    channel = TelegramBotChannel.from_settings(load_settings(), poll_timeout=1)
    yield channel
    await channel.close()


async def next_message(bot: TelegramBotChannel) -> IncomingMessage:
    async def _one() -> IncomingMessage:
        async for msg in bot.receive():
            await bot.acknowledge(msg)
            return msg
        raise AssertionError("receive ended")
    return await asyncio.wait_for(_one(), 10)


async def test_tokens_are_unguessable_and_links_point_at_the_bot():
    tokens = {new_bot_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(t) >= 20 for t in tokens)
    assert deep_link("@napoleon_bot", "abc") == "https://t.me/napoleon_bot?start=abc"


async def test_ensure_bot_token_is_stable(store):
    lead = await add_contact(store, name="Ольга", company="ВкусВилл", email="olga@vv.example")
    token = await ensure_bot_token(store, lead)
    again = await ensure_bot_token(store, await store.contacts.get(lead.id))
    assert token == again and (await store.contacts.get(lead.id)).bot_token == token


async def test_start_with_token_binds_the_chat_once(store, bot, telegram_api):
    lead = await add_contact(store, name="Ольга", company="ВкусВилл", email="olga@vv.example")
    token = await ensure_bot_token(store, lead)
    await telegram_api.push_start(101, token, FakeUser(101, "Ольга", None, username="olga_vv"))
    contact, created = await bind_start(store, await next_message(bot), now_utc())
    assert (contact.id, created, contact.telegram_chat_id) == (lead.id, False, 101)
    assert contact.telegram == "@olga_vv" and contact.bot_token is None

    await telegram_api.push_start(202, token, FakeUser(202, "Чужой", "Человек"))
    other, created = await bind_start(store, await next_message(bot), now_utc())
    assert created and other.id != lead.id and other.telegram_chat_id == 202
    assert (await store.contacts.get(lead.id)).telegram_chat_id == 101


async def test_start_without_payload_creates_a_contact_from_the_profile(store, bot,
                                                                        telegram_api):
    await telegram_api.push_start(303, user=FakeUser(303, "Pat", "Smith", username="pat_s",
                                                     language_code="en"))
    contact, created = await bind_start(store, await next_message(bot), now_utc())
    assert created and (contact.name, contact.company) == ("Pat Smith", "")
    assert (contact.telegram, contact.telegram_chat_id, contact.language) == (
        "@pat_s", 303, "en")
    await telegram_api.push_start(303, user=FakeUser(303, "Pat", "Smith", username="pat_s"))
    again, created = await bind_start(store, await next_message(bot), now_utc())
    assert again.id == contact.id and not created


async def test_start_without_payload_finds_the_lead_by_username(store, bot, telegram_api):
    lead = await add_contact(store, name="Игорь", company="Лента", telegram="@igor_lenta")
    await telegram_api.push_start(404, user=FakeUser(404, "Игорь", None, username="Igor_Lenta"))
    contact, created = await bind_start(store, await next_message(bot), now_utc())
    assert (contact.id, created, contact.telegram_chat_id) == (lead.id, False, 404)


async def test_profile_without_username_still_makes_a_contact(store, bot, telegram_api):
    await telegram_api.push_start(505, user=FakeUser(505, "Без", "Ника"))
    contact, created = await bind_start(store, await next_message(bot), now_utc())
    assert created and contact.telegram is None and contact.telegram_chat_id == 505


async def test_token_moves_a_chat_bound_earlier_without_token(store, bot, telegram_api):
    await telegram_api.push_start(606, user=FakeUser(606, "Аня", None))
    stray, _ = await bind_start(store, await next_message(bot), now_utc())
    lead = await add_contact(store, name="Анна", company="X5", email="anna@x5.example")
    await telegram_api.push_start(606, await ensure_bot_token(store, lead), FakeUser(606, "Аня"))
    contact, created = await bind_start(store, await next_message(bot), now_utc())
    assert (contact.id, created, contact.telegram_chat_id) == (lead.id, False, 606)
    assert (await store.contacts.get(stray.id)).telegram_chat_id is None


async def test_user_account_chat_is_bound_from_the_receipt_and_found_by_reply(store):
    from sales_agent.service.telegram_binding import bind_chat, chat_of, find_chat_contact

    lead = await add_contact(store, name="Игорь", company="Лента", telegram="@igor_lenta")
    assert chat_of("tgu:702:15") == 702 and chat_of("email:<x@y>") is None
    bound = await bind_chat(store, lead, 702, now_utc())
    assert bound.telegram_chat_id == 702
    reply = IncomingMessage(channel="telegram", key="tgu:702:16", sender="tg:702", text="Да",
                            at=now_utc(), chat_id=702, headers={"username": ""})
    assert (await find_chat_contact(store, reply, now_utc())).id == lead.id
    stranger = IncomingMessage(channel="telegram", key="tgu:9:1", sender="tg:9", text="?",
                               at=now_utc(), chat_id=9, headers={"username": ""})
    assert await find_chat_contact(store, stranger, now_utc()) is None
