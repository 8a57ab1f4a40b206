"""The Telegram user account as a channel (Telethon, MTProto): it can write first.

Sends go to "@handle", "+phone" or a chat id; each new chat counts against a daily cap.
FLOOD_WAIT gives the item back with Telegram's delay; PEER_FLOOD (the account is spam-limited)
pauses every send of the account for `peer_flood_pause` seconds and tells the operator.
Incoming: unread private messages first (what arrived while we were down), then live ones;
`acknowledge` marks a message read, so an unread one is fetched again after a restart.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from telethon import events
from telethon.errors import PeerFloodError
from telethon.tl.functions.contacts import ImportContactsRequest
from telethon.tl.types import InputPhoneContact

from ...errors import PermanentChannelError, TransientChannelError
from ...settings import Settings
from ...store.timeutil import now_utc
from ..base import AbstractChannel, IncomingMessage, OutgoingMessage, SentReceipt
from .errors import map_telethon_error
from .ledger import AccountLedger, seconds_to_next_day
from .messages import KEY_PREFIX, to_incoming
from .session import make_client, secure_session_file, session_path

log = logging.getLogger(__name__)
_PHONE = re.compile(r"^\+?\d{7,15}$")
PEER_FLOOD_LOG = "PEER_FLOOD: account paused, operator notified"


class TelegramUserChannel(AbstractChannel):
    """Knobs: `ledger` (daily cap of new chats, default 40, and pause state), `peer_flood_pause`
    (s, default a day), `notify` (async callable told about a PEER_FLOOD pause)."""

    name = "telegram"

    def __init__(self, client: Any, *, ledger: AccountLedger | None = None,
                 peer_flood_pause: float = 86400.0,
                 notify: Callable[[str], Awaitable[None]] | None = None,
                 session_file: Path | None = None) -> None:
        self.client = client
        self.session_file = session_file
        self.ledger = ledger or AccountLedger(None)
        self.peer_flood_pause = peer_flood_pause
        self.notify = notify
        self._connected = False
        self.caught_up = False  # `run --until-idle`: True once the unread backlog is yielded
        self._seen: dict[str, None] = {}  # keys yielded lately (backlog and live may overlap)

    @classmethod
    def from_settings(cls, settings: Settings, *, daily_new_chats: int = 40,
                      **knobs: Any) -> TelegramUserChannel:
        client = make_client(settings)
        ledger_path = session_path(settings).with_name("account.json")
        return cls(client, ledger=AccountLedger(ledger_path, daily_new_chats=daily_new_chats),
                   session_file=session_path(settings), **knobs)

    async def _connect(self) -> None:
        if self._connected:
            return
        try:
            await self.client.connect()
            authorized = await self.client.is_user_authorized()
        except Exception as e:
            raise map_telethon_error(e, "the account") from None
        if not authorized:
            raise TransientChannelError("the Telegram account is not logged in: run "
                                        "`sales-agent telegram login`", retry_after=3600)
        self._connected = True

    # --- sending -------------------------------------------------------------------------

    async def send(self, message: OutgoingMessage) -> SentReceipt:
        now = now_utc()
        paused = self.ledger.paused_for(now)
        if paused:
            raise TransientChannelError("the Telegram account is paused after PEER_FLOOD",
                                        retry_after=paused)
        if not message.text.strip() and not message.attachments:
            raise PermanentChannelError("nothing to send: empty text and no attachments")
        await self._connect()
        address = message.to.strip()
        peer_id = self.ledger.peer_of(address)
        starts_chat = peer_id is None or not self.ledger.is_known(peer_id)
        if starts_chat and self.ledger.cap_reached(now):
            raise TransientChannelError(
                f"daily cap of {self.ledger.daily_new_chats} new Telegram chats reached",
                retry_after=seconds_to_next_day(now))
        try:
            # A known address goes by its id: resolving a @handle again is rate-limited.
            entity = await self._resolve(str(peer_id) if peer_id else address, message.to_name)
            peer_id = int(entity.id)
            starts_chat = not self.ledger.is_known(peer_id)
            if starts_chat and self.ledger.cap_reached(now):
                raise TransientChannelError(
                    f"daily cap of {self.ledger.daily_new_chats} new Telegram chats reached",
                    retry_after=seconds_to_next_day(now))
            sent = await self._deliver(entity, message)
        except PeerFloodError as e:
            raise await self._pause() from e
        except (TransientChannelError, PermanentChannelError):
            raise
        except Exception as e:
            raise map_telethon_error(e, address) from e
        self.ledger.remember(peer_id, address, new_chat_at=now if starts_chat else None)
        return SentReceipt(message_id=f"{KEY_PREFIX}:{peer_id}:{sent.id}", at=now_utc())

    async def _resolve(self, address: str, name: str) -> Any:
        if address.removeprefix("tg:").lstrip("-").isdigit():
            return await self.client.get_entity(int(address.removeprefix("tg:")))
        if _PHONE.match(address.replace(" ", "").replace("-", "")):
            phone = address.replace(" ", "").replace("-", "")
            result = await self.client(ImportContactsRequest([InputPhoneContact(
                client_id=0, phone=phone, first_name=name or phone, last_name="")]))
            if not result.users:
                raise PermanentChannelError(f"no Telegram account (or a hidden one) for {address}")
            return result.users[0]
        return await self.client.get_entity(address)

    async def _deliver(self, entity: Any, message: OutgoingMessage) -> Any:
        sent = None
        if message.text.strip():
            sent = await self.client.send_message(entity, message.text)
        for path in message.attachments:
            if not path.is_file():
                raise PermanentChannelError(f"attachment {path.name!r} does not exist")
            photo = path.suffix.lower() in (".png", ".jpg", ".jpeg")  # the chart, as a photo
            sent = await self.client.send_file(entity, path, force_document=not photo,
                                               caption=message.caption if photo else None)
        return sent

    async def _pause(self) -> TransientChannelError:
        until = now_utc() + timedelta(seconds=self.peer_flood_pause)
        self.ledger.pause(until)
        log.error(PEER_FLOOD_LOG)
        if self.notify is not None:
            try:
                await self.notify(f"{PEER_FLOOD_LOG}: no new Telegram chats until "
                                  f"{until:%Y-%m-%d %H:%M} UTC; check @SpamBot")
            except Exception as e:  # the pause holds even if the message to the operator fails
                log.warning("could not notify the operator of PEER_FLOOD: %s", e)
        return TransientChannelError(PEER_FLOOD_LOG, retry_after=self.peer_flood_pause)

    # --- receiving -----------------------------------------------------------------------

    async def receive(self) -> AsyncIterator[IncomingMessage]:
        await self._connect()
        live: asyncio.Queue[Any] = asyncio.Queue()

        async def on_message(event: Any) -> None:
            if getattr(event, "is_private", True) and not event.message.out:
                live.put_nowait(event.message)

        self.client.add_event_handler(on_message, events.NewMessage(incoming=True))
        try:
            async for message in self._unread():
                if (incoming := await self._incoming(message)) is not None:
                    yield incoming
            while True:
                self.caught_up = live.empty()
                if (incoming := await self._incoming(await live.get())) is not None:
                    yield incoming
        finally:
            self.client.remove_event_handler(on_message)

    async def _unread(self) -> AsyncIterator[Any]:
        async for dialog in self.client.iter_dialogs():
            if not getattr(dialog, "is_user", False) or not dialog.unread_count:
                continue
            batch = [m async for m in self.client.iter_messages(dialog.entity,
                                                                limit=dialog.unread_count)]
            for message in reversed(batch):  # oldest first
                if not message.out:
                    yield message

    async def _incoming(self, message: Any) -> IncomingMessage | None:
        try:
            sender = getattr(message, "sender", None) or await message.get_sender()
            incoming = to_incoming(message, sender)
        except Exception as e:
            log.warning("telegram user-account message skipped, unreadable: %s: %s",
                        type(e).__name__, str(e)[:200])
            return None
        if incoming.key in self._seen:
            return None
        self._seen[incoming.key] = None
        if len(self._seen) > 10_000:
            self._seen.pop(next(iter(self._seen)))
        self.ledger.remember(incoming.chat_id or 0, incoming.headers.get("username") or None)
        return incoming

    async def acknowledge(self, message: IncomingMessage) -> None:
        _, chat, msg_id = message.key.split(":")
        try:
            await self.client.send_read_acknowledge(int(chat), max_id=int(msg_id))
        except Exception as e:  # unread stays unread: it comes again after a restart
            log.warning("telegram: could not mark %s read: %s", message.key, type(e).__name__)

    async def close(self) -> None:
        if self._connected:
            await self.client.disconnect()
            self._connected = False
        if self.session_file is not None:  # Telethon rewrites it: keep it owner-only
            secure_session_file(self.session_file)
