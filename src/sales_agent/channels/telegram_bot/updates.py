"""From raw Bot API updates to `IncomingMessage`s, and which offset may be confirmed.

Updates are fetched raw (a list of dicts) and validated one by one, so one malformed update is
skipped instead of failing the whole batch. Telegram forgets every update below the `offset` of
the next getUpdates call, so the offset only moves past updates the engine has stored.
"""

from __future__ import annotations

from typing import Any

from aiogram.methods.base import TelegramMethod
from aiogram.types import Message, Update

from ...domain import keys
from ..base import IncomingMessage
from ..commands import command_of

KEY_PREFIX = "tg"


class GetRawUpdates(TelegramMethod[list[Any]]):
    """getUpdates whose answer is left as dicts: validated per update by `parse_update`."""

    __returning__ = list[Any]
    __api_method__ = "getUpdates"

    offset: int | None = None
    limit: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


class SkippedUpdate(Exception):
    """This update carries nothing for the engine (edited, group chat, service message...)."""


def parse_update(raw: dict[str, Any]) -> tuple[int, IncomingMessage]:
    """(update_id, message); raises SkippedUpdate, or pydantic's ValidationError when malformed."""
    update = Update.model_validate(raw)
    message = update.message
    if message is None:
        raise SkippedUpdate(f"update {update.update_id} has no new message ({_kind(raw)})")
    if message.chat.type != "private":
        raise SkippedUpdate(f"update {update.update_id} comes from a {message.chat.type} chat")
    return update.update_id, to_incoming(message)


def to_incoming(message: Message, prefix: str = KEY_PREFIX) -> IncomingMessage:
    chat_id = message.chat.id
    user = message.from_user
    first, last = (user.first_name, user.last_name) if user else (message.chat.first_name,
                                                                  message.chat.last_name)
    username = (user.username if user else message.chat.username) or ""
    text = message.text or message.caption or ""
    names, file_id = attachment_names(message)
    headers = {"username": f"@{username.lower()}" if username else ""}
    if user and user.language_code:
        headers["language_code"] = user.language_code
    if file_id:
        headers["file_id"] = file_id
    key = keys.telegram_received(prefix, chat_id, message.message_id)
    return IncomingMessage(
        channel="telegram", key=key, sender=f"tg:{chat_id}", text=text, full_text=text,
        at=message.date, sender_name=" ".join(p for p in (first, last) if p),
        message_id=key, attachments=names, headers=headers, chat_id=chat_id,
        command=command_of(message.text or ""), kind=_content_kind(message),
    )


def attachment_names(message: Message) -> tuple[tuple[str, ...], str | None]:
    """The names a lead's file is stored under (never used as a path), and its file_id."""
    if message.document and not message.animation:
        d = message.document
        return (d.file_name or f"document_{d.file_unique_id}",), d.file_id
    if message.photo:
        p = message.photo[-1]  # the largest size
        return (f"photo_{p.file_unique_id}.jpg",), p.file_id
    media: list[tuple[Any, str]] = [
        (message.voice, "voice.ogg"), (message.audio, "audio.mp3"), (message.video, "video.mp4"),
        (message.video_note, "video_note.mp4"), (message.animation, "animation.mp4"),
    ]
    for item, default in media:
        if item is not None:
            stem, ext = default.split(".")
            name = getattr(item, "file_name", None) or f"{stem}_{item.file_unique_id}.{ext}"
            return (name,), item.file_id
    if message.sticker:
        s = message.sticker
        ext = "tgs" if s.is_animated else "webm" if s.is_video else "webp"
        return (f"sticker_{s.file_unique_id}.{ext}",), s.file_id
    return (), None


def _content_kind(message: Message) -> str:
    kind = message.content_type
    return str(getattr(kind, "value", kind))


def _kind(raw: dict[str, Any]) -> str:
    return next((k for k in raw if k != "update_id"), "empty")


class OffsetTracker:
    """Which updates are yielded but not yet stored; the offset never passes the oldest one.

    Updates above that offset that are already stored come back with the next batch; `is_done`
    tells the loop not to yield them twice.
    """

    def __init__(self) -> None:
        self._pending: set[int] = set()
        self._done: set[int] = set()
        self._highest: int | None = None

    def seen(self, update_id: int) -> None:
        self._pending.add(update_id)
        self._highest = update_id if self._highest is None else max(self._highest, update_id)

    def done(self, update_id: int) -> None:
        if update_id in self._pending:
            self._pending.discard(update_id)
            self._done.add(update_id)
        floor = self.offset
        if floor is not None:
            self._done = {u for u in self._done if u >= floor}

    def is_done(self, update_id: int) -> bool:
        return update_id in self._done or (self.offset or 0) > update_id

    @property
    def offset(self) -> int | None:
        """The offset for the next getUpdates: confirms exactly what is done."""
        if self._pending:
            return min(self._pending)
        return None if self._highest is None else self._highest + 1
