"""An inbox document back to the IncomingMessage it was made from."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..channels.base import IncomingMessage
from ..store.timeutil import from_ts

_NAMES = {f.name for f in fields(IncomingMessage)}


def incoming_from_doc(doc: dict[str, Any]) -> IncomingMessage:
    data = {k: v for k, v in doc.items() if k in _NAMES}
    data["at"] = from_ts(doc.get("at"))
    data["references"] = tuple(doc.get("references") or ())
    data["attachments"] = tuple(doc.get("attachments") or ())
    data["headers"] = dict(doc.get("headers") or {})
    return IncomingMessage(**data)
