"""A deletion request (152-FZ): the person is forgotten, their addresses stay blocked.

What is erased: the name, the addresses (kept only as digests on the do-not-contact list), the
texts of every message in and out, the texts waiting in the queues, and the operator's
corrections of their replies. What stays: the contact's id, company, status and the times of the
messages, so the funnel still counts them.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.model import Contact
from ..store.port import StorePort

ERASED = "[удалено по запросу]"


async def erase_contact(store: StorePort, contact: Contact, now: datetime) -> None:
    # Marked first: a sender finishing a message meanwhile sees the mark and wipes after itself
    # (wipe_texts), so nothing it records lands between the wipes below and the mark.
    await store.contacts.update(contact.id, erased=True, updated_at=now)
    await store.suppression.add(contact, reason="erased on request", now=now.timestamp())
    await store.suppression.forget_owner(contact.id)
    await wipe_texts(store, contact.id)
    # An operator's correction keeps the lead's words as a training example: gone with them.
    await store.corrections.delete_for_contact(contact.id)
    await store.contacts.update(
        contact.id, name="", email=None, telegram=None, telegram_chat_id=None, note="",
        products=[], bot_token=None, erased=True, updated_at=now)


async def wipe_texts(store: StorePort, contact_id: str) -> None:
    """Every text and address of an erased contact in the queues, the history and the
    notifications. The apology still waiting to go out keeps its address until it is sent."""
    wipe = {"text": ERASED, "full_text": ERASED, "html": None, "subject": None,
            "sender": None, "sender_name": None, "to": None, "to_name": None, "headers": {}}
    await store.inbox.wipe_for_contact(contact_id, wipe)
    await store.outbox.wipe_for_contact(contact_id, wipe, finished_only=True)
    await store.messages.erase_for_contact(contact_id, ERASED)
    await store.notifications.erase_for_contact(contact_id, ERASED)
