"""`sales-agent classify` as a subprocess: stdin and file, one output line per input line in
order (a blank line is an empty reply: other, for review), bad lines reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-c", "from sales_agent.cli import main; main()", "classify"]
LINES = [
    json.dumps({"id": "a", "text": "Вышлите презентацию"}, ensure_ascii=False),
    "{not json",
    json.dumps({"id": 7, "text": "Напишите через неделю", "date": "2026-10-06T15:00:00+03:00",
                "channel": "telegram"}, ensure_ascii=False),
    json.dumps({"id": "no-text"}),
    json.dumps({"id": "c", "text": "Это к @Denis_Brand", "subject": "Re: отзывы"},
               ensure_ascii=False),
    "",
    json.dumps({"id": "d", "text": "x", "date": "not a date"}),
]


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(CLI + args, input=stdin, capture_output=True, text=True, timeout=120)


def check(stdout: str) -> None:
    out = [json.loads(line) for line in stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, 7, "no-text", "c", None, "d"]
    assert out[0] == {"id": "a", "intent": "presentation", "contact": None, "until": None,
                      "confidence": out[0]["confidence"], "review": out[0]["review"]}
    assert 0 < out[0]["confidence"] <= 1
    assert set(out[1]) == {"id", "error"} and "error" in out[3] and "error" in out[6]
    assert (out[5]["intent"], out[5]["review"]) == ("other", True)
    assert (out[2]["intent"], out[2]["until"]) == ("later", "2026-10-13")
    assert (out[4]["intent"], out[4]["contact"]) == ("redirect", "@denis_brand")


def test_reads_stdin() -> None:
    done = run([], "\n".join(LINES) + "\n")
    assert done.returncode == 0, done.stderr
    check(done.stdout)


def test_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(LINES), encoding="utf-8")
    done = run([str(path)])
    assert done.returncode == 0, done.stderr
    check(done.stdout)


def test_an_unreadable_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = run([str(tmp_path / "missing.jsonl")])
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "missing.jsonl" in done.stderr
