"""EmailChannel.send against real Dovecot + SMTP: headers, parts, Sent copy, TLS, errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.email import EmailChannel
from sales_agent.channels.email.imap import ImapConfig
from sales_agent.channels.email.smtp import SmtpConfig
from sales_agent.domain.keys import email_message_id
from sales_agent.errors import ChannelError, PermanentChannelError, TransientChannelError
from sales_agent.settings import load_settings
from tests.fixtures._outage import OutageProxy
from tests.fixtures.mail import MailServer, MailUser, free_port


def outgoing(to: str, **kw: object) -> OutgoingMessage:
    base: dict[str, object] = {"key": "k1", "contact_id": "c1", "channel": "email", "to": to,
                               "text": "Здравствуйте, Иван!", "to_name": "Иван Петров",
                               "subject": "Отзывы о вашей компании"}
    return OutgoingMessage(**{**base, **kw})  # type: ignore[arg-type]


class TestSend:
    async def test_reply_carries_threading_html_attachment_and_lands_in_sent(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
        make_email_channel, tmp_path: Path,
    ) -> None:
        pdf = tmp_path / "presentation.pdf"
        pdf.write_bytes(b"%PDF-1.4 test")
        mid = email_message_id("example.test")
        channel = make_email_channel(agent_mailbox)
        receipt = await channel.send(outgoing(
            mail_user.address, message_id=mid, html="<p>Здравствуйте, <b>Иван</b>!</p>",
            attachments=(pdf,), in_reply_to="<lead-1@shop.example>",
            references=("<first@x.example>",),
            unsubscribe_url="https://agent.example/unsubscribe/c1.abc"))
        assert receipt.message_id == mid
        [got] = await mail_server.wait_for(mail_user)
        assert got["Message-ID"] == mid
        assert got["In-Reply-To"] == "<lead-1@shop.example>"
        assert got["References"] == "<first@x.example> <lead-1@shop.example>"
        assert got["Subject"] == "Re: Отзывы о вашей компании"
        assert got["From"].addresses[0].display_name == "Анна Соколова"
        assert got["To"].addresses[0].display_name == "Иван Петров"
        assert got["List-Unsubscribe"] == ("<https://agent.example/unsubscribe/c1.abc>, "
                                           f"<mailto:{agent_mailbox.address}?subject=unsubscribe>")
        assert got["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert got["X-Auto-Response-Suppress"] == "OOF, AutoReply" and got["Date"]
        assert got.get_body(("html",)).get_content().strip().startswith("<p>Здравствуйте")
        assert got.get_body(("plain",)).get_content().strip() == "Здравствуйте, Иван!"
        assert [a.get_filename() for a in got.iter_attachments()] == ["presentation.pdf"]
        assert await mail_server.aread(agent_mailbox, "Sent") == []  # the worker records first
        await channel.keep_copy(receipt)
        [copy] = await mail_server.aread(agent_mailbox, "Sent")
        assert copy["Message-ID"] == mid

    @pytest.mark.parametrize("security", ["starttls", "tls"])
    async def test_sends_over_tls_with_auth(self, security: str, mail_server: MailServer,
                                            agent_mailbox: MailUser, mail_user: MailUser,
                                            make_email_channel) -> None:
        channel = make_email_channel(agent_mailbox, security=security)
        receipt = await channel.send(outgoing(mail_user.address))
        [got] = await mail_server.wait_for(mail_user)
        assert got["Message-ID"] == receipt.message_id

    async def test_was_delivered_finds_the_message_id_in_sent(
        self, agent_mailbox: MailUser, mail_user: MailUser, make_email_channel,
    ) -> None:
        channel = make_email_channel(agent_mailbox)
        sent = outgoing(mail_user.address, message_id=email_message_id("example.test"))
        assert await channel.was_delivered(sent) is False
        await channel.keep_copy(await channel.send(sent))
        assert await channel.was_delivered(sent) is True


class TestSendErrors:
    async def test_unknown_recipient_is_permanent(self, agent_mailbox: MailUser,
                                                  make_email_channel) -> None:
        channel = make_email_channel(agent_mailbox)
        with pytest.raises(PermanentChannelError, match="refused the recipient"):
            await channel.send(outgoing("nobody@example.test"))

    async def test_deferred_recipient_is_transient(self, agent_mailbox: MailUser,
                                                   make_email_channel) -> None:
        channel = make_email_channel(agent_mailbox)
        with pytest.raises(TransientChannelError) as err:
            await channel.send(outgoing("tempfail@example.test"))
        assert err.value.retry_after > 0

    async def test_wrong_password_is_a_clear_channel_error(self, agent_mailbox: MailUser,
                                                           make_email_channel) -> None:
        channel = make_email_channel(agent_mailbox, password="wrong")
        with pytest.raises(ChannelError, match="login refused") as err:
            await channel.send(outgoing(agent_mailbox.address))
        assert not isinstance(err.value, TransientChannelError | PermanentChannelError)

    async def test_server_down_is_transient(self, mail_server: MailServer,
                                            agent_mailbox: MailUser) -> None:
        port = free_port()
        channel = EmailChannel(SmtpConfig("127.0.0.1", port, security="none", timeout=3),
                               ImapConfig("127.0.0.1", port, "u", "p", "none"),
                               from_email=agent_mailbox.address)
        with pytest.raises(TransientChannelError, match="unreachable"):
            await channel.send(outgoing(agent_mailbox.address))


class TestFromSettings:
    @pytest.mark.parametrize("security", ["none", "tls"])
    async def test_env_from_the_fixture_gives_a_working_channel(
        self, security: str, mail_server: MailServer, agent_mailbox: MailUser,
        mail_user: MailUser, monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        for key, value in mail_server.env(agent_mailbox, security).items():
            monkeypatch.setenv(key, value)
        channel = EmailChannel.from_settings(load_settings())
        try:
            receipt = await channel.send(outgoing(mail_user.address))
            [got] = await mail_server.wait_for(mail_user)
            assert got["Message-ID"] == receipt.message_id
            mid = await mail_server.asend(mail_user, agent_mailbox.address, text="Ответ")
            stream = channel.receive()
            msg = await asyncio.wait_for(anext(stream), 10)
            assert msg.message_id == mid and msg.text == "Ответ"
            await stream.aclose()
        finally:
            await channel.close()


class TestKeptSession:
    async def test_mails_share_one_session_and_a_cut_one_is_replaced(
        self, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
    ) -> None:
        proxy = await OutageProxy(mail_server.ports["smtp"]).start()
        try:
            box = agent_mailbox
            channel = EmailChannel(
                SmtpConfig(mail_server.host, proxy.port, box.address, box.password, "none",
                           timeout=10),
                ImapConfig(mail_server.host, mail_server.ports["imap"], box.address,
                           box.password, "none", timeout=10), from_email=box.address)
            for _ in range(3):
                await channel.send(outgoing(mail_user.address))
            assert proxy.connections == 1  # one login for three mails
            await proxy.down()  # the server restarts: the kept session is cut
            await proxy.up()
            await channel.send(outgoing(mail_user.address))  # a new session, no error
            assert proxy.connections == 2
            assert len(await mail_server.wait_for(mail_user, 4)) == 4  # each mail once
        finally:
            await channel.close()
            await proxy.stop()
