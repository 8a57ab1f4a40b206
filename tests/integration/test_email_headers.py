"""Long Russian subjects and sender names survive the trip: SMTP -> Dovecot -> an IMAP client.

RFC 2047 decoders drop whitespace *between* encoded words, so a space the encoder leaves at a
fold disappears («покупателипишут»). Every subject here is sent through the real SMTP front,
fetched raw over IMAP and decoded the way mail clients do; Dovecot's own server-side decoding is
checked too (SEARCH SUBJECT with the phrase that straddles a fold).
"""

from __future__ import annotations

import imaplib
from email import message_from_bytes, policy
from email.header import decode_header, make_header

import pytest

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.email import EmailChannel, parse_email
from sales_agent.channels.email.imap import ImapConfig
from sales_agent.channels.email.smtp import SmtpConfig
from sales_agent.domain.keys import email_message_id
from tests.fixtures.mail import MailServer, MailUser

SUBJECTS = [
    "Кофейная компания «Бодрое утро»: что покупатели пишут в отзывах",
    "Кофейная компания «Бодрое утро»: что покупатели пишут в отзывах о капсулах Лунго и зёрнах",
    "«Лунго»: 9 отзывов про порванный пакет — и что с этим делать до конца квартала",
    "Re: Napoleon IT «Отзывы»: reviews of «Капсулы Лунго 10 шт» on Wildberries, Ozon and "
    "Яндекс Маркет",
    "Отзывы о товарах  с двумя  пробелами и очень-очень-длинным-словом-через-дефисы-без-пробелов",
]
FROM_NAMES = ["Анна Соколова", "Анна Соколова — руководитель направления «Отзывы» в Napoleon IT"]


def _rfc2047(value: str) -> str:
    """How a mail client decodes a header: adjacent encoded words join with nothing between."""
    return str(make_header(decode_header(value)))


def _fetch_headers(server: MailServer, user: MailUser) -> list[bytes]:
    with imaplib.IMAP4(server.host, server.ports["imap"], timeout=10) as imap:
        imap.login(user.address, user.password)
        imap.select("INBOX", readonly=True)
        _, data = imap.uid("SEARCH", "ALL")
        out = []
        for uid in data[0].split():
            _, parts = imap.uid("FETCH", uid, "(BODY.PEEK[HEADER])")
            out.append(parts[0][1])
        return out


def _server_search(server: MailServer, user: MailUser, key: str, phrase: str) -> int:
    """How many messages Dovecot finds with `phrase` in header `key` (decoded by the server)."""
    with imaplib.IMAP4(server.host, server.ports["imap"], timeout=10) as imap:
        imap.login(user.address, user.password)
        imap.select("INBOX", readonly=True)
        imap.literal = phrase.encode("utf-8")
        typ, data = imap.uid("SEARCH", "CHARSET", "UTF-8", key)
        assert typ == "OK"
        return len(data[0].split())


@pytest.mark.parametrize("from_name", FROM_NAMES)
async def test_long_subjects_and_names_read_back_as_written(
    from_name: str, mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
) -> None:
    channel = EmailChannel(
        SmtpConfig(mail_server.host, mail_server.ports["smtp"], agent_mailbox.address,
                   agent_mailbox.password, "none", timeout=10),
        ImapConfig(mail_server.host, mail_server.ports["imap"], agent_mailbox.address,
                   agent_mailbox.password, "none", timeout=10),
        from_email=agent_mailbox.address, from_name=from_name)
    try:
        for i, subject in enumerate(SUBJECTS):
            await channel.send(OutgoingMessage(
                key=f"k{i}", contact_id="c1", channel="email", to=mail_user.address,
                to_name="Соколова Вера Николаевна, отдел маркетплейсов «Бодрое утро»",
                text="Здравствуйте!", subject=subject,
                message_id=email_message_id("example.test")))
    finally:
        await channel.close()
    await mail_server.wait_for(mail_user, count=len(SUBJECTS))
    raws = _fetch_headers(mail_server, mail_user)
    assert len(raws) == len(SUBJECTS)
    for raw, subject in zip(raws, SUBJECTS, strict=True):
        lines = raw.decode("ascii").split("\r\n")
        assert all(len(line) <= 78 for line in lines)  # folded, nothing sent as 8-bit
        msg = message_from_bytes(raw, policy=policy.compat32)
        assert _rfc2047(msg["Subject"]) == subject
        assert _rfc2047(msg["From"]) == f"{from_name} <{agent_mailbox.address}>"
        assert _rfc2047(msg["To"]).startswith("Соколова Вера Николаевна, отдел маркетплейсов")
        assert message_from_bytes(raw, policy=policy.default)["Subject"] == subject
        parsed = parse_email(raw + b"\r\n")  # our own reader, as the agent sees its Sent copies
        assert parsed.subject == " ".join(subject.split())
        assert parsed.from_name == from_name
    # Dovecot decodes the headers itself: the words on both sides of every fold still match.
    assert _server_search(mail_server, mail_user, "SUBJECT", "капсулах Лунго и зёрнах") == 1
    assert _server_search(mail_server, mail_user, "SUBJECT", "покупатели пишут в отзывах") == 2
    assert _server_search(mail_server, mail_user, "FROM", from_name.split(" — ")[0]) == 5


async def test_the_server_check_sees_a_space_lost_between_encoded_words(
    mail_server: MailServer, agent_mailbox: MailUser, mail_user: MailUser,
) -> None:
    """The control for the SEARCH checks above: a space left between two encoded words (what
    the stdlib folder wrote) is gone when Dovecot decodes the subject."""
    lost = ("Subject: =?utf-8?b?0LrQsNC/0YHRg9C70LDRhQ==?=\r\n =?utf-8?b?0JvRg9C90LPQvg==?=\r\n"
            f"From: {agent_mailbox.address}\r\nTo: {mail_user.address}\r\n"
            "Message-ID: <lost-space@example.test>\r\n\r\nx\r\n").encode("ascii")
    assert _rfc2047(message_from_bytes(lost)["Subject"]) == "капсулахЛунго"
    await mail_server.asend(agent_mailbox, mail_user.address, raw=lost)
    await mail_server.wait_for(mail_user)
    assert _server_search(mail_server, mail_user, "SUBJECT", "капсулах Лунго") == 0
    assert _server_search(mail_server, mail_user, "SUBJECT", "капсулахЛунго") == 1
