"""The hostile corpus (tests/data/hostile) through the parse pool's worker processes: each mail
is read within the caps or quarantined with a reason; a runaway parse is killed; the CLI answers."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from sales_agent.channels.email.limits import DEFAULT_LIMITS, ParseLimits
from sales_agent.channels.email.pool import ParsePool, parse_isolated

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "hostile"))
from make_hostile import LEAD, build

CASES = build()
NORMAL = ("From: Иван <ivan@shop.example>\r\nSubject: Re: Отзывы\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n" + LEAD).encode()


@pytest.fixture(scope="module")
async def pool():
    # the size and depth caps are under test here, not the time limit (its own test is below):
    # on a loaded machine the 12 MB mail may take longer than the 10 s a live agent allows
    p = ParsePool(replace(DEFAULT_LIMITS, time_limit=120.0), workers=2)
    yield p
    await p.close()


@pytest.mark.parametrize("name", sorted(CASES))
async def test_each_hostile_mail_is_read_within_caps_or_quarantined(pool: ParsePool,
                                                                   name: str) -> None:
    case = CASES[name]
    parsed = await pool.parse(case.raw)
    assert parsed.from_email == f"hostile-{name}@attacker.example"
    if case.outcome == "quarantine":
        assert parsed.quarantine and parsed.text == ""
        assert parsed.raw_size == len(case.raw) and parsed.subject.startswith("hostile")
    else:
        assert parsed.quarantine is None
        assert parsed.text.startswith(case.text)


async def test_a_runaway_parse_is_killed_and_the_next_mail_is_read() -> None:
    # a limit far below what the 12 MB mail takes anywhere: the worker must be killed
    pool = ParsePool(ParseLimits(time_limit=0.01), workers=1)
    try:
        big = await pool.parse(CASES["huge_base64_attachment_12mb"].raw)
        assert big.quarantine and "took over" in big.quarantine
        assert big.subject == "hostile huge_base64_attachment_12mb" and big.text == ""
        pool.limits = DEFAULT_LIMITS
        assert (await pool.parse(NORMAL)).text == LEAD
    finally:
        await pool.close()


def test_parse_isolated_gives_the_same_answer_as_the_pool() -> None:
    assert parse_isolated(NORMAL).text == LEAD
    assert "MIME parts" in (parse_isolated(CASES["many_parts_5000"].raw).quarantine or "")


def test_parse_email_cli_answers_on_a_hostile_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.eml"
    path.write_bytes(CASES["deep_mime_2000"].raw)
    out = subprocess.run([sys.executable, "-c", "from sales_agent.cli import main; main()",
                          "parse-email", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["text"] == "" and got["from"] == "hostile-deep_mime_2000@attacker.example"
    assert "quarantined: 2001 MIME parts" in out.stderr
