"""What the user account has done today: new chats started, peers known, a PEER_FLOOD pause.

Kept in a small JSON file next to the session (owner-only), so a restart neither forgets the
day's count nor resumes writing during a pause. A peer is "new" until we have written to it or it
has written to us; resolved addresses are cached so a handle is resolved once (resolving is
rate-limited by Telegram too).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class AccountLedger:
    def __init__(self, path: Path | None, *, daily_new_chats: int = 40) -> None:
        self.path = path
        self.daily_new_chats = daily_new_chats
        self.data: dict[str, Any] = {"aliases": {}, "known": [], "days": {}, "paused_until": 0.0}
        if path is not None and path.exists():
            try:
                self.data.update(json.loads(path.read_text()))
            except (OSError, ValueError) as e:
                log.warning("telegram ledger %s unreadable, starting afresh: %s", path.name, e)
        self._known = {int(p) for p in self.data["known"]}

    def peer_of(self, address: str) -> int | None:
        """The peer id this @handle / phone resolved to before, if any."""
        return self.data["aliases"].get(address.lower())

    def is_known(self, peer_id: int) -> bool:
        return peer_id in self._known

    def new_chats_on(self, now: datetime) -> int:
        return int(self.data["days"].get(now.date().isoformat(), 0))

    def cap_reached(self, now: datetime) -> bool:
        return self.new_chats_on(now) >= self.daily_new_chats

    def remember(self, peer_id: int, address: str | None = None, *, new_chat_at: datetime |
                 None = None) -> None:
        """Record a peer (and the address it answers to); count it if we just started the chat."""
        changed = False
        if address and self.data["aliases"].get(address.lower()) != peer_id:
            self.data["aliases"][address.lower()] = peer_id
            changed = True
        if peer_id not in self._known:
            self._known.add(peer_id)
            self.data["known"].append(peer_id)
            changed = True
            if new_chat_at is not None:
                day = new_chat_at.date().isoformat()
                days = {d: n for d, n in self.data["days"].items() if d >= _days_ago(day, 7)}
                days[day] = days.get(day, 0) + 1
                self.data["days"] = days
        if changed:
            self._save()

    def pause(self, until: datetime) -> None:
        self.data["paused_until"] = until.timestamp()
        self._save()

    def paused_for(self, now: datetime) -> float:
        """Seconds left of a PEER_FLOOD pause (0 when writing is allowed)."""
        return max(0.0, float(self.data["paused_until"]) - now.timestamp())

    def _save(self) -> None:
        if self.path is None:
            return
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(self.data, f)
        tmp.replace(self.path)


def seconds_to_next_day(now: datetime) -> float:
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1.0, (tomorrow - now).total_seconds())


def _days_ago(day: str, n: int) -> str:
    return (datetime.fromisoformat(day) - timedelta(days=n)).date().isoformat()
