"""`sales-agent telegram ...` as a subprocess, against the local Bot API server."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from sales_agent.service.contacts import add_contact

CLI = Path(sys.executable).parent / "sales-agent"


async def run_cli(*args: str, env: dict[str, str | None]) -> tuple[int, str, str]:
    full = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    proc = await asyncio.create_subprocess_exec(
        str(CLI), *args, env=full,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, out.decode(), err.decode()


async def test_link_prints_a_deep_link_with_the_contacts_token(store, telegram_env):
    lead = await add_contact(store, name="Ольга", company="ВкусВилл", email="olga@vv.example")
    code, out, _ = await run_cli("telegram", "link", "olga@vv.example", env=telegram_env)
    token = (await store.contacts.get(lead.id)).bot_token
    assert code == 0 and token
    assert out.strip() == f"https://t.me/napoleon_test_bot?start={token}"


async def test_whoami_without_api_credentials_is_one_clear_line(settings_env):
    env = {**settings_env, "SALES_AGENT_TELEGRAM_API_ID": None,
           "SALES_AGENT_TELEGRAM_API_HASH": None}
    code, _, err = await run_cli("telegram", "whoami", env=env)  # type: ignore[arg-type]
    assert code == 1 and "SALES_AGENT_TELEGRAM_API_ID" in err and "Traceback" not in err
