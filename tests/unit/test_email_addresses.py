"""Display names with commas survive From/To parsing, however the client wrote them."""

from __future__ import annotations

import base64
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

import pytest

from sales_agent.channels.email import parse_email

NAME = "Иванова, Анна"


def _mail(from_header: bytes, to_header: bytes = b"team@ours.ru") -> bytes:
    return (b"From: " + from_header + b"\r\nTo: " + to_header + b"\r\nSubject: Re: offer\r\n"
            b"Message-ID: <m1@x.ru>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Пришлите презентацию".encode() + b"\r\n")


def _encoded_by_the_email_package() -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = Address(NAME, addr_spec="Anna@X.ru")
    msg["To"] = [Address("Smith, John", addr_spec="john@y.ru"), Address("", "b@z.ru")]
    msg["Subject"] = "Re: offer"
    msg["Message-ID"] = "<m1@x.ru>"
    msg.set_content("Пришлите презентацию")
    return msg.as_bytes()


@pytest.mark.parametrize("raw", [
    _encoded_by_the_email_package(),
    _mail(b"=?utf-8?b?" + base64.b64encode(NAME.encode()) + b"?= <anna@x.ru>"),
    _mail(f'"{NAME}" <anna@x.ru>'.encode()),  # 8-bit UTF-8, quoted
    _mail(f"{NAME} <anna@x.ru>".encode("cp1251")),  # 8-bit, unquoted: a client's bug
    _mail(b"Ivanova, Anna <anna@x.ru>"),
], ids=["email-package", "rfc2047", "quoted-utf8", "unquoted-cp1251", "unquoted-ascii"])
def test_a_comma_in_the_display_name_keeps_name_and_address(raw: bytes) -> None:
    parsed = parse_email(raw)
    assert parsed.from_email == "anna@x.ru"
    assert parsed.from_name in (NAME, "Ivanova, Anna")


def test_recipients_with_commas_in_their_names_are_each_one_address() -> None:
    parsed = parse_email(_encoded_by_the_email_package())
    assert parsed.to == ["john@y.ru", "b@z.ru"]


def test_a_plain_address_has_no_name() -> None:
    parsed = parse_email(_mail(b"<anna@x.ru>", b"a@b.ru, c@d.ru"))
    assert (parsed.from_name, parsed.from_email, parsed.to) == ("", "anna@x.ru",
                                                                ["a@b.ru", "c@d.ru"])
