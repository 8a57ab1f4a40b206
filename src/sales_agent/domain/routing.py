"""Which route carries a message to a contact. Pure: decided once, in the core, by `decide()`.

Routes are the outbox's names for channels: the Telegram bot and the Telegram user account are
two routes of the one contract channel "telegram".
"""

from __future__ import annotations

from .model import Contact

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


def reply_route(contact: Contact, enabled: frozenset[str], inbound_route: str | None) -> str:
    """Answer where the lead wrote: the same route when it is on, else the nearest one."""
    if inbound_route and inbound_route in enabled:
        return inbound_route
    if inbound_route == SANDBOX:
        return SANDBOX
    if inbound_route and inbound_route.startswith("telegram"):
        if contact.bot_started and contact.telegram_chat_id is not None \
                and TELEGRAM_BOT in enabled:
            return TELEGRAM_BOT
        if TELEGRAM_USER in enabled and (contact.telegram or contact.telegram_chat_id):
            return TELEGRAM_USER
    return proactive_route(contact, enabled)


def address(route: str, contact: Contact) -> str | None:
    if route == EMAIL:
        return contact.email
    if route == TELEGRAM_BOT:
        return None if contact.telegram_chat_id is None else str(contact.telegram_chat_id)
    if route == TELEGRAM_USER:
        return contact.telegram or (
            None if contact.telegram_chat_id is None else str(contact.telegram_chat_id))
    return contact.id
