"""`run --until-idle --now T0` again and again with the same T0, one role per process, as a
user runs the roles apart: what one run queued is due in the next.

The clock used to start at T0 in every run and run on: the logic stamped the letters "now" =
T0 plus the seconds it had run (the brain's loading alone is seconds), so to the email role's
run at the same T0 they lay in the future, and it went idle and exited without sending them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from sales_agent.service.contacts import add_contact
from sales_agent.store import Store
from tests.fixtures._dovecot import MailUser
from tests.fixtures.mail import MailServer

T0 = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # a Wednesday, 10:00 Moscow: the window is open


@pytest.fixture
def agent_env(settings_env: dict[str, str], mail_server: MailServer, agent_mailbox: MailUser,
              monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {**settings_env, **mail_server.env(agent_mailbox)}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


async def run_role(env: dict[str, str], role: str) -> None:
    proc = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "sales_agent.cli", "run", "--role", role,
                         "--until-idle", "--now", T0.isoformat()],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]


async def test_roles_run_apart_at_the_same_now_hand_their_work_on(
        store: Store, mail_server: MailServer, agent_env: dict[str, str]) -> None:
    leads = [mail_server.add_user() for _ in range(3)]
    for i, box in enumerate(leads):
        await add_contact(store, name=f"Лид {i}", company=f"ООО «Тест {i}»", email=box.address)
    await run_role(agent_env, "scheduler")
    await run_role(agent_env, "logic")
    queued = await store.outbox.collection.find({}).to_list()
    assert len(queued) == 3 and all(item["due_at"] <= T0.timestamp() for item in queued)
    await run_role(agent_env, "email")
    assert [len(await mail_server.wait_for(b, 1)) for b in leads] == [1, 1, 1]
    await run_role(agent_env, "email")  # and again: nothing twice
    assert await store.outbox.count({"status": "done"}) == 3
    assert [len(await mail_server.aread(b)) for b in leads] == [1, 1, 1]
