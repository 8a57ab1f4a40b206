"""What an operator (CLI, console) does to a conversation: play the lead, answer, stop."""

from __future__ import annotations

import secrets
from datetime import datetime

from ..channels.base import IncomingMessage
from ..domain import keys
from ..domain.actions import Action, EraseContact, NotifyManager, StopEverywhere, UpdateContact
from ..domain.decide import decide
from ..domain.events import OperatorCommand
from ..domain.model import Contact, Status
from ..settings import Settings
from ..store.items import OutboxItem
from ..store.port import StorePort
from ..store.timeutil import now_utc
from .inbound import store_inbound


async def submit_sandbox_reply(store: StorePort, contact_id: str, text: str,
                               at: datetime | None = None) -> str:
    """The operator, playing the lead, says `text`; the logic worker answers it."""
    contact = await store.contacts.get(contact_id)
    key = keys.sandbox_reply(contact.id, secrets.token_hex(6))
    await store_inbound(store, IncomingMessage(
        channel="sandbox", key=key, sender=contact.id, text=text, full_text=text,
        at=at or now_utc(), sender_name=contact.name), route="sandbox")
    return key


ANSWERED_KINDS = ("handoff", "manager_handoff", "manager_stopped_wrote", "draft_failed")


async def may_answer(store: StorePort, contact: Contact) -> bool:
    """A human may write to anyone not stopped — and to a stopped lead who wrote to us again
    (the note says so), but never to a person who asked to be forgotten."""
    if contact.erased:
        return False
    if contact.status is not Status.STOPPED:
        return True
    return any(n.get("contact_id") == contact.id and n.get("kind") == "manager_stopped_wrote"
               for n in await store.notifications.open())


async def send_operator_reply(store: StorePort, settings: Settings, contact_id: str,
                              text: str) -> str:
    """A human's answer from the hand-off queue, through the outbox like any other message.
    The notes it answers are closed."""
    from ..errors import ContactError
    from ..workers.routing import address, enabled_routes, history_channel, proactive_route

    contact = await store.contacts.get(contact_id)
    if not await may_answer(store, contact):
        raise ContactError(f"{contact_id} asked not to be contacted")
    now = now_utc()
    key = keys.operator_reply(contact.id, secrets.token_hex(6))
    # The route is the core's: a human answers where the agent would.
    route = proactive_route(contact, enabled_routes(settings))
    await store.outbox.put(OutboxItem(
        key=key, contact_id=contact.id, route=route, channel=history_channel(route),
        to=address(route, contact) or contact.id, to_name=contact.name,
        kind="operator", text=text, html=None, subject="Napoleon IT «Отзывы»",
        # A stopped lead who wrote again is answered by a human only: the stop itself stays.
        human_override=contact.status is Status.STOPPED,
    ), due=now.timestamp())
    await operator_command(store, contact, "answered", now=now)
    for notice in await store.notifications.open():
        if notice.get("contact_id") == contact.id and notice.get("kind") in ANSWERED_KINDS:
            await store.notifications.close(notice["_id"])
    return key


async def stop_contact(store: StorePort, contact_id: str, *, reason: str = "operator") -> None:
    contact = await store.contacts.get(contact_id)
    await operator_command(store, contact, "stop", reason=reason)


async def operator_command(store: StorePort, contact: Contact, command: str, *, reason: str = "",
                           now: datetime | None = None) -> list[Action]:
    """An operator's act goes through the same core as a lead's reply: `decide()` says what
    changes; this applies what an operator's command can cause (no message to the lead)."""
    now = now or now_utc()
    actions = decide(contact, OperatorCommand(command, reason), now)
    for action in actions:
        if isinstance(action, StopEverywhere):
            await suppress_everywhere(store, contact, reason=reason or command,
                                      now=now.timestamp())
        elif isinstance(action, EraseContact):
            from .privacy import erase_contact

            await erase_contact(store, contact, now)
        elif isinstance(action, NotifyManager):
            await store.notifications.add(
                keys.operator_command(contact.id, command, now.timestamp()),
                contact_id=contact.id,
                kind=action.kind, reason=action.reason, text="", at=now.timestamp())
        elif isinstance(action, UpdateContact):
            await store.contacts.update(contact.id, **action.fields, updated_at=now)
    return actions


async def suppress_everywhere(store: StorePort, contact: Contact, *, reason: str,
                              now: float) -> None:
    """Every address of this person on the do-not-contact list; nothing queued to them goes out
    (notes to our manager about them still do)."""
    await store.suppression.add(contact, reason=reason, now=now)
    await store.outbox.cancel({"contact_id": contact.id, "internal": False}, reason=reason,
                              now=now)
