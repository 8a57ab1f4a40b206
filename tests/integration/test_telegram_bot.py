"""The bot channel, unmodified aiogram, against the local Bot API server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sales_agent.channels.base import IncomingMessage, OutgoingMessage
from sales_agent.channels.telegram_bot import TelegramBotChannel
from sales_agent.errors import PermanentChannelError, TransientChannelError
from sales_agent.settings import load_settings
from tests.fixtures.telegram import FakeUser

CHAT = 5550001


@pytest.fixture
async def bot(telegram_env: dict[str, str]) -> AsyncIterator[TelegramBotChannel]:
    channel = TelegramBotChannel.from_settings(load_settings(), poll_timeout=1, error_pause=0.1)
    yield channel
    await channel.close()


async def take(channel: TelegramBotChannel, n: int, *, ack: bool = True,
               timeout: float = 10) -> list[IncomingMessage]:
    got: list[IncomingMessage] = []

    async def _collect() -> None:
        async for msg in channel.receive():
            got.append(msg)
            if ack:
                await channel.acknowledge(msg)
            if len(got) == n:
                return

    await asyncio.wait_for(_collect(), timeout)
    return got


def out(text: str = "", *attachments: Path, to: int = CHAT) -> OutgoingMessage:
    return OutgoingMessage(key=f"k-{text[:10]}-{len(text)}", contact_id="c1", channel="telegram",
                           to=str(to), text=text, attachments=attachments)


class TestReceive:
    async def test_text_arrives_with_chat_sender_and_username(self, bot, telegram_api):
        user = FakeUser(CHAT, "Ольга", "Смирнова", username="Olga_S")
        await telegram_api.push_text(CHAT, "Пришлите презентацию", user=user)
        [msg] = await take(bot, 1)
        assert msg.channel == "telegram" and msg.text == "Пришлите презентацию"
        assert msg.key.startswith(f"tg:{CHAT}:") and msg.sender == f"tg:{CHAT}"
        assert msg.chat_id == CHAT and msg.sender_name == "Ольга Смирнова"
        assert msg.headers["username"] == "@olga_s" and msg.kind == "text"
        assert msg.command is None

    async def test_start_and_stop_come_as_commands(self, bot, telegram_api):
        await telegram_api.push_start(CHAT, "tok123")
        await telegram_api.push_start(CHAT)
        await telegram_api.push_stop(CHAT)
        got = await take(bot, 3)
        assert [m.command for m in got] == ["/start tok123", "/start", "/stop"]

    @pytest.mark.parametrize("push,kind", [("push_sticker", "sticker"), ("push_photo", "photo"),
                                           ("push_voice", "voice")])
    async def test_non_text_comes_with_kind_and_empty_text(self, bot, telegram_api, push, kind):
        await getattr(telegram_api, push)(CHAT)
        [msg] = await take(bot, 1)
        assert msg.kind == kind and msg.text == "" and len(msg.attachments) == 1

    async def test_document_keeps_caption_and_name_and_downloads(self, bot, telegram_api,
                                                                 tmp_path):
        await telegram_api.push_document(CHAT, "прайс.xlsx", b"PK\x03\x04data", caption="вот")
        [msg] = await take(bot, 1)
        assert (msg.kind, msg.text, msg.attachments) == ("document", "вот", ("прайс.xlsx",))
        dest = await bot.download(msg.headers["file_id"], tmp_path / "f.bin")
        assert dest.read_bytes() == b"PK\x03\x04data"

    async def test_malformed_update_is_logged_and_skipped(self, bot, telegram_api, caplog):
        await telegram_api.push_raw({"message": {"message_id": "x", "chat": "nope"}})
        await telegram_api.push_raw({"edited_message": {"message_id": 1}})
        telegram_api.updates.append("garbage")  # type: ignore[arg-type]  # not even a dict
        await telegram_api.push_text(CHAT, "после мусора")
        with caplog.at_level(logging.INFO):
            [msg] = await take(bot, 1)
        assert msg.text == "после мусора"
        assert any("malformed" in r.getMessage() for r in caplog.records)
        assert sum("update" in r.getMessage() for r in caplog.records) >= 2

    async def test_unacknowledged_message_comes_back_after_a_restart(self, telegram_env,
                                                                      telegram_api):
        await telegram_api.push_text(CHAT, "первое")
        first = TelegramBotChannel.from_settings(load_settings(), poll_timeout=1)
        [lost] = await take(first, 1, ack=False)
        await first.close()
        second = TelegramBotChannel.from_settings(load_settings(), poll_timeout=1)
        try:
            [again] = await take(second, 1)
        finally:
            await second.close()
        assert again.key == lost.key

    async def test_acknowledged_message_is_not_yielded_again(self, telegram_env, telegram_api):
        await telegram_api.push_text(CHAT, "раз")
        first = TelegramBotChannel.from_settings(load_settings(), poll_timeout=1)
        await take(first, 1)
        await first.close()
        assert telegram_api.updates == []  # confirmed on close
        await telegram_api.push_text(CHAT, "два")
        second = TelegramBotChannel.from_settings(load_settings(), poll_timeout=1)
        try:
            [msg] = await take(second, 1)
        finally:
            await second.close()
        assert msg.text == "два"


class TestSend:
    async def test_plain_text_arrives_as_is(self, bot, telegram_api):
        telegram_api.known_chats.add(CHAT)
        receipt = await bot.send(out("Цена <b>от</b> 5 000 ₽ & без НДС"))
        [sent] = telegram_api.sent_to(CHAT)
        assert sent["text"] == "Цена <b>от</b> 5 000 ₽ & без НДС"
        assert receipt.message_id == f"tg:{CHAT}:{sent['message_id']}"
        assert "parse_mode" not in telegram_api.calls_of("sendMessage")[0]

    async def test_long_text_is_split_on_paragraphs_within_the_limit(self, bot, telegram_api):
        telegram_api.known_chats.add(CHAT)
        paragraphs = [f"Абзац {i}. " + "слово " * 300 for i in range(6)]
        receipt = await bot.send(out("\n\n".join(paragraphs)))
        sent = telegram_api.sent_to(CHAT)
        assert len(sent) >= 2 and all(len(s["text"]) <= 4096 for s in sent)
        assert all(s["text"].startswith("Абзац") for s in sent)
        assert " ".join(s["text"] for s in sent).split() == "\n\n".join(paragraphs).split()
        assert receipt.message_id.endswith(f":{sent[-1]['message_id']}")

    async def test_document_goes_as_multipart_attach_and_bytes_arrive(self, bot, telegram_api,
                                                                      tmp_path):
        telegram_api.known_chats.add(CHAT)
        pdf = tmp_path / "presentation.pdf"
        pdf.write_bytes(b"%PDF-1.4 napoleon" * 100)
        await bot.send(out("Презентация во вложении", pdf))
        text, doc = telegram_api.sent_to(CHAT)
        assert text["text"] == "Презентация во вложении"
        assert doc["document"]["file_name"] == "presentation.pdf"
        assert doc["data"] == pdf.read_bytes()
        assert telegram_api.calls_of("sendDocument")[0]["document"].startswith("attach://")

    async def test_the_chart_goes_as_a_photo_with_its_one_line_caption(self, bot, telegram_api,
                                                                       tmp_path):
        telegram_api.known_chats.add(CHAT)
        chart = tmp_path / "reviews-abc-def.png"
        chart.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
        message = OutgoingMessage(key="k-chart", contact_id="c1", channel="telegram",
                                  to=str(CHAT), text="Ольга, добрый день! Вот разбор.",
                                  attachments=(chart,), caption="Доля негатива по товарам.")
        await bot.send(message)
        text, photo = telegram_api.sent_to(CHAT)
        assert text["method"] == "sendMessage" and photo["method"] == "sendPhoto"
        assert photo["caption"] == "Доля негатива по товарам."
        assert photo["data"] == chart.read_bytes()
        assert telegram_api.calls_of("sendDocument") == []

    async def test_429_storm_is_waited_out_and_the_message_sent_once(self, bot, telegram_api):
        telegram_api.known_chats.add(CHAT)
        telegram_api.fail_next(3, retry_after=1)
        started = asyncio.get_running_loop().time()
        await bot.send(out("после шторма"))
        elapsed = asyncio.get_running_loop().time() - started
        assert [s["text"] for s in telegram_api.sent_to(CHAT)] == ["после шторма"]
        assert len(telegram_api.calls_of("sendMessage")) == 4 and elapsed >= 3

    async def test_429_beyond_the_budget_gives_the_item_back(self, telegram_env, telegram_api):
        telegram_api.known_chats.add(CHAT)
        telegram_api.fail_next(1, retry_after=120)
        channel = TelegramBotChannel.from_settings(load_settings(), max_retry_wait=10)
        try:
            with pytest.raises(TransientChannelError) as e:
                await channel.send(out("позже"))
        finally:
            await channel.close()
        assert e.value.retry_after == 120 and telegram_api.sent_to(CHAT) == []

    async def test_parts_already_sent_are_not_repeated_on_retry(self, bot, telegram_api):
        telegram_api.known_chats.add(CHAT)
        long = "\n\n".join("Абзац. " + "слово " * 600 for _ in range(2))
        bot.max_retry_wait = 0  # a 429 gives the item back to the outbox at once
        telegram_api.fail_next(1, retry_after=1, after=1)  # the second part hits it
        with pytest.raises(TransientChannelError):
            await bot.send(out(long))
        assert len(telegram_api.sent_to(CHAT)) == 1
        await bot.send(out(long))
        assert [s["text"][:6] for s in telegram_api.sent_to(CHAT)] == ["Абзац."] * 2

    @pytest.mark.parametrize("refuse,words", [("block", "blocked"),
                                              ("deactivate", "deactivated")])
    async def test_refused_chat_is_permanent(self, bot, telegram_api, refuse, words):
        telegram_api.known_chats.add(CHAT)
        getattr(telegram_api, refuse)(CHAT)
        with pytest.raises(PermanentChannelError, match=words):
            await bot.send(out("привет"))

    async def test_unknown_chat_is_permanent(self, bot, telegram_api):
        with pytest.raises(PermanentChannelError, match="not found"):
            await bot.send(out("привет", to=777))

    async def test_handle_instead_of_chat_id_is_permanent(self, bot):
        with pytest.raises(PermanentChannelError, match="/start"):
            await bot.send(OutgoingMessage(key="k", contact_id="c", channel="telegram",
                                           to="@someone", text="hi"))

    async def test_file_over_50_mb_is_permanent_and_nothing_is_sent(self, bot, telegram_api,
                                                                    tmp_path):
        telegram_api.known_chats.add(CHAT)
        big = tmp_path / "video.mp4"
        with big.open("wb") as f:
            f.truncate(50 * 1024 * 1024 + 1)  # sparse: costs no disk
        with pytest.raises(PermanentChannelError, match="50 MB"):
            await bot.send(out("видео", big))
        assert telegram_api.sent_to(CHAT) == []


class TestUnreachable:
    async def test_send_to_a_dead_server_is_transient_without_the_token(self, settings_env,
                                                                         monkeypatch):
        monkeypatch.setenv("SALES_AGENT_TELEGRAM_BOT_TOKEN", "42:dead_token_value")
        monkeypatch.setenv("SALES_AGENT_TELEGRAM_API_BASE", "http://127.0.0.1:9")
        channel = TelegramBotChannel.from_settings(load_settings())
        try:
            with pytest.raises(TransientChannelError) as e:
                await channel.send(out("привет"))
        finally:
            await channel.close()
        assert "dead_token_value" not in str(e.value)

    async def test_receive_outlives_a_server_outage(self, bot, telegram_api, caplog):
        real = telegram_api._m_getUpdates
        outages = []

        async def flaky(params, uploads):
            if not outages:
                outages.append(1)
                from tests.fixtures.telegram import _error
                return _error(502, "Bad Gateway")
            return await real(params, uploads)

        telegram_api._m_getUpdates = flaky
        await telegram_api.push_text(CHAT, "после сбоя")
        with caplog.at_level(logging.WARNING):
            [msg] = await take(bot, 1)
        assert msg.text == "после сбоя" and outages
        assert any("getUpdates failed" in r.getMessage() for r in caplog.records)


async def test_caught_up_only_after_the_backlog_is_yielded(bot, telegram_api):
    await telegram_api.push_text(CHAT, "раз")
    await telegram_api.push_text(CHAT, "два")
    assert bot.caught_up is False
    stream = bot.receive()
    await bot.acknowledge(await anext(stream))
    assert bot.caught_up is False
    await bot.acknowledge(await anext(stream))
    await telegram_api.push_text(CHAT, "три")
    third = await asyncio.wait_for(anext(stream), 10)
    assert third.text == "три"
    await bot.acknowledge(third)
    task = asyncio.create_task(anext(stream))
    await asyncio.sleep(0.3)
    assert bot.caught_up is True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
