"""The test mail servers themselves: a message sent through the SMTP front lands in Dovecot."""

from __future__ import annotations

from tests.fixtures.mail import MailServer, MailUser


async def test_smtp_front_delivers_to_dovecot(mail_server: MailServer, mail_user: MailUser) -> None:
    lead = mail_server.add_user()
    mid = await mail_server.asend(lead, mail_user.address, subject="Привет", text="Тест")
    msgs = await mail_server.wait_for(mail_user)
    assert [m["Message-ID"] for m in msgs] == [mid]
    assert msgs[0]["Subject"] == "Привет"
