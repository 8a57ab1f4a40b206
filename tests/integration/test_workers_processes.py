"""Several worker processes over one store: every lead gets exactly one first message."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sales_agent.service.contacts import add_contact
from sales_agent.store import Store
from sales_agent.workers.health import Health

NOW = "2026-11-25T10:00:00+03:00"  # a Wednesday, inside the send window


def start_worker(env: dict[str, str], role: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sales_agent.cli", "run", "--role", role, "--until-idle",
         "--now", NOW], env={**os.environ, **env}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


async def test_three_processes_race_and_nothing_is_sent_twice(
        store: Store, settings_env: dict[str, str]) -> None:
    ids = [(await add_contact(store, name=f"Lead {i}", email=f"lead{i}@example.com")).id
           for i in range(30)]
    workers = [start_worker(settings_env, role) for role in ("all", "all", "logic")]
    for w in workers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err[-2000:]
    for contact_id in ids:
        out = [m for m in await store.messages.for_contact(contact_id) if m.direction == "out"]
        assert [m.decision for m in out] == ["first"], contact_id
    assert await store.outbox.count({"status": "done"}) == 30


async def test_status_reports_queues_and_funnel(store: Store,
                                                settings_env: dict[str, str]) -> None:
    await add_contact(store, name="A", email="a@example.com")
    health = Health(store, "worker-1")  # what a running agent publishes
    health.up("logic")
    health.down("email", "SMTP 127.0.0.1:1 unreachable: ConnectionRefusedError")
    assert await health.publish()
    out = subprocess.run([sys.executable, "-m", "sales_agent.cli", "status", "--json"],
                         env={**os.environ, **settings_env}, capture_output=True, text=True,
                         timeout=120)
    data = json.loads(out.stdout)
    assert data["contacts"]["new"] == 1 and data["outbox"]["pending"] == 0
    assert data["health"]["logic"]["state"] == "ok"
    assert data["health"]["email"]["state"] == "down"
    assert "unreachable" in data["health"]["email"]["error"]
