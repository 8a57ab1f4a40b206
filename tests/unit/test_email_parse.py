"""The parser over the reply corpus (tests/data/emails): every case cut right, fields read right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sales_agent.channels.email import parse_email
from sales_agent.channels.email.parse import synthetic_message_id

CORPUS = Path(__file__).resolve().parents[1] / "data" / "emails"
EXPECTED: dict[str, dict] = json.loads((CORPUS / "expected.json").read_text())


def lines(text: str) -> list[str]:
    """Blank lines and edge spaces carry no meaning for the classifier."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_corpus_is_big_enough() -> None:
    assert len(EXPECTED) >= 20
    assert {p.stem for p in CORPUS.glob("*.eml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cuts_quoted_history_and_reads_fields(name: str) -> None:
    want = EXPECTED[name]
    parsed = parse_email((CORPUS / f"{name}.eml").read_bytes())
    got = parsed.to_contract_json()
    assert lines(got["text"]) == lines(want["text"])
    assert got["auto_reply"] is want.get("auto_reply", False)
    assert parsed.bounce is want.get("bounce", False)
    assert got["attachments"] == want.get("attachments", [])
    for key in ("from", "from_name", "subject"):
        if key in want:
            assert got[key] == want[key]
    assert got["message_id"].startswith("<") and got["message_id"].endswith(">")
    assert len(parsed.full_text) >= len(parsed.text)  # the full text is kept for audit


class TestContractJson:
    def test_has_exactly_the_contract_keys(self) -> None:
        got = parse_email((CORPUS / "gmail_ru.eml").read_bytes()).to_contract_json()
        assert list(got) == ["message_id", "in_reply_to", "references", "from", "from_name",
                             "subject", "date", "text", "auto_reply", "attachments"]
        assert got["message_id"] == "<reply-gmail_ru@client.example>"
        assert got["in_reply_to"] == "<first-1@napoleonit.example>"
        assert got["references"] == ["<first-1@napoleonit.example>"]
        assert got["date"] == "2025-11-18T10:15:00+03:00"

    def test_missing_message_id_is_a_stable_hash_of_the_bytes(self) -> None:
        raw = (CORPUS / "no_message_id_plain_ascii.eml").read_bytes()
        assert parse_email(raw).message_id == synthetic_message_id(raw) == parse_email(
            raw).message_id


class TestBadInput:
    def test_a_25_mb_text_is_quarantined_with_its_size_and_sender(self) -> None:
        body = b"A" * (25 * 1024 * 1024)
        raw = b"From: a@b.example\r\nSubject: big\r\n\r\nHello there\r\n" + body
        parsed = parse_email(raw)
        assert parsed.quarantine and "over the cap" in parsed.quarantine
        assert (parsed.text, parsed.from_email, parsed.subject) == ("", "a@b.example", "big")
        assert parsed.raw_size == len(raw) and parsed.full_text.startswith("From: a@b.example")

    def test_a_12_mb_mail_with_an_attachment_is_read_truncated_with_a_note(self) -> None:
        raw = (b"From: a@b.example\r\nSubject: deck\r\nContent-Type: multipart/mixed; "
               b"boundary=X\r\n\r\n--X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
               + "Смотрите вложение.".encode() + b"\r\n--X\r\nContent-Type: application/pdf; "
               b"name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
               + b"QUFB\r\n" * (2 * 1024 * 1024) + b"--X--\r\n")
        parsed = parse_email(raw)
        assert parsed.quarantine is None and parsed.text == "Смотрите вложение."
        assert parsed.attachments == ["a.pdf"] and "truncated" in parsed.full_text

    @pytest.mark.parametrize("raw", [b"", b"\x00\xff\xfe", b"Content-Type: multipart/mixed\r\n\r\n",
                                     b"Subject: =?bogus?Q?=FF?=\r\n\r\nhi"])
    def test_garbage_gives_an_object_not_an_exception(self, raw: bytes) -> None:
        got = parse_email(raw).to_contract_json()
        assert isinstance(got["text"], str) and got["message_id"]


def test_the_copy_line_is_kept_for_a_colleague_put_in_copy() -> None:
    # «он в копии»: the classifier takes the colleague from Cc (brain/classifier/engine.py)
    raw = (b"From: Anna <anna@roastery.example>\r\nTo: sales@napoleon.example\r\n"
           b"Cc: =?utf-8?b?0J7Qu9C10LM=?= <oleg@roastery.example>\r\n"
           b"Subject: Re: x\r\nMessage-ID: <cc-1@roastery.example>\r\n\r\n"
           b"Director is in copy.\r\n")
    parsed = parse_email(raw)
    assert parsed.headers["Cc"] == "Олег <oleg@roastery.example>"


def test_a_megabyte_header_is_cut_not_carried() -> None:
    cc = ", ".join(f"user{n}@spam.example" for n in range(60_000)).encode()
    raw = (b"From: x@spam.example\r\nTo: sales@napoleon.example\r\nCc: " + cc + b"\r\n"
           b"Subject: hi\r\nMessage-ID: <big-cc@spam.example>\r\n\r\nhello\r\n")
    parsed = parse_email(raw)
    assert 0 < len(parsed.headers["Cc"]) <= 8_000 and parsed.text.strip() == "hello"
