"""Writes the hostile corpus: mails built to make a parser slow, deep or wrong.

Generated, not committed (several MB): `python tests/data/hostile/make_hostile.py [DIR]` writes
`<case>.eml` to DIR (default `tests/data/hostile/out/`); tests and `bench/hostile.py` call
`build()` directly. Each case says what the agent must do with it: `read` (parsed within the
caps; `text` is what the lead wrote first) or `quarantine` (a cap is hit: kept apart, not read).
Bodies are base64 with short lines, as real clients send them, so they pass any SMTP server.
"""

from __future__ import annotations

import base64
import random
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
LEAD = "Пришлите, пожалуйста, презентацию."


@dataclass(frozen=True)
class HostileCase:
    raw: bytes
    outcome: str  # "read" | "quarantine"
    text: str = ""  # for "read": the start of the text the parser must give


def _head(name: str, ctype: str, extra: str = "") -> str:
    return (f"From: Hostile {name} <hostile-{name}@attacker.example>\r\n"
            "To: sales@napoleonit.example\r\n"
            f"Subject: hostile {name}\r\nDate: Tue, 18 Nov 2025 10:15:00 +0300\r\n"
            f"Message-ID: <hostile-{name}@attacker.example>\r\nMIME-Version: 1.0\r\n{extra}"
            f"Content-Type: {ctype}\r\n")


def _b64(data: bytes) -> str:
    return base64.encodebytes(data).decode().replace("\n", "\r\n")


def _single(name: str, ctype: str, body: bytes) -> bytes:
    return (_head(name, ctype) + "Content-Transfer-Encoding: base64\r\n\r\n"
            + _b64(body)).encode()


def _html(name: str, html: str) -> bytes:
    return _single(name, 'text/html; charset="utf-8"', html.encode())


def _repeat_to(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _lines(data: bytes, width: int = 500) -> bytes:
    """Raw bytes as CRLF lines an SMTP server accepts (no bare CR or LF, short lines)."""
    data = data.replace(b"\r", b"").replace(b"\n", b"")
    return b"\r\n".join(data[i:i + width] for i in range(0, len(data), width)) + b"\r\n"


def _deep_mime(name: str, depth: int) -> bytes:
    parts = [_head(name, 'multipart/mixed; boundary="b0"') + "\r\n"]
    for i in range(1, depth):
        parts.append(f"--b{i - 1}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n")
    parts.append(f"--b{depth - 1}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{LEAD}\r\n")
    for i in range(depth - 1, -1, -1):
        parts.append(f"--b{i}--\r\n")
    return "".join(parts).encode()


def _many_parts(name: str, count: int) -> bytes:
    out = [_head(name, 'multipart/mixed; boundary="p"') + "\r\n"]
    out.append(f"--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{LEAD}\r\n")
    out.extend(f"--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{i}\r\n"
               for i in range(count))
    out.append("--p--\r\n")
    return "".join(out).encode()


def _broken_charsets(name: str) -> bytes:
    words = "\r\n ".join("=?x-no-such-charset?B?" + base64.b64encode(b"\xff\xfe").decode() + "?="
                     for _ in range(2000))
    head = _head(name, 'multipart/mixed; boundary="c"').replace(
        f"Subject: hostile {name}", f"Subject: hostile {name} {words}")
    utf8_cut = (LEAD + " Спасибо.").encode()[:-3]
    return (head + "\r\n--c\r\nContent-Type: text/plain; charset=\"windows-1251\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + _b64(utf8_cut)
            + "--c\r\nContent-Type: text/plain; charset=\"utf-16\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + _b64(b"\x00\xd8ab\xff")
            + "--c\r\nContent-Type: text/plain; charset=\"x-\xff\xfe-bogus\"\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n=D0=9F=D1=\r=ZZ=\r\n"
            "--c\r\nContent-Type: text/html; charset=\"koi8-r\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + _b64("<p>Ещё</p>".encode())
            + "--c--\r\n").encode("utf-8", "surrogateescape")


def build() -> dict[str, HostileCase]:
    rng = random.Random(7)  # the same bytes on every run
    mb = 1024 * 1024
    lead_html = f"<div>{LEAD}</div>"
    return {
        "nested_divs_1mb": HostileCase(_html("nested_divs_1mb", lead_html + "<div>" * (
            mb // 11) + "глубоко" + "</div>" * (mb // 11)), "read", LEAD),
        "unclosed_divs_1mb": HostileCase(_html("unclosed_divs_1mb", lead_html + _repeat_to(
            "<div>x ", mb)), "read", LEAD),
        "nested_tables_1mb": HostileCase(_html("nested_tables_1mb", lead_html + _repeat_to(
            "<table><tr><td>x", mb)), "read", LEAD),
        "unclosed_inline_1mb": HostileCase(_html("unclosed_inline_1mb", lead_html + _repeat_to(
            "<b><i><span><a href=x>", mb)), "read", LEAD),
        "flat_blocks_3mb": HostileCase(_html("flat_blocks_3mb", lead_html + _repeat_to(
            "<p>x</p>", 3 * mb)), "quarantine"),
        "deep_mime_2000": HostileCase(_deep_mime("deep_mime_2000", 2000), "quarantine"),
        "deep_mime_60": HostileCase(_deep_mime("deep_mime_60", 60), "quarantine"),
        "many_parts_5000": HostileCase(_many_parts("many_parts_5000", 5000), "quarantine"),
        "huge_base64_text_6mb": HostileCase(_single(
            "huge_base64_text_6mb", "text/plain; charset=utf-8",
            (LEAD + "\n" + _repeat_to("спам ", 6 * mb)).encode()), "quarantine"),
        "one_line_2mb": HostileCase(_single(
            "one_line_2mb", "text/plain; charset=utf-8", (LEAD + " " + "z" * 2 * mb).encode()),
            "quarantine"),
        "huge_base64_attachment_12mb": HostileCase((
            _head("huge_base64_attachment_12mb", 'multipart/mixed; boundary="a"') + "\r\n--a\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + LEAD + "\r\n--a\r\n"
            "Content-Type: application/octet-stream; name=\"blob.bin\"\r\n"
            "Content-Disposition: attachment; filename=\"blob.bin\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + _b64(rng.randbytes(9 * mb))
            + "--a--\r\n").encode(), "read", LEAD),
        "broken_charsets": HostileCase(_broken_charsets("broken_charsets"), "read", LEAD[:20]),
        "binary_garbage": HostileCase(_head("binary_garbage", "text/plain").encode() + b"\r\n"
                                      + _lines(rng.randbytes(300_000)), "read"),
    }


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    out.mkdir(parents=True, exist_ok=True)
    for name, case in build().items():
        (out / f"{name}.eml").write_bytes(case.raw)
    print(f"hostile corpus written to {out}")


if __name__ == "__main__":
    main()
