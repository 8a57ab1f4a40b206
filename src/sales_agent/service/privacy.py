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
    await store.suppression.add(contact, reason="erased on request", now=now.timestamp())
    await store.suppression.forget_owner(contact.id)
    wipe = {"text": ERASED, "full_text": ERASED, "html": None, "subject": None,
            "sender": None, "sender_name": None, "to": None, "to_name": None, "headers": {}}
    await store.inbox.wipe_for_contact(contact.id, wipe)
    # The apology still waiting to go out keeps its address until it is sent.
    await store.outbox.wipe_for_contact(contact.id, wipe, finished_only=True)
    await store.messages.erase_for_contact(contact.id, ERASED)
    await store.notifications.erase_for_contact(contact.id, ERASED)
    # An operator's correction keeps the lead's words as a training example: gone with them.
    await store.corrections.delete_for_contact(contact.id)
    await store.contacts.update(
        contact.id, name="", email=None, telegram=None, telegram_chat_id=None, note="",
        products=[], bot_token=None, erased=True, updated_at=now)
