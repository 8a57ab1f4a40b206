"""The workers' idea of now: real time, or real time shifted so that `--now` is the start.

`frozen`: `--now` stays that instant for the whole run (`run --until-idle --now T`: "do what
is ready as of T"). A shifted clock restarts at T in every run, so what one run stamped "now"
(T plus the seconds it had run) lay in the future of the next run at the same T, and a letter
queued by a run that was killed, or by the logic role in another process, never became due.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    def __init__(self, start: datetime | None = None, *, frozen: bool = False) -> None:
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        self._offset = 0.0 if start is None else start.timestamp() - time.time()
        self._frozen = start.timestamp() if frozen and start is not None else None

    def ts(self) -> float:
        if self._frozen is not None:
            return self._frozen
        return time.time() + self._offset

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.ts(), UTC)
