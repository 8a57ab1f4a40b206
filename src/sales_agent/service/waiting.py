"""Messages still waiting in the outbox for one contact: when each goes and why it waits.

Why: "window" (outside the send window: the next opening), "pace" (a human pause before an
answer), "retry" (the channel refused for now; tried again later), "cap" (due a while ago: the
channel's per-minute send cap, or a channel worker that is not running, holds it back; the store
cannot tell which), "queued" (due a moment ago; the channel worker takes it next).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..store.items import OutboxItem
from ..store.port import StorePort

CAP_SLACK = 60.0  # seconds past due: a message still waiting then is held by the send cap


@dataclass(frozen=True)
class Waiting:
    kind: str
    channel: str
    due: datetime
    why: str
    detail: str = ""

    def as_json(self, tz: Any = None) -> dict[str, str]:
        return {"kind": self.kind, "channel": self.channel,
                "due": self.due.astimezone(tz).isoformat(), "why": self.why,
                "detail": self.detail}


async def waiting_for(store: StorePort, contact_id: str, now: datetime) -> list[Waiting]:
    return [_waiting(item, now) for item in await store.outbox.pending_for(contact_id)]


def _waiting(item: OutboxItem, now: datetime) -> Waiting:
    due = datetime.fromtimestamp(float(item.due or 0), UTC)
    if item.queue.last_error:
        why, detail = "retry", str(item.queue.last_error)[:200]
    elif due > now:
        why, detail = item.wait_reason or "pace", ""
    elif (now - due).total_seconds() > CAP_SLACK:
        why, detail = "cap", "the send cap or a stopped channel worker holds it"
    else:
        why, detail = "queued", ""
    return Waiting(str(item.kind or ""), str(item.route or item.channel), due, why, detail)
