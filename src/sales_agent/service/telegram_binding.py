"""Binding a Telegram chat to a contact: deep-link tokens and what `/start` means.

The first email can carry `https://t.me/<bot>?start=<token>`; pressing Start sends `/start
<token>`, which binds that chat to the contact holding the token. Tokens are unguessable and
single-use (cleared in the same atomic update that binds). `/start` without a (valid) token finds
the contact by chat id, then by @username, else creates one from the Telegram profile.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime

from ..channels.base import IncomingMessage
from ..domain.identity import normalize_handle
from ..domain.model import Contact
from ..errors import DuplicateContact, InvalidContact
from ..store import DuplicateKey, Store
from ..store.contacts import new_contact_id
from .contacts import build_contact

log = logging.getLogger(__name__)


def new_bot_token() -> str:
    return secrets.token_urlsafe(16)  # 128 bits; URL-safe and within /start's 64-char limit


def deep_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username.lstrip('@')}?start={token}"


async def ensure_bot_token(store: Store, contact: Contact) -> str:
    """The contact's pending deep-link token, made and saved if it has none."""
    if contact.bot_token:
        return contact.bot_token
    token = new_bot_token()
    updated = await store.contacts.update(contact.id, where={"bot_token": None}, bot_token=token)
    if updated is None:  # someone set one meanwhile: use theirs
        current = await store.contacts.get(contact.id)
        return current.bot_token or token
    return token


def start_payload(command: str | None) -> str | None:
    if not command or not command.startswith("/start"):
        return None
    payload = command.removeprefix("/start").strip()
    return payload or None


async def bind_start(store: Store, msg: IncomingMessage, now: datetime) -> tuple[Contact, bool]:
    """The contact this `/start` belongs to, and whether it was created now."""
    if msg.chat_id is None:
        raise InvalidContact("a /start without a chat id cannot be bound")
    token = start_payload(msg.command)
    if token:
        bound = await _bind_by_token(store, token, msg, now)
        if bound is not None:
            return bound, False
        log.info("telegram /start with an unknown or used token from chat %s", msg.chat_id)
    found = await _find_or_bind_by_profile(store, msg, now)
    if found is not None:
        return found, False
    try:
        return await store.contacts.add(_contact_from_profile(msg, now)), True
    except DuplicateContact:  # a second /start raced this one
        again = await store.contacts.find_by(telegram_chat_id=msg.chat_id)
        if again is None:
            raise
        return again, False


async def _bind_by_token(store: Store, token: str, msg: IncomingMessage,
                         now: datetime) -> Contact | None:
    if msg.chat_id is None:
        return None
    contact = await store.contacts.bind_chat_by_token(token, msg.chat_id, now)
    return None if contact is None else await _fill_username(store, contact, msg)


async def find_chat_contact(store: Store, msg: IncomingMessage,
                            now: datetime) -> Contact | None:
    """The contact a Telegram message belongs to: by chat id, else by @username (then the chat
    is bound to it, e.g. the first reply to the user account writing to a @handle); None if
    neither matches. Creates nothing."""
    return await _find_or_bind_by_profile(store, msg, now)


async def bind_chat(store: Store, contact: Contact, chat_id: int, now: datetime) -> Contact:
    """Remember the chat the user account reached the contact in (from `SentReceipt.message_id`
    "tgu:<chat>:<id>"); a chat already bound elsewhere is left alone."""
    if contact.telegram_chat_id is not None:
        return contact
    try:
        updated = await store.contacts.update(contact.id, where={"telegram_chat_id": None},
                                              telegram_chat_id=chat_id, updated_at=now)
    except DuplicateKey:
        return contact
    return updated or contact


def chat_of(message_id: str) -> int | None:
    """"tg:<chat>:<id>" / "tgu:<chat>:<id>" -> chat id."""
    parts = message_id.split(":")
    try:
        return int(parts[1]) if len(parts) == 3 and parts[0] in ("tg", "tgu") else None
    except ValueError:
        return None


async def _find_or_bind_by_profile(store: Store, msg: IncomingMessage,
                                   now: datetime) -> Contact | None:
    found = await store.contacts.find_by(telegram_chat_id=msg.chat_id)
    if found is not None:
        return await _fill_username(store, found, msg)
    handle = _handle(msg)
    if handle is None:
        return None
    by_handle = await store.contacts.find_by(telegram=handle, telegram_chat_id=None)
    if by_handle is None:
        return None
    return await store.contacts.update(by_handle.id, where={"telegram_chat_id": None},
                                       telegram_chat_id=msg.chat_id, updated_at=now) or by_handle


async def _fill_username(store: Store, contact: Contact, msg: IncomingMessage) -> Contact:
    handle = _handle(msg)
    if contact.telegram or handle is None:
        return contact
    try:
        updated = await store.contacts.update(contact.id, telegram=handle)
    except DuplicateKey:  # another contact already has this handle: leave it
        return contact
    return updated or contact


def _contact_from_profile(msg: IncomingMessage, now: datetime) -> Contact:
    name = msg.sender_name.strip() or f"Telegram {msg.chat_id}"
    language = "en" if msg.headers.get("language_code", "").startswith("en") else "ru"
    handle = _handle(msg)
    if handle:
        contact = build_contact(name, "", telegram=handle, language=language, now=now)
        return contact.model_copy(update={"telegram_chat_id": msg.chat_id})
    return Contact(id=new_contact_id(), name=name, telegram_chat_id=msg.chat_id,
                   language=language, created_at=now, updated_at=now)


def _handle(msg: IncomingMessage) -> str | None:
    raw = msg.headers.get("username", "")
    if not raw:
        return None
    try:
        return normalize_handle(raw)
    except InvalidContact:
        return None
