"""A channel worker's send side: claim an outbox item, re-check do-not-contact, send, record.

Order matters for "nothing twice": the history record is the first write after the send and comes
before the channel's own copy and the closing of the item; a re-claimed item (attempts > 1) first
looks for that record, then asks the channel whether it already went out.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..channels.base import AbstractChannel, DeliveryCheck, OutgoingMessage
from ..domain import keys
from ..domain.model import Contact, Direction, Message, Status
from ..errors import (
    ChannelAuthError,
    ChannelUnavailable,
    PermanentChannelError,
    TransientChannelError,
)
from ..service.privacy import ERASED, wipe_texts
from ..store.items import InboxItem, OutboxItem
from ..store.port import StorePort
from ..store.queue import CANCELLED, FAILED
from .clock import Clock
from .leases import holding
from .logs import log_event

log = logging.getLogger(__name__)
# The one short message a stop is owed: the confirmation, the apology, the polite close.
ALWAYS_ALLOWED = {"stop_confirm", "apology", "close"}
ERASED_FIELDS = {"text": ERASED, "html": None, "subject": None, "to": None, "to_name": None,
                 "calendar": None}


class OutboxSender:
    """Sends what the outbox holds for one route.

    lease: seconds a claim is held; a worker killed mid-send loses it after this.
    max_attempts: transient failures before the item fails and the operator is told.
    per_minute: rate cap for this channel in this process (None = no cap).
    unsubscribe_url_for: a lead's one-click unsubscribe link (email with a public base URL).
    """

    def __init__(self, store: StorePort, channel: AbstractChannel, route: str, *, clock: Clock,
                 owner: str, attachments_dir: Path, charts_dir: Path, lease: float = 120.0,
                 max_attempts: int = 8, per_minute: int | None = None,
                 unsubscribe_url_for: Callable[[str], str] | None = None) -> None:
        self.store, self.channel, self.route, self.clock = store, channel, route, clock
        self.owner, self.lease, self.max_attempts = owner, lease, max_attempts
        self.attachments_dir, self.charts_dir = attachments_dir.resolve(), charts_dir.resolve()
        self.interval = 60.0 / per_minute if per_minute else 0.0
        self._last_send = 0.0
        self.sent = self.skipped = self.failed = self.retried = 0
        self.stopped = False  # the channel refused our login: nothing more is claimed
        self.unsubscribe_url_for = unsubscribe_url_for  # contact id -> one-click link

    async def send_one(self) -> bool:
        """Claim and handle one due item; False when none is due.

        Raises ChannelUnavailable (the server is down) and ChannelAuthError (login refused)
        after giving the item back untouched: the role waits or stops, the item keeps its place.
        """
        if self.stopped:
            return False
        now = self.clock.ts()
        item = await self.store.outbox.claim_due(self.owner, now=now, lease=self.lease,
                                                 where={"route": self.route})
        if item is None:
            return False
        try:
            async with holding(self.store.outbox, item, self.owner, self.lease):
                await self._handle(item)
        except (ChannelUnavailable, ChannelAuthError) as e:
            await self.store.outbox.release(item.id, self.owner, error=str(e)[:500])
            raise
        except TransientChannelError as e:
            # the channel's hint, doubled on every further failure (capped at an hour)
            backoff = min(e.retry_after * 2 ** (_tries(item) - 1), 3600.0)
            await self._retry(item, backoff, str(e))
        except PermanentChannelError as e:
            await self._fail(item, str(e))
            await self._mark_address_bad(item, str(e))
        except Exception as e:  # an unknown failure is retried, never lost
            log.exception("send failed")
            await self._retry(item, min(30.0 * _tries(item), 600.0), repr(e))
        return True

    async def _handle(self, item: OutboxItem) -> None:
        contact = None if item.internal else await self.store.contacts.find_by(_id=item.contact_id)
        reason = await self._blocked(item, contact)
        if reason:
            await self.store.outbox.complete(item.id, self.owner, status=CANCELLED,
                                             now=self.clock.ts(), last_error=reason)
            self.skipped += 1
            log_event("not_sent", contact=item.contact_id, key=item.key, why=reason)
            return
        # Erased before the send (the apology to a deletion request): nothing said is kept.
        erased = contact is not None and contact.erased
        message = self._message(item)
        provider_id = item.provider_id
        earlier = await self._earlier_send(item, message) if item.queue.attempts > 1 else None
        if earlier is not None:
            log_event("already_delivered", contact=item.contact_id, key=item.key)
            # the steps the dead worker may have missed
            await self._record(item, erased, provider_id)
            await self._remember_chat(item, contact, earlier)
        else:
            await self._pace()
            receipt = await self.channel.send(message)
            provider_id = receipt.message_id
            # The first note of the send is one write, right away: a worker killed after it is
            # not sent again (a kill before it is the one moment SMTP cannot close). It holds
            # the provider's id, so a re-claim can still bind the chat the send opened.
            await self._record(item, erased, provider_id)
            await self._remember_chat(item, contact, provider_id)
            if isinstance(self.channel, DeliveryCheck):
                await self.channel.keep_copy(receipt)
        await self.store.outbox.complete(item.id, self.owner, now=self.clock.ts(),
                                         sent_at=self.clock.ts(),
                                         provider_id=provider_id,
                                         **(ERASED_FIELDS if erased else {}))
        self.sent += 1
        if not item.internal:
            await self._note_sent(item, self.clock.now(), erased_before=erased)
        log_event("sent", contact=item.contact_id, kind=item.kind, route=self.route,
                  key=item.key)

    async def _earlier_send(self, item: OutboxItem, message: OutgoingMessage) -> str | None:
        """A worker died after the send: its record (written right after the channel took the
        message, on every channel) or the channel's own copy (email's Sent folder) says so.
        The id the record kept ("" when only the Sent folder knows), or None: not sent."""
        if not item.internal:
            recorded = await self.store.messages.get(keys.message_out(item.key))
            if recorded is not None:
                return recorded.message_id or ""
        if isinstance(self.channel, DeliveryCheck) and await self.channel.was_delivered(message):
            return ""
        return None

    async def _note_sent(self, item: OutboxItem, now: datetime, *, erased_before: bool) -> None:
        """The lead's last-out time, written once the item is closed: the contact the write
        returns also tells whether a deletion request was handled while this message was in
        flight. Its erasure may have run before the message was recorded or the item closed
        (it spares items still pending), so the sender wipes after itself. Asking before the
        close would miss an erasure that runs between the two."""
        contact = await self.store.contacts.update(item.contact_id, last_out_at=now)
        if not erased_before and contact is not None and contact.erased:
            await wipe_texts(self.store, item.contact_id)

    async def _mark_address_bad(self, item: OutboxItem, error: str) -> None:
        """A refused address is never tried again; the operator sees why (notification)."""
        if item.internal:
            return
        await self.store.suppression.add_address(
            keys.route_address(self.route, item.to), contact_id=item.contact_id,
            reason=f"refused: {error[:200]}", now=self.clock.ts())
        # What that means for the conversation is the core's decision, like any other event.
        await self.store.inbox.put(InboxItem(
            key=keys.delivery_failed(item.key), type="operator", command="delivery_failed",
            contact_id=item.contact_id, reason=f"{item.to}: {error[:200]}"), due=self.clock.ts())

    async def _remember_chat(self, item: OutboxItem, contact: Contact | None,
                             provider_id: str) -> None:
        """The user account reached the lead by @handle: their replies come from this chat.
        `contact` as read before the send will do: the binding only fills an empty chat id."""
        if self.route != "telegram-user" or contact is None:
            return
        from ..service.telegram_binding import bind_chat, chat_of

        chat = chat_of(provider_id)
        if chat is not None:
            await bind_chat(self.store, contact, chat, self.clock.now())

    async def _blocked(self, item: OutboxItem, contact: Contact | None) -> str | None:
        """Why this item must not go out now (`contact` as read right before the send)."""
        if item.internal or item.human_override:
            return None  # our manager's notes; a human answering a stopped lead who wrote
        if item.kind in ALWAYS_ALLOWED:
            return None
        if contact is None:
            return "contact deleted"
        if contact.status is Status.STOPPED:
            return "contact stopped"
        if await self.store.suppression.blocks(keys.route_address(self.route, item.to)):
            return "address on the do-not-contact list"
        return None

    def _message(self, item: OutboxItem) -> OutgoingMessage:
        files = [self._attachment(n) for n in item.attachments or []]
        if item.chart:
            files.append(self._chart(item.chart))
        return OutgoingMessage(
            key=item.key, contact_id=item.contact_id, channel=item.channel,
            to=item.to, to_name=item.to_name or "", text=item.text,
            subject=item.subject, html=item.html,
            attachments=tuple(f for f in files if f is not None),
            message_id=item.message_id, in_reply_to=item.in_reply_to,
            references=tuple(item.references or ()), calendar=item.calendar,
            caption=item.caption or "",
            unsubscribe_url=None if item.internal or not self.unsubscribe_url_for
            else self.unsubscribe_url_for(item.contact_id),
        )

    def _attachment(self, name: str) -> Path | None:
        # Names only, from our own folder: a name that tries to leave it is refused.
        path = (self.attachments_dir / Path(name).name).resolve()
        if path.parent != self.attachments_dir or not path.is_file():
            log.warning("attachment %r is not in %s; not sent", name, self.attachments_dir)
            return None
        return path

    def _chart(self, raw: str) -> Path | None:
        path = Path(raw).resolve()
        return path if path.parent == self.charts_dir and path.is_file() else None

    async def _record(self, item: OutboxItem, erased: bool, provider_id: str | None) -> None:
        """Into the history (idempotent: the id is the item's key). The apology to a deletion
        request goes out after the erasure: its text and address are not kept. An email keeps
        its own Message-ID; a Telegram message the provider's "tg:<chat>:<id>"."""
        if item.internal:
            return
        names = [Path(n).name for n in item.attachments or []]
        if item.chart:
            names.append(Path(item.chart).name)
        await self.store.messages.record(Message(
            id=keys.message_out(item.key), contact_id=item.contact_id, direction=Direction.OUT,
            channel=item.channel, text=ERASED if erased else item.text, at=self.clock.now(),
            attachments=[] if erased else names, subject=None if erased else item.subject,
            message_id=item.message_id or provider_id, decision=item.kind,
        ))

    async def _pace(self) -> None:
        if self.interval:
            wait = self._last_send + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._last_send = time.monotonic()

    async def _retry(self, item: OutboxItem, delay: float, error: str) -> None:
        if _tries(item) >= self.max_attempts:
            await self._fail(item, f"gave up after {_tries(item)} attempts: {error}")
            return
        self.retried += 1
        log_event("retry", level=logging.WARNING, contact=item.contact_id, key=item.key,
                  delay=round(delay, 1), error=error[:200])
        await self.store.outbox.retry_at(item.id, self.owner, at=self.clock.ts() + delay,
                                         error=error[:500])

    async def _fail(self, item: OutboxItem, error: str) -> None:
        self.failed += 1
        log_event("send_failed", level=logging.ERROR, contact=item.contact_id,
                  key=item.key, error=error[:200])
        await self.store.outbox.complete(item.id, self.owner, status=FAILED,
                                         now=self.clock.ts(), last_error=error[:500])
        await self.store.notifications.add(
            keys.delivery_failed(item.key), contact_id=item.contact_id, kind="send_failed",
            reason=error[:500], text=(item.text or "")[:500], at=self.clock.ts())


def _tries(item: OutboxItem) -> int:
    """Claims that were real attempts: those that met a channel outage do not count."""
    return max(1, item.queue.attempts - item.queue.outage_claims)
