"""The outgoing message, built without a server: ids, subjects, headers, parts."""

from __future__ import annotations

from pathlib import Path

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.email import parse_email
from sales_agent.channels.email.compose import build_message, reply_subject
from sales_agent.channels.email.incoming import to_incoming
from sales_agent.domain.keys import email_message_id


def test_message_ids_are_unique_and_bracketed() -> None:
    ids = {email_message_id("napoleonit.example") for _ in range(1000)}
    assert len(ids) == 1000
    assert all(i.startswith("<") and i.endswith("@napoleonit.example>") for i in ids)


def test_reply_subject_adds_re_once() -> None:
    assert reply_subject("Отзывы") == "Re: Отзывы"
    assert reply_subject("RE: Отзывы") == "RE: Отзывы"
    assert reply_subject("Ответ: Отзывы") == "Ответ: Отзывы"


def test_built_message_parses_back_into_the_same_thread(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    out = OutgoingMessage(key="k", contact_id="c", channel="email", to="Ivan@Shop.example",
                          text="Текст", html="<p>Текст</p>", subject="Отзывы",
                          attachments=(tmp_path / "a.pdf",), in_reply_to="<a@x>",
                          headers={"X-Campaign": "q4", "Subject": "ignored"})
    msg = build_message(out, from_email="sales@n.example", from_name="Анна",
                        message_id="<m1@n.example>")
    assert msg["X-Campaign"] == "q4" and msg.get_all("Subject") == ["Re: Отзывы"]
    got = to_incoming(parse_email(msg.as_bytes()))
    assert (got.key, got.sender, got.sender_name) == ("email:<m1@n.example>", "sales@n.example",
                                                     "Анна")
    assert got.text == "Текст" and got.in_reply_to == "<a@x>" and got.attachments == ("a.pdf",)
    assert got.headers["To"] == "ivan@shop.example"


def test_long_russian_subject_keeps_every_space_at_the_folds() -> None:
    from email.header import decode_header, make_header

    subject = ("Кофейная компания «Бодрое утро»: что покупатели пишут в отзывах о капсулах "
               "Лунго и зёрнах")
    for cut in range(0, 60, 3):  # every fold position across the words
        written = subject[:len(subject) - cut]
        out = OutgoingMessage(key="k", contact_id="c", channel="email", to="a@b.example",
                              to_name="Иван Петров", text="x", subject=written)
        raw = build_message(out, from_email="s@n.example", from_name="Анна Соколова",
                            message_id="<m@n.example>").as_bytes()
        head = raw.split(b"\r\n\r\n")[0].decode("ascii")
        assert all(len(line) <= 78 for line in head.split("\r\n"))
        folded = head.split("Subject: ", 1)[1].split("\r\nDate:")[0]
        assert folded.count("=?utf-8?b?") > 1 or len(written) < 30
        assert str(make_header(decode_header(folded))) == written
        assert parse_email(raw).subject == written.strip()


def test_header_values_cannot_inject_lines() -> None:
    out = OutgoingMessage(key="k", contact_id="c", channel="email", to="a@b.example",
                          to_name="Иван\r\nBcc: x@evil.example", text="x",
                          subject="Отзывы\r\nBcc: y@evil.example")
    msg = build_message(out, from_email="s@n.example", from_name="Анна", message_id="<m@n>")
    raw = msg.as_bytes()
    assert b"\r\nBcc:" not in raw and msg["Bcc"] is None
    assert msg["Subject"] == "Отзывы Bcc: y@evil.example"  # the line break became a space
