"""The Telegram bot as a channel: long polling in; text, photos and documents out (aiogram 3).

    channel = TelegramBotChannel.from_settings(settings)
    async for msg in channel.receive():   # every private message, as IncomingMessage
        ...store it...
        await channel.acknowledge(msg)    # only now may Telegram forget the update
    await channel.send(OutgoingMessage(..., to=str(chat_id), text=..., attachments=(path,)))
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    AiogramError,
    TelegramConflictError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import FSInputFile, Message
from pydantic import ValidationError

from ...errors import (
    ChannelAuthError,
    ConfigError,
    PermanentChannelError,
    TransientChannelError,
)
from ...settings import Settings
from ...store.timeutil import now_utc
from ..base import AbstractChannel, IncomingMessage, OutgoingMessage, SentReceipt
from .errors import map_bot_error
from .split import split_text
from .updates import GetRawUpdates, OffsetTracker, SkippedUpdate, parse_update

log = logging.getLogger(__name__)

BOT_API_FILE_LIMIT = 50 * 1024 * 1024  # sendDocument accepts up to 50 MB
PHOTO_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})  # sent with sendPhoto (10 MB at most)


class TelegramBotChannel(AbstractChannel):
    """Knobs: `poll_timeout` (s, long polling), `max_retry_wait` (s of 429 waits absorbed inside
    one send before giving the item back to the outbox), `error_pause` (s after a failed poll)."""

    name = "telegram"

    def __init__(self, bot: Bot, *, poll_timeout: int = 25, max_retry_wait: float = 60.0,
                 error_pause: float = 5.0) -> None:
        self.bot = bot
        self.poll_timeout = poll_timeout
        self.max_retry_wait = max_retry_wait
        self.error_pause = error_pause
        self._offsets = OffsetTracker()
        self._update_of: dict[str, int] = {}  # message key -> update id, until acknowledged
        self._confirmed: int | None = None  # the offset Telegram last saw
        self._progress: dict[str, list[int]] = {}  # outbox key -> ids of the parts already sent
        self._me: str | None = None
        self.caught_up = False  # `run --until-idle`: True once a poll found nothing waiting

    @classmethod
    def from_settings(cls, settings: Settings, **knobs: Any) -> TelegramBotChannel:
        if settings.telegram_bot_token is None:
            raise ConfigError("SALES_AGENT_TELEGRAM_BOT_TOKEN is not set")
        server = TelegramAPIServer.from_base(settings.telegram_api_base)
        try:
            bot = Bot(settings.telegram_bot_token.get_secret_value(),
                      session=AiohttpSession(api=server))
        except Exception:  # aiogram's TokenValidationError; its text would carry the token
            raise ConfigError("SALES_AGENT_TELEGRAM_BOT_TOKEN is not a bot token") from None
        return cls(bot, **knobs)

    async def username(self) -> str:
        """The bot's @username without the @ (for t.me deep links); asks getMe once."""
        if self._me is None:
            me = await self._call(self.bot.get_me, "getMe")
            self._me = me.username or ""
        return self._me

    # --- receiving -----------------------------------------------------------------------

    async def receive(self) -> AsyncIterator[IncomingMessage]:
        await self._call(lambda: self.bot.delete_webhook(drop_pending_updates=False),
                         "deleteWebhook")
        while True:
            # Short polls while there may be a backlog; long polls once caught up.
            batch = await self._poll(self.poll_timeout if self.caught_up else 0)
            self.caught_up = not batch
            for raw in batch:
                message = self._accept(raw)
                if message is not None:
                    yield message

    async def _poll(self, timeout: int) -> list[Any]:
        offset = self._offsets.offset
        method = GetRawUpdates(offset=offset, timeout=timeout, allowed_updates=["message"])
        try:
            batch = await self.bot(method, request_timeout=timeout + 10)
        except TelegramRetryAfter as e:
            await asyncio.sleep(e.retry_after)
            return []
        except TelegramUnauthorizedError:  # the channel stops and the operator is told
            raise ChannelAuthError(
                "Telegram refused SALES_AGENT_TELEGRAM_BOT_TOKEN (401)") from None
        except (AiogramError, ValidationError) as e:
            hint = " (another poller or a webhook?)" if isinstance(e, TelegramConflictError) else ""
            # once per outage in the log (the health board), not once per poll
            self.report(f"telegram getUpdates failed{hint}: {self._redact(_first_line(e))}")
            await asyncio.sleep(self.error_pause)
            return []
        self.report(None)
        self._confirmed = offset
        return batch if isinstance(batch, list) else []

    def _accept(self, raw: Any) -> IncomingMessage | None:
        """The message in one raw update, or None (skipped: logged, confirmed, loop goes on)."""
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if not isinstance(update_id, int):
            log.warning("telegram update without an update_id skipped: %.200r", raw)
            return None
        if self._offsets.is_done(update_id):
            return None  # stored already; came back because an older one is still pending
        self._offsets.seen(update_id)
        try:
            _, message = parse_update(raw)
        except SkippedUpdate as e:
            log.info("telegram %s: skipped", e)
        except (ValidationError, ValueError, TypeError) as e:
            log.warning("telegram update %s is malformed, skipped: %s", update_id,
                        _first_line(e))
        else:
            self._update_of[message.key] = update_id
            return message
        self._offsets.done(update_id)
        return None

    async def acknowledge(self, message: IncomingMessage) -> None:
        update_id = self._update_of.pop(message.key, None)
        if update_id is not None:
            self._offsets.done(update_id)

    async def download(self, file_id: str, destination: Path) -> Path:
        """Fetch a lead's file (getFile + download) to `destination`."""
        await self._call(lambda: self.bot.download(file_id, destination), "download")
        return destination

    # --- sending -------------------------------------------------------------------------

    async def send(self, message: OutgoingMessage) -> SentReceipt:
        chat_id = parse_chat_id(message.to)
        documents = [_checked_document(p) for p in message.attachments]
        steps: list[Callable[[], Awaitable[Message]]] = [
            (lambda part=part: self.bot.send_message(chat_id, part))
            for part in split_text(message.text)
        ]
        for doc in documents:  # the chart goes as a photo with its line; files as documents
            if doc.suffix.lower() in PHOTO_SUFFIXES:
                steps.append(lambda doc=doc: self.bot.send_photo(
                    chat_id, FSInputFile(doc, doc.name), caption=message.caption or None))
            else:
                steps.append(lambda doc=doc: self.bot.send_document(
                    chat_id, FSInputFile(doc, doc.name)))
        if not steps:
            raise PermanentChannelError("nothing to send: empty text and no attachments")
        # A retried item resumes after the parts that already went out, never repeats them.
        done = self._progress.setdefault(message.key, [])
        try:
            for step in steps[len(done):]:
                sent = await self._send_obeying_429(step, chat_id)
                done.append(sent.message_id)
        except PermanentChannelError:
            self._progress.pop(message.key, None)
            raise
        self._progress.pop(message.key, None)
        return SentReceipt(message_id=f"tg:{chat_id}:{done[-1]}", at=now_utc())

    async def _send_obeying_429(self, step: Callable[[], Awaitable[Message]],
                                chat_id: int) -> Message:
        waited = 0.0
        while True:
            try:
                return await step()
            except TelegramRetryAfter as e:
                if waited + e.retry_after > self.max_retry_wait:
                    raise map_bot_error(e, chat_id) from e
                log.info("telegram 429 for chat %s: waiting %s s", chat_id, e.retry_after)
                await asyncio.sleep(e.retry_after)
                waited += e.retry_after
            except AiogramError as e:
                error = map_bot_error(e, chat_id)
                raise type(error)(self._redact(str(error)),
                                  *_retry_arg(error)) from None

    async def _call(self, fn: Callable[[], Awaitable[Any]], what: str) -> Any:
        try:
            return await fn()
        except AiogramError as e:
            error = map_bot_error(e, "-")
            raise type(error)(self._redact(f"{what}: {error}"), *_retry_arg(error)) from None

    def _redact(self, text: str) -> str:
        return text.replace(self.bot.token, "<token>")

    async def close(self) -> None:
        """Tell Telegram what is stored (the next getUpdates would), then close the session."""
        offset = self._offsets.offset
        try:
            if offset is not None and offset != self._confirmed:
                await self.bot(GetRawUpdates(offset=offset, limit=1, timeout=0),
                               request_timeout=10)
        except (AiogramError, ValidationError) as e:
            log.info("telegram: offset not confirmed on close: %s", self._redact(_first_line(e)))
        finally:
            await self.bot.session.close()


def parse_chat_id(to: str) -> int:
    """'123', '-100…' or 'tg:123' -> 123; a bot cannot start a chat by @handle or phone."""
    value = to.strip().removeprefix("tg:")
    try:
        return int(value)
    except ValueError:
        raise PermanentChannelError(
            f"the bot can write only to a chat id, not {to!r}: the lead must press /start first"
        ) from None


def _checked_document(path: Path) -> Path:
    if not path.is_file():
        raise PermanentChannelError(f"attachment {path.name!r} does not exist")
    size = path.stat().st_size
    if size > BOT_API_FILE_LIMIT:
        raise PermanentChannelError(
            f"attachment {path.name!r} is {size / 2**20:.1f} MB: the Bot API sends files up to "
            "50 MB")
    return path


def _retry_arg(error: Exception) -> tuple[float, ...]:
    return (error.retry_after,) if isinstance(error, TransientChannelError) else ()


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return (text.splitlines()[0] if text else type(e).__name__)[:300]
