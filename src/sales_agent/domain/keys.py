"""Every idempotency and dedup key, built here and nowhere else.

A key is what makes a step happen once: a queue refuses a second item with the same key, a
history record or a notification a second document with the same id. A worker that dies half-way
and does the step again builds the same key, so nothing is sent, recorded or told twice.

The formats are stored: existing stores (and the crash tests) hold keys made by these very
strings. Never change one; add a new function instead.
"""

from __future__ import annotations

import secrets
import time

# -- email: the Message-ID, fixed before the send ------------------------------------------------


def email_message_id(domain: str) -> str:
    """A new, globally unique Message-ID (with angle brackets) for our domain (or an address
    at it). Fixed on the outbox item before the send, so a retry after a crash is recognisable
    (the channel looks for it in the Sent folder); unlike the keys below it is random."""
    domain = domain.rpartition("@")[2].strip().strip("<>@") or "localhost"
    return f"<{int(time.time() * 1000):x}.{secrets.token_hex(8)}@{domain}>"


# -- the inbox: events to decide on -------------------------------------------------------------


def email_received(message_id: str) -> str:
    """A mail, by its Message-ID (with the angle brackets)."""
    return f"email:{message_id}"


def telegram_received(prefix: str, chat_id: int | str, message_id: int | str) -> str:
    """A Telegram message; `prefix` tells the bot's updates from the user account's."""
    return f"{prefix}:{chat_id}:{message_id}"


def sandbox_reply(contact_id: str, token: str) -> str:
    """The operator playing the lead: every line is new (`token` is random)."""
    return f"sandbox:{contact_id}:{token}"


def conversation_start(contact_id: str, epoch: int) -> str:
    """The first message of a conversation: once per contact and reset (`epoch`)."""
    return f"start:{contact_id}:{epoch}"


def wake_up(contact_id: str, epoch: int, wake_at: float) -> str:
    """A follow-up or reminder: once per wake-up time (a moved wake-up is a new one)."""
    return f"wake:{contact_id}:{epoch}:{wake_at:.0f}"


def unsubscribe(contact_id: str, epoch: int) -> str:
    """A one-click unsubscribe: once per conversation, however many POSTs."""
    return f"unsubscribe:{contact_id}:{epoch}"


def delivery_failed(outbox_key: str) -> str:
    """A refused address, as an event for the core (also the operator's note about it)."""
    return f"failed:{outbox_key}"


# -- the outbox: messages to send ----------------------------------------------------------------


def action(inbox_key: str, index: int) -> str:
    """The `index`-th action a decision on an inbox item caused."""
    return f"{inbox_key}#{index}"


def unwritten(inbox_key: str) -> str:
    """The hand-off when a decision's messages could not be written."""
    return f"{inbox_key}#unwritten"


def manager_copy(key: str) -> str:
    """The note to our manager an action sends by email."""
    return f"{key}:manager"


def operator_reply(contact_id: str, token: str) -> str:
    """A human's answer from the console: every answer is new (`token` is random)."""
    return f"operator:{contact_id}:{token}"


# -- notifications: what a human should look at --------------------------------------------------


def note(inbox_key: str, kind: str) -> str:
    """A note about an inbox item (a bounce, a draft that failed)."""
    return f"{inbox_key}:{kind}"


def unmatched(inbox_key: str) -> str:
    """A message from nobody we know."""
    return f"unmatched:{inbox_key}"


def operator_command(contact_id: str, command: str, at: float) -> str:
    """An operator's command that needs a human (to the second)."""
    return f"operator:{contact_id}:{command}:{at:.0f}"


def channel_stopped(route: str, at: float) -> str:
    """A channel that refused our login."""
    return f"channel_stopped:{route}:{int(at)}"


# -- the history: one record per message in or out -----------------------------------------------


def message_in(inbox_key: str) -> str:
    return f"in:{inbox_key}"


def message_out(outbox_key: str) -> str:
    return f"out:{outbox_key}"


# -- the do-not-contact list: addresses ----------------------------------------------------------


def email_address(email: str) -> str:
    return f"email:{email}"


def telegram_address(handle_or_chat: str | int) -> str:
    return f"tg:{handle_or_chat}"


def route_address(route: str, to: str | None) -> str:
    """The address an outbox item goes to, as the do-not-contact list knows it."""
    return email_address(str(to)) if route == "email" else telegram_address(str(to))
