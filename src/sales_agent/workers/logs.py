"""Structured logs: one event per line, `event=... contact=... intent=... action=...`."""

from __future__ import annotations

import logging

log = logging.getLogger("sales_agent.events")


def log_event(event: str, /, level: int = logging.INFO, **fields: object) -> None:
    parts = [f"event={event}"]
    for key, value in fields.items():
        if value is None:
            continue
        text = str(value).replace("\n", " ")
        parts.append(f"{key}={text!r}" if " " in text else f"{key}={text}")
    log.log(level, " ".join(parts))
