"""Putting what a channel received into the inbox, matched to its conversation."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from ..channels.base import IncomingMessage
from ..domain.model import Contact
from ..store.items import InboxItem
from ..store.port import StorePort
from ..store.timeutil import from_ts, to_ts

MAX_TEXT = 100_000  # a 1 MB reply is kept for audit up to here; the classifier reads far less


async def match_contact(store: StorePort, msg: IncomingMessage) -> Contact | None:
    """By thread first (In-Reply-To, References), then by who wrote."""
    if msg.channel == "email":
        for ref in (msg.in_reply_to, *reversed(msg.references)):
            if ref:
                sent = await store.messages.find_by_message_id(ref)
                if sent:
                    return await store.contacts.find_by(_id=sent.contact_id)
        return await store.contacts.find_by(email=msg.sender.lower())
    if msg.channel == "telegram":
        if msg.chat_id is not None:
            found = await store.contacts.find_by(telegram_chat_id=msg.chat_id)
            if found:
                return found
        handle = msg.headers.get("username") or ""
        return await store.contacts.find_by(telegram=handle.lower()) if handle else None
    return await store.contacts.find_by(_id=msg.sender)


async def store_inbound(store: StorePort, msg: IncomingMessage, *,
                        route: str | None = None) -> bool:
    """Once per message key; an unknown sender is kept (contact_id None) for the operator.
    A message the channel could not read (`quarantine` set) goes to the quarantine instead."""
    if msg.quarantine:
        return await store.quarantine.add(
            msg.key, channel=msg.channel, reason=msg.quarantine, sender=msg.sender,
            subject=msg.subject, raw_size=msg.raw_size, message_id=msg.message_id,
            head=msg.full_text, at=to_ts(datetime.now(UTC)) or 0.0)
    contact = await match_contact(store, msg)
    item = InboxItem(**{f.name: getattr(msg, f.name) for f in fields(msg)} | dict(
        type="reply", contact_id=contact.id if contact else None, at=to_ts(msg.at),
        text=msg.text[:MAX_TEXT], full_text=(msg.full_text or msg.text)[:MAX_TEXT],
        truncated=len(msg.text) > MAX_TEXT, route=route or msg.channel,
    ))
    return await store.inbox.put(item, due=to_ts(msg.at) or 0.0)


def incoming_message_of(item: InboxItem) -> IncomingMessage:
    """An inbox item back to the message it was made from."""
    return IncomingMessage(**{f.name: getattr(item, f.name) for f in fields(IncomingMessage)}
                           | {"at": from_ts(item.at), "headers": dict(item.headers)})
