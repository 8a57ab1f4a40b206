"""Where a message to a contact goes, and how the outbox names the route."""

from __future__ import annotations

from ..domain.model import Contact
from ..settings import Settings

EMAIL, TELEGRAM_BOT, TELEGRAM_USER, SANDBOX = "email", "telegram", "telegram-user", "sandbox"


def history_channel(route: str) -> str:
    """The contract's channel name for a route: both Telegram routes are "telegram"."""
    return "telegram" if route.startswith("telegram") else route


def proactive_route(contact: Contact, enabled: frozenset[str]) -> str:
    """The bot for leads who pressed /start, email when they have one, the user account for the
    rest; with no channel configured everything goes to the sandbox, so `make run` works."""
    if contact.bot_started and contact.telegram_chat_id is not None and TELEGRAM_BOT in enabled:
        return TELEGRAM_BOT
    if contact.email and EMAIL in enabled:
        return EMAIL
    if contact.telegram and TELEGRAM_USER in enabled:
        return TELEGRAM_USER
    return SANDBOX


def reply_route(inbound_channel: str, contact: Contact, enabled: frozenset[str],
                inbound_route: str | None = None) -> str:
    """Answer where the lead wrote."""
    if inbound_route and inbound_route in enabled:
        return inbound_route
    if inbound_channel == "telegram":
        if contact.bot_started and TELEGRAM_BOT in enabled:
            return TELEGRAM_BOT
        if TELEGRAM_USER in enabled:
            return TELEGRAM_USER
    if inbound_channel == "email" and EMAIL in enabled:
        return EMAIL
    return proactive_route(contact, enabled) if inbound_channel != "sandbox" else SANDBOX


def address(route: str, contact: Contact) -> str | None:
    if route == EMAIL:
        return contact.email
    if route == TELEGRAM_BOT:
        return None if contact.telegram_chat_id is None else str(contact.telegram_chat_id)
    if route == TELEGRAM_USER:
        return contact.telegram or (
            None if contact.telegram_chat_id is None else str(contact.telegram_chat_id))
    return contact.id


def enabled_routes(settings: Settings) -> frozenset[str]:
    routes = {SANDBOX}
    if settings.email_enabled:
        routes.add(EMAIL)
    if settings.telegram_bot_enabled:
        routes.add(TELEGRAM_BOT)
    if settings.telegram_api_id and settings.telegram_api_hash:
        routes.add(TELEGRAM_USER)
    return frozenset(routes)
