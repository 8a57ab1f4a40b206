"""The lead's side of a golden conversation, one player per channel: the sandbox route, real
mail (Dovecot + the SMTP front) and the local Telegram Bot API. Each adds the lead, lets them
say something at a simulated time, and runs the agent on that clock until it is idle."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

from sales_agent.service.contacts import add_contact
from sales_agent.service.conversation import submit_sandbox_reply
from sales_agent.service.telegram_binding import ensure_bot_token
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures._dovecot import MailUser
from tests.fixtures.mail import MailServer
from tests.fixtures.telegram import FakeBotApi, FakeUser

START = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # Wednesday, 10:00 in Moscow
_SPAN = re.compile(r"^(\d+)([mhd])$")


def step_time(step: dict[str, Any], previous: datetime, default: str = "1h") -> datetime:
    """`at: ISO` or `after`/`wait: 3d` (m, h, d) since the previous step."""
    if "at" in step:
        at = step["at"]
        return at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
    m = _SPAN.match(str(step.get("wait") or step.get("after") or default))
    assert m, f"bad time span in {step}"
    unit = {"m": "minutes", "h": "hours", "d": "days"}[m.group(2)]
    return previous + timedelta(**{unit: int(m.group(1))})


@dataclass
class SandboxPlayer:
    store: Store
    roles: frozenset[str] = frozenset({"logic", "scheduler", "sandbox"})
    contact_id: str = ""

    async def run(self, at: datetime) -> None:
        await run_workers(self.store, load_settings(), set(self.roles), until_idle=True,
                          clock=Clock(at))

    async def start(self, lead: dict[str, Any], at: datetime) -> None:
        contact = await add_contact(self.store, **_fields(lead))
        self.contact_id = contact.id
        await self.run(at)

    async def say(self, text: str, at: datetime) -> None:
        await submit_sandbox_reply(self.store, self.contact_id, text, at=at)
        await self.run(at)

    async def delivered(self, count: int) -> None:
        """The sandbox records what it sends: nothing more to check on the lead's side."""

    async def manager_got(self, count: int) -> None:
        """No manager mailbox without email: the notification record is the delivery."""


@dataclass
class EmailPlayer(SandboxPlayer):
    mail: MailServer | None = None
    manager: MailUser | None = None
    agent_box: MailUser | None = None
    box: MailUser | None = None
    roles: frozenset[str] = frozenset({"logic", "scheduler", "email"})

    async def start(self, lead: dict[str, Any], at: datetime) -> None:
        assert self.mail is not None
        self.box = self.mail.add_user()
        await super().start({**lead, "email": self.box.address}, at)

    async def say(self, text: str, at: datetime) -> None:
        assert self.mail and self.box and self.agent_box
        last = (await self.mail.aread(self.box))[-1]
        original = last.get_body(("plain",)).get_content()
        quoted = "\n".join("> " + line for line in original.splitlines())
        await self.mail.asend(
            self.box, self.agent_box.address, subject="Re: " + str(last["Subject"]),
            text=f"{text}\n\n{format_datetime(at - timedelta(hours=1))}, "
                 f"<{self.agent_box.address}>:\n{quoted}",
            headers={"Date": format_datetime(at), "In-Reply-To": last["Message-ID"],
                     "References": last["Message-ID"]})
        await self.run(at)

    async def delivered(self, count: int) -> None:
        assert self.mail and self.box
        got = await self.mail.wait_for(self.box, count)
        assert len(got) == count, f"the lead's mailbox holds {len(got)} letters, not {count}"

    async def manager_got(self, count: int) -> None:
        assert self.mail and self.manager
        got = await self.mail.wait_for(self.manager, count)
        assert len(got) == count, f"the manager got {len(got)} letters, not {count}"


@dataclass
class TelegramPlayer(SandboxPlayer):
    api: FakeBotApi | None = None
    chat: int = 0
    user: FakeUser | None = None
    roles: frozenset[str] = frozenset({"logic", "scheduler", "telegram"})
    _sent: list[Any] = field(default_factory=list)

    async def start(self, lead: dict[str, Any], at: datetime) -> None:
        assert self.api is not None
        contact = await add_contact(self.store, **_fields(lead))
        self.contact_id = contact.id
        first, _, last = lead["name"].partition(" ")
        self.user = FakeUser(self.chat, first, last)
        token = await ensure_bot_token(self.store, contact)
        await self.api.push_start(self.chat, token, self.user)
        await self.run(at)

    async def say(self, text: str, at: datetime) -> None:
        assert self.api is not None
        await self.api.push_message(self.chat, self.user, text=text, date=int(at.timestamp()))
        await self.run(at)

    async def delivered(self, count: int) -> None:
        assert self.api is not None
        # A letter with an attachment is a text and a document in a chat.
        texts = [m for m in await self.api.wait_sent(self.chat, count)
                 if m["method"] == "sendMessage"]
        assert len(texts) >= count, f"the chat got {len(texts)} messages, not {count}"


def _fields(lead: dict[str, Any]) -> dict[str, Any]:
    keep = ("name", "company", "email", "telegram", "products", "source")
    return {k: v for k, v in lead.items() if k in keep}
