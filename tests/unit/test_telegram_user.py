"""The Telethon glue at its boundary: a Telethon-shaped fake client, real telethon.errors."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telethon import errors as tg

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.telegram_user import (
    PEER_FLOOD_LOG,
    AccountLedger,
    TelegramUserChannel,
    login,
)
from sales_agent.errors import ChannelAuthError, PermanentChannelError, TransientChannelError
from tests.fixtures.telegram import FakeTelethonClient, FakeTgMessage, FakeTgUser

OLGA = FakeTgUser(701, "Ольга", "Смирнова", username="olga_vv", phone="+79001234567")
IGOR = FakeTgUser(702, "Игорь", username="igor_lenta")


def out(to: str, text: str = "Здравствуйте!", *attachments: Path) -> OutgoingMessage:
    return OutgoingMessage(key=f"k-{to}", contact_id="c", channel="telegram", to=to, text=text,
                           attachments=attachments)


def channel(client: FakeTelethonClient, tmp_path: Path, cap: int = 40,
            **knobs) -> TelegramUserChannel:
    ledger = AccountLedger(tmp_path / "account.json", daily_new_chats=cap)
    return TelegramUserChannel(client, ledger=ledger, **knobs)


class TestSend:
    async def test_writes_first_by_handle(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        receipt = await channel(client, tmp_path).send(out("@olga_vv"))
        assert client.sent == [(701, "text", "Здравствуйте!")]
        assert receipt.message_id.startswith("tgu:701:")

    async def test_writes_first_by_phone(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        await channel(client, tmp_path).send(out("+7 900 123-45-67"))
        assert client.sent[0][0] == 701

    async def test_sends_documents_after_the_text(self, tmp_path):
        pdf = tmp_path / "presentation.pdf"
        pdf.write_bytes(b"%PDF")
        client = FakeTelethonClient(OLGA)
        await channel(client, tmp_path).send(out("@olga_vv", "Презентация", pdf))
        assert [kind for _, kind, _ in client.sent] == ["text", "file"]

    async def test_the_chart_goes_as_a_photo_with_its_caption_and_the_deck_as_a_file(
            self, tmp_path):
        chart, pdf = tmp_path / "reviews-a-b.png", tmp_path / "presentation.pdf"
        chart.write_bytes(b"\x89PNG")
        pdf.write_bytes(b"%PDF")
        client = FakeTelethonClient(OLGA)
        message = OutgoingMessage(key="k-chart", contact_id="c", channel="telegram",
                                  to="@olga_vv", text="Вот разбор.", attachments=(pdf, chart),
                                  caption="Доля негатива по товарам.")
        await channel(client, tmp_path).send(message)
        assert [kind for _, kind, _ in client.sent] == ["text", "file", "file"]
        assert client.captions == [None, "Доля негатива по товарам."]

    async def test_flood_wait_gives_the_item_back_with_telegrams_delay(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.fail_next("send_message", tg.FloodWaitError(request=None, capture=420))
        with pytest.raises(TransientChannelError) as e:
            await channel(client, tmp_path).send(out("@olga_vv"))
        assert e.value.retry_after == 420 and client.sent == []

    @pytest.mark.parametrize("method,error,reason", [
        ("send_message", tg.UserPrivacyRestrictedError(request=None), "privacy"),
        ("get_entity", tg.UsernameNotOccupiedError(request=None), "no Telegram account"),
        ("get_entity", tg.UsernameInvalidError(request=None), "not a valid"),
        ("send_message", tg.InputUserDeactivatedError(request=None), "deleted"),
        ("send_message", tg.UserIsBlockedError(request=None), "blocked"),
    ])
    async def test_address_errors_are_permanent_with_a_reason(self, tmp_path, method, error,
                                                              reason):
        client = FakeTelethonClient(OLGA)
        client.fail_next(method, error)
        with pytest.raises(PermanentChannelError, match=reason):
            await channel(client, tmp_path).send(out("@olga_vv"))

    async def test_unknown_handle_is_permanent(self, tmp_path):
        with pytest.raises(PermanentChannelError, match="@nobody_here"):
            await channel(FakeTelethonClient(), tmp_path).send(out("@nobody_here"))

    async def test_phone_without_account_is_permanent(self, tmp_path):
        with pytest.raises(PermanentChannelError, match="no Telegram account"):
            await channel(FakeTelethonClient(), tmp_path).send(out("+79990000000"))

    async def test_revoked_session_stops_the_channel_until_a_new_login(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.fail_next("send_message", tg.AuthKeyUnregisteredError(request=None))
        with pytest.raises(ChannelAuthError, match="telegram login"):
            await channel(client, tmp_path).send(out("@olga_vv"))

    async def test_not_logged_in_is_transient_and_says_what_to_do(self, tmp_path):
        client = FakeTelethonClient(OLGA, authorized=False)
        with pytest.raises(TransientChannelError, match="telegram login"):
            await channel(client, tmp_path).send(out("@olga_vv"))


class TestPeerFlood:
    async def test_pauses_the_account_logs_and_notifies(self, tmp_path, caplog):
        told: list[str] = []

        async def notify(text: str) -> None:
            told.append(text)

        client = FakeTelethonClient(OLGA, IGOR)
        client.fail_next("send_message", tg.PeerFloodError(request=None))
        ch = channel(client, tmp_path, notify=notify, peer_flood_pause=7200)
        with caplog.at_level(logging.ERROR), pytest.raises(TransientChannelError) as e:
            await ch.send(out("@olga_vv"))
        assert e.value.retry_after == 7200
        assert [r.getMessage() for r in caplog.records].count(PEER_FLOOD_LOG) == 1
        assert len(told) == 1 and told[0].startswith(PEER_FLOOD_LOG)
        with pytest.raises(TransientChannelError, match="paused"):
            await ch.send(out("@igor_lenta"))
        assert client.sent == [] and client.resolved == ["@olga_vv"]

    async def test_pause_survives_a_restart(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.fail_next("send_message", tg.PeerFloodError(request=None))
        with pytest.raises(TransientChannelError):
            await channel(client, tmp_path).send(out("@olga_vv"))
        with pytest.raises(TransientChannelError, match="paused"):
            await channel(client, tmp_path).send(out("@olga_vv"))


class TestDailyCap:
    async def test_new_chats_stop_at_the_cap_but_known_chats_go_on(self, tmp_path):
        client = FakeTelethonClient(OLGA, IGOR)
        ch = channel(client, tmp_path, cap=1)
        await ch.send(out("@olga_vv"))
        with pytest.raises(TransientChannelError, match="daily cap") as e:
            await ch.send(out("@igor_lenta"))
        assert 0 < e.value.retry_after <= 86400
        await ch.send(out("@olga_vv", "Второе письмо"))
        assert [peer for peer, _, _ in client.sent] == [701, 701]
        assert client.resolved == ["@olga_vv", 701]  # the handle is resolved once, then by id

    async def test_the_count_survives_a_restart(self, tmp_path):
        client = FakeTelethonClient(OLGA, IGOR)
        await channel(client, tmp_path, cap=1).send(out("@olga_vv"))
        with pytest.raises(TransientChannelError, match="daily cap"):
            await channel(client, tmp_path, cap=1).send(out("@igor_lenta"))

    def test_the_cap_resets_the_next_day(self, tmp_path):
        ledger = AccountLedger(tmp_path / "a.json", daily_new_chats=1)
        day1 = datetime(2026, 11, 24, 12, tzinfo=UTC)
        ledger.remember(1, "@a_user", new_chat_at=day1)
        assert ledger.cap_reached(day1)
        assert not ledger.cap_reached(datetime(2026, 11, 25, 0, 1, tzinfo=UTC))

    def test_ledger_file_is_owner_only(self, tmp_path):
        ledger = AccountLedger(tmp_path / "a.json")
        ledger.remember(1, "@a_user")
        assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o600


async def next_messages(ch: TelegramUserChannel, n: int, ack: bool = True):
    got = []

    async def _collect():
        async for msg in ch.receive():
            got.append(msg)
            if ack:
                await ch.acknowledge(msg)
            if len(got) == n:
                return

    await asyncio.wait_for(_collect(), 5)
    return got


class TestReceive:
    async def test_unread_messages_come_first_then_live_ones(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.unread[701] = [FakeTgMessage(5, 701, "пока вас не было", sender=OLGA)]
        ch = channel(client, tmp_path)
        task = asyncio.create_task(next_messages(ch, 2))
        await asyncio.sleep(0.05)
        await client.deliver(FakeTgMessage(6, 701, "а теперь", sender=OLGA))
        first, second = await task
        assert (first.text, second.text) == ("пока вас не было", "а теперь")
        assert first.key == "tgu:701:5" and first.sender == "tg:701" and first.chat_id == 701
        assert first.headers["username"] == "@olga_vv" and first.sender_name == "Ольга Смирнова"
        assert client.read[701] == 6 and client.handlers == []

    async def test_unacknowledged_message_comes_again_after_a_restart(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.unread[701] = [FakeTgMessage(9, 701, "важно", sender=OLGA)]
        [lost] = await next_messages(channel(client, tmp_path), 1, ack=False)
        [again] = await next_messages(channel(client, tmp_path), 1)
        assert again.key == lost.key and client.read[701] == 9

    async def test_sticker_and_voice_come_as_what_they_are(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.unread[701] = [
            FakeTgMessage(1, 701, sender=OLGA, sticker=object(), document=object()),
            FakeTgMessage(2, 701, sender=OLGA, voice=object(), document=object()),
            FakeTgMessage(3, 701, "смета", sender=OLGA, document=object(),
                          file=type("F", (), {"name": "смета.xlsx", "ext": ".xlsx"})()),
        ]
        got = await next_messages(channel(client, tmp_path), 3)
        assert [(m.kind, m.text) for m in got] == [("sticker", ""), ("voice", ""),
                                                   ("document", "смета")]
        assert got[2].attachments == ("смета.xlsx",) and got[1].attachments == ("voice_2.ogg",)

    async def test_a_writer_is_no_longer_a_new_chat(self, tmp_path):
        client = FakeTelethonClient(OLGA)
        client.unread[701] = [FakeTgMessage(1, 701, "привет", sender=OLGA)]
        ch = channel(client, tmp_path, cap=0)
        await next_messages(ch, 1)
        await ch.send(out("@olga_vv", "Отвечаю"))
        assert client.sent == [(701, "text", "Отвечаю")]

    async def test_unreadable_message_is_skipped_and_the_loop_goes_on(self, tmp_path, caplog):
        client = FakeTelethonClient(OLGA)
        client.unread[701] = [FakeTgMessage(1, "not-a-chat", "x", sender=OLGA),  # type: ignore
                              FakeTgMessage(2, 701, "дальше", sender=OLGA)]
        with caplog.at_level(logging.WARNING):
            [msg] = await next_messages(channel(client, tmp_path), 1)
        assert msg.text == "дальше" and any("skipped" in r.getMessage() for r in caplog.records)


class TestLogin:
    async def test_code_then_two_factor_password(self):
        client = FakeTelethonClient(authorized=False, password="s3cret")
        me = await login(client, "+79001112233", lambda: "12345", lambda: "s3cret")
        assert client.code_sent_to == "+79001112233" and client.authorized
        assert me.username == "anna_napoleon"

    async def test_wrong_password_raises_telethons_error(self):
        client = FakeTelethonClient(authorized=False, password="s3cret")
        with pytest.raises(tg.PasswordHashInvalidError):
            await login(client, "+79001112233", lambda: "12345", lambda: "wrong")


def test_session_file_and_folder_are_owner_only(tmp_path, monkeypatch):
    from sales_agent.channels.telegram_user import make_client, session_path
    from sales_agent.settings import load_settings

    settings = load_settings(data_dir=tmp_path, telegram_api_id=1, telegram_api_hash="x" * 32)
    client = make_client(settings)  # opens the SQLite file; no network until connect()
    client.session.close()
    path = session_path(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_no_api_credentials_is_a_config_error(tmp_path):
    from sales_agent.channels.telegram_user import make_client
    from sales_agent.errors import ConfigError
    from sales_agent.settings import load_settings

    with pytest.raises(ConfigError, match="API_ID"):
        make_client(load_settings(data_dir=tmp_path, telegram_api_id=None,
                                  telegram_api_hash=None))


async def test_caught_up_once_the_unread_backlog_is_yielded(tmp_path):
    client = FakeTelethonClient(OLGA)
    client.unread[701] = [FakeTgMessage(1, 701, "непрочитанное", sender=OLGA)]
    ch = channel(client, tmp_path)
    stream = ch.receive()
    assert ch.caught_up is False
    await anext(stream)
    task = asyncio.create_task(anext(stream))
    await asyncio.sleep(0.05)
    assert ch.caught_up is True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
