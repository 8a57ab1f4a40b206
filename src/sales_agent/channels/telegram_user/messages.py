"""A Telethon message (or anything shaped like one) as an `IncomingMessage`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ...domain import keys
from ..base import IncomingMessage
from ..commands import command_of

KEY_PREFIX = "tgu"
# Telethon sets `.document` for stickers, voice, video and audio too: the specific ones go first.
_MEDIA = ("sticker", "voice", "video_note", "video", "gif", "audio", "photo", "document",
          "contact", "geo", "poll")
_EXT = {"sticker": ".webp", "voice": ".ogg", "video_note": ".mp4", "video": ".mp4",
        "gif": ".mp4", "audio": ".mp3", "photo": ".jpg"}


def message_kind(message: Any) -> str:
    for kind in _MEDIA:
        if getattr(message, kind, None):
            return "location" if kind == "geo" else "animation" if kind == "gif" else kind
    return "text" if (getattr(message, "message", None) or "") else "other"


def to_incoming(message: Any, sender: Any) -> IncomingMessage:
    chat_id = int(message.chat_id)
    kind = message_kind(message)
    text = message.message or ""
    names: tuple[str, ...] = ()
    if kind not in ("text", "other", "contact", "location", "poll"):
        file = getattr(message, "file", None)
        name = getattr(file, "name", None)
        ext = getattr(file, "ext", None) or _EXT.get(kind, "")
        names = (name or f"{kind}_{message.id}{ext}",)
    first = getattr(sender, "first_name", None)
    last = getattr(sender, "last_name", None)
    username = getattr(sender, "username", None) or ""
    headers = {"username": f"@{username.lower()}" if username else ""}
    if getattr(sender, "lang_code", None):
        headers["language_code"] = sender.lang_code
    key = keys.telegram_received(KEY_PREFIX, chat_id, message.id)
    at = message.date or datetime.now(UTC)
    return IncomingMessage(
        channel="telegram", key=key, sender=f"tg:{chat_id}", text=text, full_text=text,
        at=at if at.tzinfo else at.replace(tzinfo=UTC),
        sender_name=" ".join(p for p in (first, last) if p), message_id=key,
        attachments=names, headers=headers, chat_id=chat_id, command=command_of(text),
        kind=kind,
    )
