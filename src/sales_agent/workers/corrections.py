"""The operator's corrections, kept current for a running engine without a restart.

Before each fresh classification the feed asks the store for the corrections' version (one small
document, bumped by every save and removal); only when it moved are they read again and a new bank
built. A correction saved in the console is therefore used from the very next reply, by every
logic worker, and a reply costs one small read when nothing changed.
"""

from __future__ import annotations

import logging

from ..brain.classifier.corrections import CorrectionBank, example
from ..store.port import StorePort
from .logs import log_event

log = logging.getLogger(__name__)


class CorrectionsFeed:
    def __init__(self, store: StorePort) -> None:
        self.store = store
        self._version: int | None = None  # None: never read, so the first reply reads them
        self._bank = CorrectionBank()

    async def current(self) -> CorrectionBank:
        """The bank as of now; when the store cannot say, the last one (a correction is a
        refinement: a reply is never held up for it)."""
        try:
            version = await self.store.corrections.version()
            if version != self._version:
                corrections = await self.store.corrections.all()
                latest_last = sorted(corrections, key=lambda c: c.at)  # the latest wins a tie
                found = (example(c.corpus_id, c.text, c.intent) for c in latest_last)
                self._bank = CorrectionBank(e for e in found if e is not None)
                self._version = version
                log_event("corrections_loaded", examples=len(self._bank))
        except Exception:
            log.exception("operator corrections could not be read; using the last ones")
        return self._bank
