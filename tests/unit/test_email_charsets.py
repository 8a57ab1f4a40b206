"""Body decoding: valid UTF-8 is never read as cp1251, a damaged UTF-8 part stays UTF-8, a
missing or wrong label is detected, and line ends (CR alone too) come out as "\\n"."""

from __future__ import annotations

import quopri
from email import message_from_bytes, policy

import pytest

from sales_agent.channels.email.mime import decode_bytes, part_text

RU = "Пришлите, пожалуйста, презентацию и цены для нашей сети магазинов."


@pytest.mark.parametrize("label", [None, "utf-8", "windows-1251", "koi8-r", "iso-8859-1",
                                   "us-ascii", "x-bogus"])
def test_valid_utf8_is_utf8_whatever_the_label(label: str | None) -> None:
    assert decode_bytes(RU.encode(), label) == RU


@pytest.mark.parametrize("cut", [1, 3, 5])
def test_a_truncated_utf8_part_keeps_its_text(cut: int) -> None:
    got = decode_bytes(RU.encode()[:-cut], "utf-8")
    assert got.startswith(RU[:-5]) and "Ð" not in got and "Рџ" not in got


@pytest.mark.parametrize("charset", ["cp1251", "koi8-r", "cp866"])
def test_a_single_byte_charset_is_read_as_declared(charset: str) -> None:
    assert decode_bytes(RU.encode(charset), charset) == RU


@pytest.mark.parametrize("charset", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("label", [None, "x-bogus", "iso-8859-1"])
def test_a_missing_or_wrong_label_is_detected(charset: str, label: str | None) -> None:
    assert decode_bytes(RU.encode(charset), label) == RU


def test_a_quoted_printable_body_with_cr_only_line_ends_is_read_whole() -> None:
    body = quopri.encodestring((RU + "\n" + RU).encode()).replace(b"\n", b"\r")
    raw = (b"Content-Type: text/plain; charset=utf-8\r\n"
           b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body)
    assert part_text(message_from_bytes(raw, policy=policy.compat32)) == RU + "\n" + RU


def test_utf16_is_not_taken_for_ascii() -> None:
    assert decode_bytes("Да".encode("utf-16"), "utf-16") == "Да"
