"""The decision: what to do with an event in a conversation, as of `now`. Pure: no I/O.

`decide(contact, event, now, policy)` returns the actions; the logic worker applies them. A stopped
contact gets nothing but a record, whatever arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .actions import (
    Action,
    NotifyManager,
    ReferColleague,
    SendMessage,
    StopEverywhere,
    UpdateContact,
)
from .calendar import SendWindow, add_business_days, start_of_day
from .events import ConversationStarted, Event, ReplyReceived, WakeUpDue
from .model import Contact, Intent, Status

ENDED = (Status.STOPPED, Status.REDIRECTED, Status.IGNORED)
WAITS_FOR_HUMAN = (Intent.QUESTION, Intent.INTERESTED, Intent.OTHER, Intent.AUTO_REPLY)


@dataclass(frozen=True)
class Policy:
    followup_gaps: tuple[int, ...] = (3, 7)  # business days before each follow-up
    window: SendWindow = field(default_factory=SendWindow)
    later_default_days: int = 14  # "write later" with no date
    max_clarifications: int = 1


def decide(contact: Contact, event: Event, now: datetime, policy: Policy | None = None,
           channel: str = "email") -> list[Action]:
    """`channel` is where proactive messages to this contact go (email, else Telegram, ...)."""
    policy = policy or Policy()
    if contact.status is Status.STOPPED:
        return []
    if isinstance(event, ConversationStarted):
        return _start(contact, event.channel or channel, now, policy)
    if isinstance(event, WakeUpDue):
        return _wake(contact, event, channel, now, policy)
    return _reply(contact, event, now, policy)


def _start(contact: Contact, channel: str, now: datetime, policy: Policy) -> list[Action]:
    at = policy.window.next_open(now, contact.timezone)
    return [
        # A colleague we were referred to gets an introduction that names nobody.
        SendMessage("redirect_intro" if contact.referred_by else "first", channel, not_before=at),
        _active(contact, at, policy, followups_sent=0, clarifications=0, until=None),
    ]


def _active(contact: Contact, sent_at: datetime, policy: Policy, **fields: object) -> UpdateContact:
    """Waiting for a reply: the next follow-up is due after the first gap."""
    gap = policy.followup_gaps[0] if policy.followup_gaps else 3
    return UpdateContact({
        "status": Status.ACTIVE, "wake_reason": "followup",
        "wake_at": add_business_days(sent_at, gap, contact.timezone), **fields,
    })


def _wake(contact: Contact, event: WakeUpDue, channel: str, now: datetime,
          policy: Policy) -> list[Action]:
    if contact.status in ENDED or contact.status in (Status.DEMO, Status.HANDOFF):
        return [UpdateContact({"wake_at": None, "wake_reason": None})]
    at = policy.window.next_open(now, contact.timezone)
    if event.reason == "reminder" or contact.status is Status.LATER:
        return [SendMessage("reminder", channel, not_before=at),
                _active(contact, at, policy, until=None, followups_sent=0)]
    sent = contact.followups_sent
    if sent >= len(policy.followup_gaps):
        return [UpdateContact({"status": Status.IGNORED, "wake_at": None, "wake_reason": None})]
    gap = policy.followup_gaps[min(sent + 1, len(policy.followup_gaps) - 1)]
    return [
        SendMessage("followup", channel, not_before=at, attempt=sent + 1),
        UpdateContact({"followups_sent": sent + 1, "wake_reason": "followup",
                       "wake_at": add_business_days(at, gap, contact.timezone)}),
    ]


def _reply(contact: Contact, event: ReplyReceived, now: datetime, policy: Policy) -> list[Action]:
    ch = event.channel
    if contact.status is Status.HANDOFF and event.intent in WAITS_FOR_HUMAN:
        # A human owes this lead an answer: tell them, don't talk over them. Clear requests
        # (materials, a demo, stop, later, a colleague) are still served at once.
        return [NotifyManager("manager_handoff", "the lead wrote again while waiting for a human")]
    if contact.status is Status.DEMO and event.intent in (Intent.INTERESTED, Intent.DEMO):
        return [NotifyManager("manager_demo", "the lead wrote again about the demo")]
    if event.kind != "text" and event.intent is Intent.OTHER:
        return [SendMessage("non_text", ch), _active(contact, now, policy)]
    match event.intent:
        case Intent.STOP:
            return [StopEverywhere(), SendMessage("stop_confirm", ch),
                    UpdateContact({"status": Status.STOPPED, "wake_at": None, "until": None})]
        case Intent.AUTO_REPLY:
            return _auto_reply(contact, event, policy)
        case Intent.PRESENTATION:
            return [SendMessage("presentation", ch),
                    _active(contact, now, policy, followups_sent=0)]
        case Intent.DEMO:
            return [SendMessage("demo", ch), NotifyManager("manager_demo", "demo requested"),
                    UpdateContact({"status": Status.DEMO, "wake_at": None, "wake_reason": None})]
        case Intent.REDIRECT if event.colleague:
            return [ReferColleague(event.colleague), SendMessage("redirect_thanks", ch),
                    UpdateContact({"status": Status.REDIRECTED, "wake_at": None})]
        case Intent.LATER:
            until = event.until or (now + timedelta(days=policy.later_default_days)).date()
            return [SendMessage("later_ack", ch, until=until),
                    UpdateContact({"status": Status.LATER, "until": until_dt(until, contact),
                                   "wake_at": until_dt(until, contact), "wake_reason": "reminder"})]
        case Intent.QUESTION:
            return [SendMessage("answer", ch, with_chart=True),
                    _active(contact, now, policy, followups_sent=0)]
        case Intent.INTERESTED:
            return [SendMessage("interested", ch, with_chart=True),
                    _active(contact, now, policy, followups_sent=0)]
    return _unclear(contact, event, now, policy)


def _auto_reply(contact: Contact, event: ReplyReceived, policy: Policy) -> list[Action]:
    # An out-of-office snoozes silently until the return date; without one it changes nothing.
    if event.until is None or contact.status is not Status.ACTIVE:
        return []
    back = until_dt(event.until, contact)
    return [UpdateContact({"status": Status.LATER, "until": back, "wake_at": back,
                           "wake_reason": "followup"})]


def _unclear(contact: Contact, event: ReplyReceived, now: datetime,
             policy: Policy) -> list[Action]:
    # "other", or a redirect that named nobody: ask once, then a human takes over.
    if contact.clarifications < policy.max_clarifications and not event.needs_human:
        return [SendMessage("clarify", event.channel),
                _active(contact, now, policy, clarifications=contact.clarifications + 1)]
    return [NotifyManager("manager_handoff", "the agent could not understand the lead"),
            UpdateContact({"status": Status.HANDOFF, "wake_at": None, "wake_reason": None})]


def until_dt(day, contact: Contact) -> datetime:  # type: ignore[no-untyped-def]
    return start_of_day(day, contact.timezone)
