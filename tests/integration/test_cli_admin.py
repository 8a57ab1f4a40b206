"""`sales-agent init` prepares without wiping; `run --until-idle` exits when nothing is left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sales_agent.cli", *args],
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def test_init_twice_keeps_contacts(settings_env: dict[str, str]) -> None:
    assert cli(settings_env, "contacts", "add", "--name", "A", "--email", "a@x.example")\
        .returncode == 0
    for _ in range(2):
        out = cli(settings_env, "init")
        assert out.returncode == 0, out.stderr
    assert Path(settings_env["SALES_AGENT_DATA_DIR"], "charts").is_dir()
    listed = json.loads(cli(settings_env, "contacts", "list", "--json").stdout)
    assert [c["email"] for c in listed] == ["a@x.example"]


def test_run_until_idle_sends_the_first_message_and_exits(settings_env: dict[str, str]) -> None:
    cli(settings_env, "contacts", "add", "--name", "Ольга", "--email", "olga@x.example")
    out = cli(settings_env, "run", "--until-idle", "--now", "2026-11-25T10:00:00+03:00")
    assert out.returncode == 0, out.stderr
    shown = json.loads(cli(settings_env, "contacts", "show", "olga@x.example", "--json").stdout)
    assert shown["status"] == "active"
    assert [(m["direction"], m["channel"]) for m in shown["messages"]] == [("out", "sandbox")]


def test_unknown_role_is_one_clear_line(settings_env: dict[str, str]) -> None:
    out = cli(settings_env, "run", "--role", "nonsense", "--until-idle")
    assert out.returncode != 0 and "unknown role" in out.stderr
