"""Golden conversations (tests/golden/*.yaml) end to end on a simulated clock: after each of the
lead's turns, the messages the agent sent, the lead's status and the notes to the manager are
exactly those the playbook expects. Email dialogues run over real mail and check the lead's and
the manager's mailboxes; Telegram ones over the local Bot API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sales_agent.store import Store
from sales_agent.workers import supervisor
from tests.e2e.golden_players import (
    START,
    EmailPlayer,
    SandboxPlayer,
    TelegramPlayer,
    step_time,
)

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CHANNELS = ("sandbox", "email", "telegram")


def dialogues() -> list[Any]:
    found = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        for d in yaml.safe_load(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(reason=d["xfail"], strict=False)] if d.get("xfail") else []
            found.append(pytest.param(d, id=d["name"], marks=marks))
    return found


def test_the_golden_set_is_large_and_varied() -> None:
    ds = [p.values[0] for p in dialogues()]
    assert len(ds) >= 40 and len({d["name"] for d in ds}) == len(ds)
    by_channel = {c: sum(d.get("channel", "sandbox") == c for d in ds) for c in CHANNELS}
    assert by_channel["email"] >= 3 and by_channel["telegram"] >= 2, by_channel
    english = [d for d in ds if not any("а" <= ch <= "я" for ch in d["lead"]["name"].lower())]
    assert len(english) >= 8


@pytest.fixture
def player(request: pytest.FixtureRequest, store: Store, settings_env: dict[str, str],
           monkeypatch: pytest.MonkeyPatch) -> SandboxPlayer:
    channel = request.param
    if channel == "email":
        mail = request.getfixturevalue("mail_server")
        agent_box, manager = mail.add_user(), mail.add_user()
        for key, value in mail.env(agent_box).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("SALES_AGENT_MANAGER_EMAIL", manager.address)
        return EmailPlayer(store, mail=mail, manager=manager, agent_box=agent_box)
    if channel == "telegram":
        request.getfixturevalue("telegram_env")
        return TelegramPlayer(store, api=request.getfixturevalue("telegram_api"), chat=880001)
    # The sandbox has no server to wait for: a shorter idle poll keeps the suite quick.
    monkeypatch.setattr(supervisor, "POLL", 0.05)
    return SandboxPlayer(store)


def _with_player(params: list[Any]) -> list[Any]:
    return [pytest.param(p.values[0], p.values[0].get("channel", "sandbox"), id=p.id,
                         marks=p.marks) for p in params]


@pytest.mark.parametrize(("dialogue", "player"), _with_player(dialogues()),
                         indirect=["player"])
async def test_golden_conversation(dialogue: dict[str, Any], player: SandboxPlayer,
                                   store: Store) -> None:
    at = START
    await player.start(dialogue["lead"], at)
    seen = Seen(store, player.contact_id)
    assert await seen.new_sends() == dialogue.get("first", ["first"]), "the first message"
    for number, step in enumerate(dialogue["turns"], 1):
        at = step_time(step, at)
        if "say" in step:
            await player.say(step["say"], at)
        else:
            await player.run(at)
        where = f"turn {number} ({step.get('say') or 'silence'}) at {at.isoformat()}"
        assert await seen.new_sends() == step.get("sends", []), where
        if "status" in step:
            assert str((await store.contacts.get(player.contact_id)).status) == step["status"], \
                where
        assert await seen.new_notices() == sorted(step.get("notices", [])), where
        await player.delivered(seen.sent)
        await player.manager_got(seen.notes)


class Seen:
    """What the agent has done so far for one lead: messages out, notes to a human."""

    def __init__(self, store: Store, contact_id: str) -> None:
        self.store, self.contact_id = store, contact_id
        self.sent = self.notes = 0
        self._notices: set[str] = set()

    async def new_sends(self) -> list[str]:
        out = [m for m in await self.store.messages.for_contact(self.contact_id)
               if m.direction == "out"]
        new, self.sent = out[self.sent:], len(out)
        return [str(m.decision) for m in new]

    async def new_notices(self) -> list[str]:
        docs = [d async for d in self.store.notifications.collection.find(
            {"contact_id": self.contact_id})]
        new = [d for d in docs if d["_id"] not in self._notices]
        self._notices |= {d["_id"] for d in docs}
        kinds = sorted(d["kind"] for d in new)
        self.notes += sum(k.startswith("manager_") for k in kinds)
        return kinds
