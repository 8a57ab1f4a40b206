"""EmailChannel.receive against real Dovecot: IDLE push, \\Seen only on acknowledge, no
duplicates, reconnects after a dropped connection (also mid-FETCH), clear errors on bad settings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from sales_agent.channels.base import IncomingMessage
from sales_agent.errors import ChannelError
from tests.fixtures._proxy import CuttingProxy
from tests.fixtures.mail import MailServer, MailUser, free_port


async def next_message(stream: AsyncIterator[IncomingMessage], timeout: float = 10
                       ) -> IncomingMessage:
    return await asyncio.wait_for(anext(stream), timeout)


def seen(mail_server: MailServer, user: MailUser) -> list[bool]:
    return ["\\Seen" in flags for _, flags in mail_server.read_with_flags(user)]


class TestReceive:
    @pytest.mark.parametrize("security", ["none", "starttls", "tls"])
    async def test_a_reply_sent_over_smtp_arrives_parsed(
        self, security: str, mail_server: MailServer, agent_mailbox: MailUser,
        mail_user: MailUser, make_email_channel,
    ) -> None:
        stream = make_email_channel(agent_mailbox, security=security).receive()
        mid = await mail_server.asend(
            mail_user, agent_mailbox.address, subject="Re: Отзывы",
            text="Пришлите презентацию.\n\n17.11.2025 12:30, Анна пишет:\n> Здравствуйте",
            headers={"In-Reply-To": "<first@example.test>"})
        msg = await next_message(stream)
        assert (msg.channel, msg.key, msg.message_id) == ("email", f"email:{mid}", mid)
        assert msg.sender == mail_user.address and msg.in_reply_to == "<first@example.test>"
        assert msg.text == "Пришлите презентацию." and "Здравствуйте" in msg.full_text
        await stream.aclose()

    async def test_marked_seen_only_after_acknowledge_and_never_yielded_twice(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        channel = make_email_channel(agent_mailbox)
        stream = channel.receive()
        await mail_server.asend(mail_user, agent_mailbox.address, text="первое")
        first = await next_message(stream)
        assert await asyncio.to_thread(seen, mail_server, agent_mailbox) == [False]
        await mail_server.asend(mail_user, agent_mailbox.address, text="второе")
        second = await next_message(stream)  # the unacknowledged first one is not repeated
        assert (first.text, second.text) == ("первое", "второе")
        await channel.acknowledge(first)
        assert await asyncio.to_thread(seen, mail_server, agent_mailbox) == [True, False]
        await stream.aclose()

    async def test_a_restart_yields_unacknowledged_mail_again(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        await mail_server.asend(mail_user, agent_mailbox.address, text="не сохранено")
        stream = make_email_channel(agent_mailbox).receive()
        lost = await next_message(stream)
        await stream.aclose()  # the process died before the engine stored it
        again = await next_message(make_email_channel(agent_mailbox).receive())
        assert again.key == lost.key


    async def test_a_burst_of_mail_all_arrives(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        channel = make_email_channel(agent_mailbox)
        stream = channel.receive()
        sent = [await mail_server.asend(mail_user, agent_mailbox.address, text=f"n{i}")
                for i in range(6)]
        got = []
        for _ in sent:
            msg = await next_message(stream)
            got.append(msg.message_id)
            await channel.acknowledge(msg)
        assert sorted(got) == sorted(sent)
        await stream.aclose()

    async def test_polls_when_idle_is_off(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        stream = make_email_channel(agent_mailbox, use_idle=False, poll_interval=0.2).receive()
        mid = await mail_server.asend(mail_user, agent_mailbox.address, text="опрос")
        assert (await next_message(stream)).message_id == mid
        await stream.aclose()


    async def test_a_mail_over_the_size_limit_is_kept_truncated_with_a_note(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        stream = make_email_channel(agent_mailbox, max_bytes=20_000).receive()
        await mail_server.asend(mail_user, agent_mailbox.address, text="Начало. " + "x" * 200_000,
                               wrap=True)
        msg = await next_message(stream)
        assert msg.text.startswith("Начало.") and "truncated" in msg.full_text
        await stream.aclose()


class TestReconnect:
    async def test_keeps_receiving_after_the_server_drops_the_connection(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        stream = make_email_channel(agent_mailbox).receive()
        await mail_server.asend(mail_user, agent_mailbox.address, text="до")
        assert (await next_message(stream)).text == "до"
        await asyncio.to_thread(mail_server.kick, agent_mailbox.address)
        await mail_server.asend(mail_user, agent_mailbox.address, text="после")
        assert (await next_message(stream, timeout=20)).text == "после"
        await stream.aclose()

    async def test_a_connection_cut_mid_fetch_loses_nothing(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel,
    ) -> None:
        proxy = await CuttingProxy(mail_server.ports["imap"]).start()
        stream = make_email_channel(agent_mailbox, imap_port=proxy.port).receive()
        proxy.cut_next(b"BODY.PEEK[]")
        await mail_server.asend(mail_user, agent_mailbox.address, text="целиком " * 2000,
                               wrap=True)
        msg = await next_message(stream, timeout=20)
        assert proxy.cuts == 1 and msg.text.split() == ["целиком"] * 2000
        await stream.aclose()
        await proxy.stop()


class TestBadSettings:
    async def test_wrong_password_stops_the_channel_with_a_clear_error(
        self, agent_mailbox: MailUser, make_email_channel,
    ) -> None:
        stream = make_email_channel(agent_mailbox, password="wrong").receive()
        with pytest.raises(ChannelError, match="login refused"):
            await next_message(stream)

    async def test_wrong_host_stops_the_channel_with_a_clear_error(
        self, agent_mailbox: MailUser, make_email_channel,
    ) -> None:
        channel = make_email_channel(agent_mailbox, imap_port=free_port(), connect_attempts=2,
                                     max_backoff=0.1)
        with pytest.raises(ChannelError, match="cannot connect"):
            await next_message(channel.receive())
