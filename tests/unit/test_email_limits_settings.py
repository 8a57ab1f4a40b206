"""The parse caps are settings: defaults as before, each one read from SALES_AGENT_EMAIL_*."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from sales_agent.channels.email import EmailChannel
from sales_agent.channels.email.limits import DEFAULT_LIMITS, ParseLimits
from sales_agent.errors import ConfigError
from sales_agent.settings import load_settings

CLI = [sys.executable, "-c", "from sales_agent.cli import main; main()"]
MAIL = {"SALES_AGENT_SMTP_HOST": "127.0.0.1", "SALES_AGENT_IMAP_HOST": "127.0.0.1"}


def test_the_defaults_are_the_caps_the_agent_always_had() -> None:
    assert ParseLimits.from_settings(load_settings()) == DEFAULT_LIMITS


def test_each_cap_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    caps = {"MAX_BYTES": "1048576", "MAX_TEXT_CHARS": "5000", "MAX_HTML_CHARS": "7000",
            "MAX_MIME_DEPTH": "4", "MAX_PARTS": "9", "PARSE_SECONDS": "2.5"}
    for name, value in caps.items():
        monkeypatch.setenv(f"SALES_AGENT_EMAIL_{name}", value)
    for name, value in MAIL.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert ParseLimits.from_settings(settings) == ParseLimits(1048576, 5000, 7000, 4, 9, 2.5)
    channel = EmailChannel.from_settings(settings)
    assert channel.parser.limits == ParseLimits(1048576, 5000, 7000, 4, 9, 2.5)
    assert channel.max_bytes == 1048576


def test_a_cap_that_makes_no_sense_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALES_AGENT_EMAIL_MAX_MIME_DEPTH", "0")
    with pytest.raises(ConfigError, match="SALES_AGENT_EMAIL_MAX_MIME_DEPTH"):
        load_settings()


def test_parse_email_obeys_the_configured_text_cap(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "lead@x.ru", "us@y.ru", "Re: offer"
    msg["Message-ID"] = "<long@x.ru>"
    msg.set_content("Длинный ответ про отзывы. " * 200)  # ~5,000 characters
    path = tmp_path / "long.eml"
    path.write_bytes(msg.as_bytes())

    def parse(**env: str) -> tuple[dict, str]:
        out = subprocess.run([*CLI, "parse-email", str(path)], capture_output=True, text=True,
                             timeout=60, env={**os.environ, **env}, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout), out.stderr

    read, _ = parse()
    assert read["text"].startswith("Длинный ответ")
    capped, why = parse(SALES_AGENT_EMAIL_MAX_TEXT_CHARS="1000")
    assert capped["text"] == "" and "quarantined" in why and "over the cap" in why
