"""The workers' idea of now: real time, or real time shifted so that `--now` is the start."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        self._offset = 0.0 if start is None else start.timestamp() - time.time()

    def ts(self) -> float:
        return time.time() + self._offset

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.ts(), UTC)
