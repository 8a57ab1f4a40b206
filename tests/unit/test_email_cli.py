"""`sales-agent parse-email FILE.eml` per CONTRACT.md: one JSON object and exit 0, else exit 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "emails"
CLI = [sys.executable, "-c", "from sales_agent.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "parse-email", *args], capture_output=True, text=True,
                          timeout=60)


def test_prints_the_contract_object() -> None:
    out = run(str(CORPUS / "outlook_ru_no_quote.eml"))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["from"] == "ivan@shop.example"
    assert got["text"].startswith("Спасибо, интересно.") and "От:" not in got["text"]
    assert got["auto_reply"] is False and got["attachments"] == []


def test_missing_file_is_one_line_and_exit_1() -> None:
    out = run(str(CORPUS / "no-such-file.eml"))
    assert out.returncode == 1
    assert "no-such-file.eml" in out.stderr and "Traceback" not in out.stderr
