"""The logic worker's heart: one inbox item in, a decision, its actions applied idempotently.

Everything an item causes is keyed by the item's key (outbox keys, message ids), and the contact
update that closes it records `last_event`; so a worker that dies half-way and an item claimed
again produce no second message and lose none.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from ..brain.classifier import Classification, classify, detect_language
from ..brain.classifier.model import ModelUnavailable
from ..brain.classifier.settle import settle
from ..brain.classifier.slots import Slots, read_slots
from ..domain import keys
from ..domain.actions import (
    Action,
    EraseContact,
    NotifyManager,
    ReferColleague,
    SendMessage,
    StopEverywhere,
    UpdateContact,
)
from ..domain.calendar import SendWindow
from ..domain.decide import CompanyState, Policy, decide
from ..domain.events import (
    ConversationStarted,
    Event,
    OperatorCommand,
    ReplyReceived,
    WakeUpDue,
)
from ..domain.model import Contact, Direction, Intent, Message, Status
from ..service.company import company_state
from ..service.conversation import suppress_everywhere
from ..service.inbound import incoming_message_of
from ..service.privacy import erase_contact
from ..settings import Settings
from ..store.items import InboxItem
from ..store.port import StorePort
from ..store.timeutil import from_ts, to_ts
from .clock import Clock
from .corrections import CorrectionsFeed
from .logs import log_event
from .outbox_writer import OutboxWriter
from .routing import history_channel

log = logging.getLogger(__name__)
CLASSIFY_SECONDS = 20.0


def _for_human(why: str) -> Classification:
    return Classification(Intent.OTHER, 0.0, reasons=(why,), review=True)


class ConversationEngine:
    def __init__(self, store: StorePort, settings: Settings, outbox_writer: OutboxWriter, *,
                 clock: Clock, routes: frozenset[str], policy: Policy | None = None,
                 llm: Any = None) -> None:
        self.store, self.settings, self.outbox_writer = store, settings, outbox_writer
        self.clock, self.routes, self.llm = clock, routes, llm
        self.policy = policy or policy_from(settings)
        self.corrections = CorrectionsFeed(store)  # the operator's, read again when they change

    async def process(self, item: InboxItem) -> str:
        """Decide on one claimed inbox item and apply the decision. Returns what happened."""
        now = self.clock.now()
        if item.command and item.command.startswith("/start"):
            return await self._telegram_start(item, now)
        contact = await self._contact(item)
        if contact is None:
            log_event("unmatched", level=logging.WARNING, key=item.key,
                      sender=item.sender, channel=item.channel)
            await self.store.notifications.add(
                keys.unmatched(item.key), contact_id=None, kind="unmatched",
                reason=f"{item.channel} from {item.sender}: no such contact",
                text=(item.text or "")[:1000], at=now.timestamp())
            return "unmatched"
        if contact.last_event == item.key:
            return "replayed"
        event, classification = await self._event(item, contact)
        if item.type == "reply":
            await self._record_inbound(item, contact, classification)
            if classification and (item.text or "").strip():
                # The conversation follows the language the lead writes in.
                lang = detect_language(item.text)
                contact = contact.model_copy(update={"language": lang})
        if event is None:
            await self._close(contact, item, {}, now)
            return "recorded"
        actions = decide(contact, event, now, self.policy, routes=self.routes,
                         company=await self._company(contact, event))
        fields = await self._apply(actions, contact, item, now)
        await self._close(contact, item, fields, now)
        log_event("decided", contact=contact.id, key=item.key,
                  intent=classification.intent if classification else None,
                  actions=",".join(_describe(a) for a in actions) or "none")
        return "decided"

    async def _contact(self, item: InboxItem) -> Contact | None:
        if item.contact_id:
            return await self.store.contacts.find_by(_id=item.contact_id)
        return None

    async def _event(self, item: InboxItem, contact: Contact
                     ) -> tuple[Event | None, Classification | None]:
        kind = item.type
        if kind == "start":
            if contact.status is not Status.NEW or item.epoch != contact.epoch:
                return None, None
            return ConversationStarted(), None
        if kind == "operator":
            return OperatorCommand(item.command or "", item.reason or ""), None
        if kind == "wake":
            if to_ts(contact.wake_at) != item.wake_at:
                return None, None  # the wake-up was moved or cancelled since
            return WakeUpDue(item.reason or "followup"), None
        if item.bounce:
            await self.outbox_writer.notify_operator(contact, item, "bounce", self.clock.now())
            return None, None
        c, extra = await self._classify(item, contact)
        return ReplyReceived(
            intent=c.intent, channel=history_channel(item.channel),
            confidence=c.confidence, until=c.until, colleague=c.contact,
            kind=item.kind or "text", route=item.route,
            review=extra["review"], refusal_risk=extra["refusal_risk"],
            tags=frozenset(extra["tags"]), meeting=from_ts(extra["meeting"]),
            meeting_day=date.fromisoformat(extra["meeting_day"]) if extra.get("meeting_day")
            else None,
            colleague_foreign=extra["contact_foreign"],
        ), c

    async def _slots(self, item: InboxItem, contact: Contact) -> Slots | None:
        """What only the conversation can tell: a time picked among the slots we offered,
        whether a colleague's address is at another company (a stranger: a human checks).
        The classifier cannot: it reads without the lead's time zone, our offered times and
        our own addresses, and must answer as `sales-agent classify` does. Off the event loop
        under the classifier's time limit: a long reply takes ~0.1 s."""
        try:
            return await asyncio.wait_for(asyncio.to_thread(
                read_slots, item.text or "", now=from_ts(item.at) or self.clock.now(),
                tz=contact.timezone, lang=contact.language, sender=item.sender,
                own_addresses=[self.settings.from_email], offered=contact.offered_slots),
                timeout=CLASSIFY_SECONDS)
        except Exception:  # slots refine a verdict; they never stop one
            log.exception("slots failed for %s", item.key)
            return None

    async def _classify(self, item: InboxItem, contact: Contact
                        ) -> tuple[Classification, dict[str, Any]]:
        """Classified once: the verdict is kept on the item, so a replay (a worker died after
        deciding) decides on the same intent even when an LLM would now answer otherwise —
        with the same review flag, tags, meeting time and colleague check too (the slots
        are read once, with the verdict, not again on a replay)."""
        kept = item.classification
        if kept:
            return _classification_from(kept), _extras_from(kept.get("extra") or {})
        c = await self._classify_afresh(item)
        extra = _extras_of(c, await self._slots(item, contact))
        await self.store.inbox.annotate(
            item.id, classification={**_classification_doc(c), "extra": extra})
        return c, extra

    async def _classify_afresh(self, item: InboxItem) -> Classification:
        if item.command == "/stop":
            return Classification(Intent.STOP, 1.0, None, None, None, ("/stop",))
        at = from_ts(item.at) or self.clock.now()
        corrections = await self.corrections.current()
        # Off the event loop, with a time limit: a pathological text must not stall the other
        # roles; past the limit a human reads it (the thread finishes on its own).
        try:
            c = await asyncio.wait_for(asyncio.to_thread(
                classify, item.text or "", date=at, channel=item.channel,
                subject=item.subject, headers=item.headers or {},
                sender=item.sender, corrections=corrections), timeout=CLASSIFY_SECONDS)
        except TimeoutError:
            log_event("classify_timeout", level=logging.ERROR, key=item.key)
            c = _for_human("the classifier took too long")
        except ModelUnavailable as e:  # one clear line; the reply waits for a human, not lost
            log_event("classifier_unavailable", level=logging.ERROR, key=item.key, why=str(e))
            c = _for_human(str(e))
        if item.auto_reply and c.intent is not Intent.AUTO_REPLY:
            c = replace(c, intent=Intent.AUTO_REPLY, review=False,
                        reasons=(*c.reasons, "auto-reply headers"))
        if c.review and self.llm is not None:  # only unsure verdicts go to the LLM
            c = await settle(self.llm, item.text or "", c, at.date(), item.sender)
        return c

    async def _company(self, contact: Contact, event: Event) -> CompanyState:
        """Only cold messages look at the company: a reply is answered whatever colleagues do."""
        if isinstance(event, ReplyReceived) or contact.warm:
            return CompanyState()
        return await company_state(self.store, contact)

    async def _apply(self, actions: list[Action], contact: Contact, item: InboxItem,
                     now: datetime) -> dict[str, Any]:
        """Apply in order. A message that cannot be written never aborts the decision: the
        status change and the hand-off still happen, and the failure reaches a human."""
        fields: dict[str, Any] = {}
        unwritten: list[str] = []  # messages a human must write instead
        for index, action in enumerate(actions):
            key = keys.action(item.key, index)
            if isinstance(action, SendMessage):
                try:
                    handoff = await self.outbox_writer.send(action, contact, item, key, now)
                except Exception as e:  # a template, the analytics, a chart: a human writes
                    log.exception("message %s for %s could not be written", action.kind,
                                  contact.id)
                    await self.outbox_writer.notify_operator(
                        contact, item, "draft_failed", now,
                        reason=f"{action.kind}: {type(e).__name__}: {str(e)[:200]}")
                    handoff = True
                if handoff:
                    unwritten.append(action.kind)
            elif isinstance(action, UpdateContact):
                fields.update(action.fields)
            elif isinstance(action, NotifyManager):
                await self.outbox_writer.notify_manager(action, contact, item, key, now)
            elif isinstance(action, ReferColleague):
                await self.outbox_writer.refer(action.colleague, contact, now)
            elif isinstance(action, StopEverywhere):
                await suppress_everywhere(self.store, contact, reason="stopped",
                                          now=now.timestamp())
            elif isinstance(action, EraseContact):
                await erase_contact(self.store, contact, now)
        if unwritten:
            # What that means for the conversation is the core's decision, made on the state
            # this decision leaves (a stop stays a stop; anything else waits for a human).
            after = contact.model_copy(update=fields)
            reason = f"the agent could not answer by itself ({', '.join(unwritten)})"
            for action in decide(after, OperatorCommand("draft_failed", reason), now,
                                 self.policy, routes=self.routes):
                if isinstance(action, NotifyManager):
                    await self.outbox_writer.notify_manager(action, contact, item,
                                                       keys.unwritten(item.key), now)
                elif isinstance(action, UpdateContact):
                    fields.update(action.fields)
        return fields

    async def _record_inbound(self, item: InboxItem, contact: Contact,
                              c: Classification | None) -> None:
        why = "; ".join(c.reasons) if c else None
        await self.store.messages.record(Message(
            id=keys.message_in(item.key), contact_id=contact.id, direction=Direction.IN,
            channel=history_channel(item.channel), text=item.text or "",
            at=from_ts(item.at) or self.clock.now(), intent=c.intent if c else None,
            attachments=list(item.attachments), subject=item.subject,
            message_id=item.message_id, decision=why,
        ))

    async def _close(self, contact: Contact, item: InboxItem, fields: dict[str, Any],
                     now: datetime) -> None:
        extra: dict[str, Any] = {"updated_at": now, "last_event": item.key}
        if item.type == "reply":
            extra.update(last_in_at=now, language=contact.language)
            if item.route == "telegram":  # only a lead who pressed /start reaches the bot
                extra["bot_started"] = True
        await self.store.contacts.update(contact.id, **{**fields, **extra})

    async def _telegram_start(self, item: InboxItem, now: datetime) -> str:
        from ..service.telegram_binding import bind_start
        contact, _created = await bind_start(self.store, incoming_message_of(item), now)
        if contact.last_event == item.key:
            return "replayed"
        # /start is the lead asking to talk: the conversation starts over, a past stop included.
        await self.store.suppression.remove_for(contact.id)
        fresh = contact.model_copy(update={"status": Status.NEW, "followups_sent": 0,
                                           "clarifications": 0})
        actions = decide(fresh, ConversationStarted(channel="telegram", immediately=True), now,
                         self.policy, routes=self.routes)
        fields = await self._apply(actions, fresh, replace(item, type="start"), now)
        await self._close(fresh, item, {**fields, "epoch": contact.epoch + 1}, now)
        return "started"


def policy_from(settings: Settings) -> Policy:
    """The playbook's knobs from the settings (the send window among them)."""
    window = SendWindow(settings.send_window_start, settings.send_window_end, settings.timezone)
    return Policy(followup_gaps=tuple(settings.followup_days), window=window,
                  reply_delay=timedelta(seconds=settings.reply_delay_seconds),
                  demo_hours=tuple(settings.demo_hours))


def _classification_doc(c: Classification) -> dict[str, Any]:
    return {"intent": str(c.intent), "confidence": c.confidence, "contact": c.contact,
            "until": c.until.isoformat() if c.until else None,
            "runner_up": str(c.runner_up) if c.runner_up else None, "reasons": list(c.reasons)}


def _classification_from(doc: dict[str, Any]) -> Classification:
    return Classification(
        Intent(doc["intent"]), float(doc["confidence"]), doc.get("contact"),
        date.fromisoformat(doc["until"]) if doc.get("until") else None,
        Intent(doc["runner_up"]) if doc.get("runner_up") else None, tuple(doc.get("reasons", ())))


def _extras_of(c: Classification, slots: Slots | None) -> dict[str, Any]:
    """What a decision needs beyond the contract's fields, in a form the store keeps: the
    classifier's flags (getattr: an older classifier has none of them), and from the
    conversation's slots a usable meeting time and whether the verdict's colleague is at
    another company."""
    meeting = slots.meeting if slots and slots.meeting_has_time \
        and "invalid_time" not in slots.meeting_problems else None
    # «Созвонимся в четверг»: no time, but the day is where the slots we offer should start
    day = slots.meeting.date() if slots and slots.meeting and not slots.meeting_has_time \
        and "past" not in slots.meeting_problems else None
    return {"review": bool(getattr(c, "review", False)),
            "refusal_risk": bool(getattr(c, "refusal_risk", False)),
            "tags": sorted(getattr(c, "tags", ()) or ()),
            "meeting": to_ts(meeting) if isinstance(meeting, datetime) else None,
            "meeting_day": day.isoformat() if day else None,
            "contact_foreign": bool(slots and c.contact and slots.contact == c.contact
                                    and slots.contact_is_foreign_domain)}


def _extras_from(doc: dict[str, Any]) -> dict[str, Any]:
    return {"review": bool(doc.get("review")), "refusal_risk": bool(doc.get("refusal_risk")),
            "tags": list(doc.get("tags") or ()), "meeting": doc.get("meeting"),
            "meeting_day": doc.get("meeting_day"),
            "contact_foreign": bool(doc.get("contact_foreign"))}


def _describe(action: Action) -> str:
    if isinstance(action, SendMessage):
        return f"send:{action.kind}"
    if isinstance(action, UpdateContact):
        status = action.fields.get("status")
        return f"status:{status}" if status else "update"
    return type(action).__name__
