"""Turning decided actions into outbox items: render the draft, address it, thread it, key it."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from ..analytics.facts import CompanyFacts
from ..brain.names import colleague_from_text
from ..brain.writer import Draft, OutgoingTextRejected, ReplyWriter, WriteContext
from ..domain import keys
from ..domain.actions import NotifyManager, SendMessage
from ..domain.identity import key_kind
from ..domain.model import Contact, Message
from ..errors import ContactError
from ..service.contacts import add_contact
from ..settings import Settings
from ..store.items import InboxItem, OutboxItem
from ..store.port import StorePort
from .invitation import invitation
from .logs import log_event
from .notes import plain_note
from .repeats import repeats
from .routing import EMAIL, SANDBOX, address, history_channel
from .thread_history import colleague_index, reply_subject, thread_memory, thread_of

log = logging.getLogger(__name__)
CHART_KINDS = {"answer", "interested"}


class OutboxWriter:
    def __init__(self, store: StorePort, settings: Settings, writer: ReplyWriter, *,
                 routes: frozenset[str], facts_for: Any = None, bot_link_for: Any = None) -> None:
        self.store, self.settings, self.writer, self.routes = store, settings, writer, routes
        self.facts_for = facts_for  # async (store, company) -> CompanyFacts | None
        self.bot_link_for = bot_link_for  # async (store, contact) -> str | None
        self.first_colleagues: dict[str, list[str]] = {}  # company -> first ids (colleague_index)

    async def send(self, action: SendMessage, contact: Contact, item: InboxItem, key: str,
                   now: datetime) -> bool:
        """Queue one message to the lead; True when the writer says a human must answer."""
        # queued before a crash: the same decision, not a second message (only an item claimed
        # again can have queued anything under its keys: a first claim costs no look-up; an
        # item never claimed, attempts 0, is looked up too)
        if item.queue.attempts != 1 and await self.store.outbox.get(key):
            return False
        route = action.channel
        to = address(route, contact)
        if to is None:
            log_event("no_address", level=logging.WARNING, contact=contact.id, route=route)
            return False
        facts = await self._facts(contact)
        channel = _written_as(route, contact)
        history = await self.store.messages.for_contact(contact.id)  # read once for all below
        memory = await thread_memory(self.store, contact, history_channel(route), now, history)
        try:
            draft = await self.writer.write(action.kind, WriteContext(
                contact=contact, language=contact.language, lead_text=item.text,
                facts=facts, until=action.until, thread_subject=item.subject,
                bot_link=await self._bot_link(contact, action, route), attempt=action.attempt,
                channel=channel, slots=action.slots, meeting=action.meeting,
                reason=action.detail, history=memory.texts, greet=not memory.greeted_today,
                chart=bool(facts and facts.chart and not memory.chart_sent
                           and (action.with_chart or action.kind in CHART_KINDS)),
                variant=await colleague_index(self.store, contact, self.first_colleagues),
            ))
        except OutgoingTextRejected as e:
            # A template the operator edited says something the facts do not back: a human
            # answers instead, nothing unchecked leaves.
            log_event("draft_rejected", level=logging.ERROR, contact=contact.id,
                      kind=action.kind, why=str(e)[:200])
            return True
        sent_before = [m.text for m in history if m.direction == "out"]
        if repeats(draft.text, sent_before):
            # No loops: the lead would read the same thing twice. A human writes instead.
            log_event("repeat_blocked", level=logging.WARNING, contact=contact.id,
                      kind=action.kind)
            return True
        doc = await self._envelope(draft, contact, item, route, to, history)
        doc["wait_reason"] = action.wait_reason
        if draft.chart:  # the text (or the photo's caption) explains it in one line
            chart = await _chart_for(facts, contact.language)
            doc["chart"] = str(chart) if chart else None
            doc["caption"] = draft.caption
        if action.meeting is not None and route == EMAIL:
            doc["calendar"] = invitation(
                meeting=action.meeting, uid=f"demo-{contact.id}-{contact.epoch}",
                organizer=self.settings.from_email, now=now,
                organizer_name=self.settings.from_name, attendee=to,
                attendee_name=contact.name, url=self.settings.demo_url,
                summary=draft.subject, duration_minutes=self.settings.demo_minutes)
        due = (action.not_before or now).timestamp()
        await self.store.outbox.put(OutboxItem(key=key, **doc), due=due)
        log_event("queued", contact=contact.id, kind=action.kind, route=route, key=key)
        return draft.handoff

    async def _envelope(self, draft: Draft, contact: Contact, item: InboxItem, route: str,
                        to: str, history: list[Message]) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "contact_id": contact.id, "route": route, "channel": history_channel(route),
            "to": to, "to_name": contact.name, "kind": draft.kind, "text": draft.text,
            "html": draft.html, "attachments": tuple(draft.attachments), "internal": False,
            "subject": draft.subject, "trigger": item.key, "source": draft.source,
        }
        if route == EMAIL:
            thread = await thread_of(self.store, contact, history)
            doc["message_id"] = keys.email_message_id(self.settings.from_email)
            inbound_id = item.message_id if item.channel == "email" else None
            parent = inbound_id or (thread["ids"][-1] if thread["ids"] else None)
            doc["in_reply_to"] = parent
            doc["references"] = (*thread["ids"], *([inbound_id] if inbound_id else []))[-20:]
            if parent:
                doc["subject"] = reply_subject(item.subject or thread["subject"],
                                               draft.subject)
        return doc

    async def _facts(self, contact: Contact) -> CompanyFacts | None:
        if self.facts_for is None or not contact.company:
            return None
        try:
            return await self.facts_for(self.store, contact.company)
        except Exception as e:  # analytics must never stop a conversation
            log.warning("analytics for %r failed: %s", contact.company, e)
            return None

    async def _bot_link(self, contact: Contact, action: SendMessage, route: str) -> str | None:
        if self.bot_link_for is None or route != EMAIL or action.kind != "first":
            return None
        return await self.bot_link_for(self.store, contact)

    async def notify_manager(self, action: NotifyManager, contact: Contact, item: InboxItem,
                             key: str, now: datetime) -> None:
        """An event that needs a human always reaches one: the note is recorded (the console
        shows it) before anything else, and a note that cannot be rendered goes out plain."""
        history = await self.store.messages.for_contact(contact.id)
        summary = "\n".join(f"{'←' if m.direction == 'in' else '→'} {m.text[:300]}"
                            for m in history[-6:])
        plain = plain_note(action, contact, item.text, summary)
        await self._notification(contact, action.kind, action.reason, plain, key, now)
        try:
            draft = await self.writer.write(action.kind, WriteContext(
                contact=contact, language="ru", lead_text=item.text, summary=summary,
                reason=action.reason, meeting=action.meeting))
        except Exception:
            log.exception("manager note %s for %s: template failed, sent plain", action.kind,
                          contact.id)
            draft = Draft(kind=action.kind, subject=f"{action.kind}: {contact.name}",
                          text=plain)
        if EMAIL in self.routes and self.settings.manager_email:
            await self.store.outbox.put(OutboxItem(
                key=keys.manager_copy(key), contact_id=contact.id, route=EMAIL, channel="email",
                internal=True, to=self.settings.manager_email, to_name="", kind=action.kind,
                subject=draft.subject, text=draft.text, html=draft.html,
                message_id=keys.email_message_id(self.settings.from_email),
            ), due=now.timestamp())

    async def notify_operator(self, contact: Contact, item: InboxItem, kind: str,
                              now: datetime, *, reason: str | None = None) -> None:
        await self._notification(contact, kind, reason or kind, item.text or "",
                                 keys.note(item.key, kind), now)

    async def _notification(self, contact: Contact, kind: str, reason: str, text: str, key: str,
                            now: datetime) -> None:
        await self.store.notifications.add(key, contact_id=contact.id, kind=kind, reason=reason,
                                           text=text, at=now.timestamp())

    async def refer(self, colleague: str, referrer: Contact, now: datetime) -> Contact | None:
        """The named colleague becomes a new lead; the scheduler writes to them next."""
        is_email = key_kind(colleague) == "email"
        local = colleague.split("@")[0] if is_email else colleague.lstrip("@")
        # The name the redirect gives («пишите Марии Котовой» -> «Мария Котова»); else the
        # address's local part as it is, which the writer never uses in a greeting.
        said = [m.text for m in await self.store.messages.for_contact(referrer.id)
                if m.direction == "in"]
        name = (colleague_from_text(said[-1]) if said else "") or local
        try:
            # Through add_contact: a colleague on the do-not-contact list is not stored again.
            new = await add_contact(
                self.store, name=name or colleague, company=referrer.company,
                email=colleague if is_email else None,
                telegram=None if is_email else colleague, products=referrer.products,
                referred_by=referrer.id, language=referrer.language, now=now)
        except ContactError as e:
            log_event("referral_skipped", contact=referrer.id, colleague=colleague, why=str(e))
            return None
        log_event("referred", contact=referrer.id, colleague=new.id)
        return new


async def _chart_for(facts: CompanyFacts | None, language: str) -> Path | None:
    """The lead's chart in their language (an English lead gets English labels)."""
    if facts is None or facts.chart is None:
        return None
    from ..analytics.charts import localized_chart  # matplotlib loads only when a chart is drawn

    try:
        return await asyncio.to_thread(localized_chart, facts, language)
    except Exception as e:  # a chart must never stop a conversation: send the one we have
        log.warning("chart in %s for %r failed: %s", language, facts.company, e)
        return facts.chart


def _written_as(route: str, contact: Contact) -> str:
    """The sandbox shows what the lead would really get: a letter when they have an email."""
    if route == SANDBOX:
        return "email" if contact.email else "telegram"
    return history_channel(route)
