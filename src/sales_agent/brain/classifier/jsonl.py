"""One line of `sales-agent classify` input → one output object (CONTRACT.md "classify")."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ...domain.intent import Intent
from .engine import classify
from .result import Classification

_BLANK = Classification(Intent.OTHER, 0.2, reasons=("a blank line",), review=True)


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("'date' must be an ISO date-time string")
    return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))


def classify_line(line: str) -> dict[str, Any]:
    """The contract's output for one JSON line; a bad line gives {"id", "error"}. A blank line
    is an empty reply (other, for review), so output lines stay one per input line. Only a
    missing model (ModelUnavailable) raises: no line could be answered without it."""
    message_id: Any = None
    if not line.strip():
        return _BLANK.as_json(None)
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError("a line must be a JSON object")
        message_id = record.get("id")
        if message_id is None:
            raise ValueError("'id' is required")
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError("'text' is required and must be a string")
        headers = record.get("headers")
        result = classify(
            text, date=_when(record.get("date")), channel=str(record.get("channel") or "email"),
            subject=record.get("subject") if isinstance(record.get("subject"), str) else None,
            headers=headers if isinstance(headers, dict) else None,
            sender=record.get("from") if isinstance(record.get("from"), str) else None,
        )
    except (ValueError, TypeError, RecursionError) as e:  # JSONDecodeError is a ValueError
        return {"id": message_id, "error": str(e).splitlines()[0][:200] or type(e).__name__}
    return result.as_json(message_id)
