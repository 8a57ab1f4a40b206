"""Auto-reply signs in mail headers and subjects (RFC 3834 and what real clients send)."""

from __future__ import annotations

import re
from collections.abc import Mapping

_SUBJECT = re.compile(
    r"^\s*(автоответ|автоматический ответ|auto(matic)?[ -]?reply|auto[ -]?response|"
    r"out of (the )?office|ooo\b|нет на месте|вне офиса|в отпуске|отсутствую|"
    r"absence|abwesenheit|autosvar)", re.I)


def auto_reply_reason(headers: Mapping[str, str] | None, subject: str | None) -> str | None:
    """A short reason when headers or subject say the message came from an autoresponder."""
    h = {str(k).lower(): str(v).strip().lower() for k, v in (headers or {}).items()}
    auto_submitted = h.get("auto-submitted", "no")
    if auto_submitted and auto_submitted != "no":
        return f"header Auto-Submitted: {auto_submitted}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponse", "x-auto-reply"):
        if h.get(name) not in (None, "", "no", "false", "0"):
            return f"header {name}"
    if h.get("precedence") in ("auto_reply", "auto-reply"):
        return "header Precedence: auto_reply"
    # Exchange stamps its out-of-office and rule replies so that they are not answered in turn.
    suppress = {v.strip() for v in h.get("x-auto-response-suppress", "").split(",")}
    if suppress & {"all", "oof", "autoreply"}:
        return "header X-Auto-Response-Suppress"
    subject = subject or h.get("subject") or ""
    if _SUBJECT.match(re.sub(r"^\s*(re|fw|fwd|отв|ответ)\s*:\s*", "", subject, flags=re.I)):
        return f"subject {subject[:40]!r}"
    return None
