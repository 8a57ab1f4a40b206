"""Property: parse_email never raises, whatever bytes or mangled MIME it is fed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sales_agent.channels.email import parse_email

CORPUS = sorted((Path(__file__).resolve().parents[1] / "data" / "emails").glob("*.eml"))
SAMPLES = [p.read_bytes() for p in CORPUS]


def check(raw: bytes) -> None:
    got = parse_email(raw).to_contract_json()
    assert isinstance(got["text"], str)
    assert isinstance(got["attachments"], list)
    assert got["message_id"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    check(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.data())
def test_mangled_corpus_mail_never_raises(raw: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(raw)))
    start = data.draw(st.integers(0, len(raw)))
    junk = data.draw(st.binary(max_size=200))
    mangled = raw[:start] + junk + raw[start:cut] if start < cut else raw[:cut] + junk
    check(mangled)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "koi8-r", "x-bogus", "", "utf-16",
                                               "windows-1251"]),
       st.sampled_from(["base64", "quoted-printable", "8bit", "x-weird"]))
def test_any_text_in_any_declared_charset_never_raises(text: str, charset: str, cte: str) -> None:
    raw = (f"From: =?{charset or 'x'}?B?0J/RgA==?= <a@b.example>\r\nSubject: =?{charset}?Q?=D0?="
           f"\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}"
           "\r\n\r\n").encode() + text.encode("utf-8", "surrogatepass")
    check(raw)
