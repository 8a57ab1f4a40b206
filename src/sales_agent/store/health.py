"""The workers' health as the operator sees it: one document per part (a channel, the store, a
role), written by the process running it, read by `status --json` and the console."""

from __future__ import annotations

import time
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection

STALE_AFTER = 60.0  # a part not reported for this long has no worker running it


class HealthBoard:
    def __init__(self, collection: AsyncCollection[Any]) -> None:
        self.collection = collection

    async def report(self, part: str, *, state: str, since: float, error: str | None,
                     owner: str) -> None:
        await self.collection.update_one(
            {"_id": part},
            {"$set": {"state": state, "since": since, "error": error, "owner": owner,
                      "updated_at": time.time()}},
            upsert=True)

    async def read(self, now: float | None = None) -> dict[str, dict[str, Any]]:
        """part -> {state, since, error, owner, updated_at}; an unreported part is `gone`."""
        now = time.time() if now is None else now
        parts = {}
        async for doc in self.collection.find({}):
            part = doc.pop("_id")
            if now - float(doc.get("updated_at") or 0) > STALE_AFTER:
                doc["state"] = "gone"
            parts[part] = doc
        return dict(sorted(parts.items()))
