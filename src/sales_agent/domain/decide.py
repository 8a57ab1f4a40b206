"""The decision: what to do with an event in a conversation, as of `now`. Pure: no I/O.

`decide(contact, event, now, policy, routes=..., company=...)` returns the actions; the logic
worker applies them. It is the only place that sets a status or picks the route that answers.
The moves are a skilled seller's (issue #11):

- a stopped lead is never written to; when they write again a human is told;
- a verdict the classifier is not sure of is never acted on: a possible refusal goes to a human
  with nothing sent, anything else gets one clarifying question, then a human;
- objections are answered, never taken for a stop; a "no" after that answer closes politely;
- complaints, «откуда у вас мой адрес?» and deletion requests get one apology, do-not-contact
  forever and the manager told (a deletion also erases the person);
- a time the lead names is booked; a demo request without one gets concrete slots;
- warm leads get warm nudges, cold ones the cold sequence; any message from the lead cancels a
  pending reminder or snooze;
- answers wait for the send window and a human pace; the sandbox, where a newcomer tries the
  agent, waits for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from .actions import (
    Action,
    EraseContact,
    NotifyManager,
    ReferColleague,
    SendMessage,
    StopEverywhere,
    UpdateContact,
)
from .booking import bookable, offer_slots
from .calendar import SendWindow, add_business_days, start_of_day
from .events import (
    CHANNEL_SWITCH,
    ConversationStarted,
    Event,
    OperatorCommand,
    ReplyReceived,
    WakeUpDue,
)
from .model import Contact, Intent, Status
from .routing import SANDBOX, proactive_route, reply_route

ENDED = (Status.STOPPED, Status.REDIRECTED, Status.IGNORED)
WAITS_FOR_HUMAN = (Intent.QUESTION, Intent.INTERESTED, Intent.OTHER, Intent.AUTO_REPLY)
GRIEVANCE = frozenset({"complaint", "where_from", "erase"})
NO_WAKE = {"wake_at": None, "wake_reason": None}


@dataclass(frozen=True)
class Policy:
    followup_gaps: tuple[int, ...] = (3, 7)  # business days before each cold follow-up
    nudge_gaps: tuple[int, ...] = (4, 10)  # business days before each warm nudge
    window: SendWindow = field(default_factory=SendWindow)
    later_default_days: int = 14  # "write later" with no date
    max_clarifications: int = 1
    reply_delay: timedelta = timedelta(0)  # a human pace for answers inside the window
    demo_hours: tuple[int, ...] = (11, 15)  # the hours of the demo slots offered
    company_pause_days: int = 10  # a colleague is talking to us: cold messages wait this long


@dataclass(frozen=True)
class CompanyState:
    """What the rest of the lead's company is doing (the engine looks it up)."""

    talking: bool = False  # a colleague has replied and the conversation is alive
    stopped: bool = False  # a colleague refused or complained: no cold outreach to the company


def decide(contact: Contact, event: Event, now: datetime, policy: Policy | None = None,
           channel: str | None = None, *, routes: frozenset[str] = frozenset({SANDBOX}),
           company: CompanyState | None = None) -> list[Action]:
    """`channel` forces the route of proactive messages; by default it follows `routes`."""
    policy, company = policy or Policy(), company or CompanyState()
    if isinstance(event, OperatorCommand):
        return _operator(contact, event)
    if contact.status is Status.STOPPED:
        if isinstance(event, ReplyReceived) and not _is_auto_reply(event):
            # They wrote again: a human reads it, we stay quiet. (An out-of-office answering
            # our confirmation is not the person writing: nobody is paged for it.)
            return [NotifyManager("manager_stopped_wrote", "a stopped lead wrote again")]
        return []
    proactive = channel or proactive_route(contact, routes)
    if isinstance(event, ConversationStarted):
        return _start(contact, event, event.channel or proactive, now, policy, company)
    if isinstance(event, WakeUpDue):
        return _wake(contact, event, proactive, now, policy, company)
    route = reply_route(contact, routes, event.route or event.channel)
    return _paced(_reply(contact, event, route, now, policy), now, contact, policy)


# --- the lead's first message and the scheduled ones -------------------------------------------

def _start(contact: Contact, event: ConversationStarted, route: str, now: datetime,
           policy: Policy, company: CompanyState) -> list[Action]:
    if company.stopped and not contact.referred_by:
        return [UpdateContact({"status": Status.IGNORED, **NO_WAKE,
                               "note": "the company asked us not to write"})]
    if company.talking and not contact.referred_by:
        return [UpdateContact({"wake_at": now + timedelta(days=policy.company_pause_days),
                               "wake_reason": "start"})]
    at = now if event.immediately or route == SANDBOX else _opening(now, contact, policy)
    # A colleague we were referred to gets an introduction that names nobody.
    kind = "redirect_intro" if contact.referred_by else "first"
    return [SendMessage(kind, route, not_before=at, wait_reason=_why(at, now, "window")),
            _waiting(contact, at, policy, warm=False, followups_sent=0, clarifications=0,
                     until=None)]


def _waiting(contact: Contact, sent_at: datetime, policy: Policy, *, warm: bool,
             **fields: object) -> UpdateContact:
    """Waiting for a reply: the next cold follow-up (or warm nudge) after the first gap."""
    gaps = policy.nudge_gaps if warm else policy.followup_gaps
    return UpdateContact({
        "status": Status.ACTIVE, "warm": warm, "wake_reason": "nudge" if warm else "followup",
        "wake_at": add_business_days(sent_at, gaps[0] if gaps else 3, contact.timezone),
        **fields,
    })


def _wake(contact: Contact, event: WakeUpDue, route: str, now: datetime, policy: Policy,
          company: CompanyState) -> list[Action]:
    if contact.status in ENDED or contact.status in (Status.DEMO, Status.HANDOFF):
        return [UpdateContact(dict(NO_WAKE))]
    if event.reason == "start":  # a first message that waited for a colleague's conversation
        return _start(contact, ConversationStarted(), route, now, policy, company)
    at = now if route == SANDBOX else _opening(now, contact, policy)
    if event.reason == "reminder":
        return [SendMessage("reminder", route, not_before=at, until=_day(contact.until, contact),
                            wait_reason=_why(at, now, "window")),
                _waiting(contact, at, policy, warm=True, until=None, followups_sent=0)]
    cold = not contact.warm
    if cold and company.stopped:
        return [UpdateContact({"status": Status.IGNORED, **NO_WAKE,
                               "note": "the company asked us not to write"})]
    if cold and company.talking:
        return [UpdateContact({"status": Status.ACTIVE, "wake_reason": "followup",
                               "wake_at": now + timedelta(days=policy.company_pause_days)})]
    gaps = policy.followup_gaps if cold else policy.nudge_gaps
    sent = contact.followups_sent
    if sent >= len(gaps):
        return [UpdateContact({"status": Status.IGNORED, **NO_WAKE})]
    gap = gaps[min(sent + 1, len(gaps) - 1)]
    return [
        SendMessage("followup" if cold else "nudge", route, not_before=at, attempt=sent + 1,
                    wait_reason=_why(at, now, "window")),
        UpdateContact({"status": Status.ACTIVE, "followups_sent": sent + 1,
                       "wake_reason": "followup" if cold else "nudge",
                       "wake_at": add_business_days(at, gap, contact.timezone)}),
    ]


# --- replies ----------------------------------------------------------------------------------

def _reply(contact: Contact, event: ReplyReceived, route: str, now: datetime,
           policy: Policy) -> list[Action]:
    tags = event.tags
    # Certain verdicts first: a refusal with a grievance, or any stop the classifier is sure of.
    if event.intent is Intent.STOP and not event.review:
        return _stop(contact, event, route)
    if event.review:
        return _unsure(contact, event, route, now, policy)
    if contact.status is Status.DEMO and event.meeting is not None \
            and event.intent not in (Intent.AUTO_REPLY, Intent.REDIRECT):
        return _book(contact, event, route, now, policy)  # «Вторник в 11:00 подходит»
    if contact.status is Status.DEMO and "reschedule" in tags:
        # «Давайте перенесём на пятницу»: a bookable time is booked, else slots to pick from;
        # either way the manager hears of it. Never a snooze that drops the demo silently.
        return _book(contact, event, route, now, policy, moved=True)
    if contact.status is Status.DEMO and event.intent is Intent.LATER:
        until = _later_until(event, contact, now, policy)
        return [SendMessage("later_ack", route, until=until),
                NotifyManager("manager_demo", f"the lead postponed the demo until {until}"),
                UpdateContact({"status": Status.LATER, "demo_at": None,
                               "until": start_of_day(until, contact.timezone),
                               "wake_at": _reminder_at(until, contact, policy),
                               "wake_reason": "reminder", "followups_sent": 0})]
    if contact.status is Status.DEMO and "cancel" in tags:
        return [SendMessage("demo_cancelled", route),
                NotifyManager("manager_demo", "the lead cancelled the demo"),
                _waiting(contact, now, policy, warm=True, demo_at=None, followups_sent=0)]
    if contact.status is Status.HANDOFF and event.intent in WAITS_FOR_HUMAN:
        # A human owes this lead an answer: tell them, don't talk over them. Clear requests
        # (materials, a demo, stop, later, a colleague) are still served at once.
        return _wrote_while_waiting()
    if contact.status is Status.DEMO and event.intent in (Intent.INTERESTED, Intent.DEMO) \
            and "reschedule" not in tags:
        return [NotifyManager("manager_demo", "the lead wrote again about the demo")]
    if event.kind != "text" and event.intent is Intent.OTHER:
        return [SendMessage("non_text", route), _waiting(contact, now, policy, warm=contact.warm)]
    match event.intent:
        case Intent.AUTO_REPLY:
            return _auto_reply(contact, event, now)
        case Intent.PRESENTATION:
            return [SendMessage("presentation", route),
                    _waiting(contact, now, policy, warm=True, followups_sent=0, until=None)]
        case Intent.DEMO:
            return _book(contact, event, route, now, policy)
        case Intent.REDIRECT if event.colleague and not event.colleague_foreign:
            return [ReferColleague(event.colleague), SendMessage("redirect_thanks", route),
                    UpdateContact({"status": Status.REDIRECTED, **NO_WAKE})]
        case Intent.REDIRECT if event.colleague:  # a stranger's address on a reply's word alone
            return _to_human(contact, event, route, "the lead names a colleague at another "
                             "company: check before writing to them", tell_lead=True)
        case Intent.LATER:
            until = _later_until(event, contact, now, policy)
            return [SendMessage("later_ack", route, until=until),
                    UpdateContact({"status": Status.LATER, "until": start_of_day(
                        until, contact.timezone), "wake_at": _reminder_at(until, contact, policy),
                        "wake_reason": "reminder", "followups_sent": 0})]
        case Intent.QUESTION if "objection" in tags:
            return [SendMessage("objection", route, with_chart=True),
                    _waiting(contact, now, policy, warm=True, followups_sent=0, until=None,
                             objections=contact.objections + 1)]
        case Intent.QUESTION:
            return [SendMessage("answer", route, with_chart=True),
                    _waiting(contact, now, policy, warm=True, followups_sent=0, until=None)]
        case Intent.INTERESTED:
            return [SendMessage("interested", route, with_chart=True),
                    _waiting(contact, now, policy, warm=True, followups_sent=0, until=None)]
    return _unclear(contact, event, route, now, policy)


def _stop(contact: Contact, event: ReplyReceived, route: str) -> list[Action]:
    grievance = event.tags & GRIEVANCE
    closed = {"status": Status.STOPPED, **NO_WAKE, "until": None}
    if grievance:
        actions: list[Action] = [
            StopEverywhere(),
            NotifyManager("manager_complaint", "the lead complained or asked about their data: "
                          + ", ".join(sorted(grievance))),
            SendMessage("apology", route, detail="erase" if "erase" in grievance else ""),
            UpdateContact(closed)]
        if "erase" in grievance:
            actions.append(EraseContact())  # last: the apology is queued before the name goes
        return actions
    if contact.objections:
        # A "no" after we answered their objection: close politely, no permanent blacklist.
        return [SendMessage("close", route), UpdateContact({**closed, "note": "closed after "
                                                            "an answered objection"})]
    return [StopEverywhere(), SendMessage("stop_confirm", route),
            UpdateContact(closed)]


def _book(contact: Contact, event: ReplyReceived, route: str, now: datetime,
          policy: Policy, *, moved: bool = False) -> list[Action]:
    """A time named and free → booked with an invitation; else concrete slots to pick from."""
    why_not = bookable(event.meeting, now, policy.window, contact.timezone) \
        if event.meeting else "no time named"
    if event.meeting is not None and why_not is None:
        return [SendMessage("demo_confirm", route, meeting=event.meeting),
                NotifyManager("manager_booking", "demo moved" if moved else "demo booked",
                              meeting=event.meeting),
                UpdateContact({"status": Status.DEMO, "demo_at": event.meeting, **NO_WAKE,
                               "until": None})]
    named = contact.local(event.meeting)
    named_day = named.date() if named else event.meeting_day
    slots = offer_slots(now, contact.timezone, policy.window, policy.demo_hours,
                        from_day=named_day)
    note = "demo requested" if event.meeting is None else f"the time named: {why_not}"
    if moved:
        note = "the lead wants to move the demo; new slots offered"
    return [SendMessage("demo", route, slots=slots), NotifyManager("manager_demo", note),
            UpdateContact({"status": Status.DEMO, **NO_WAKE, "until": None, "warm": True,
                           "offered_slots": list(slots), "demo_at": None})]


def _auto_reply(contact: Contact, event: ReplyReceived, now: datetime) -> list[Action]:
    # An out-of-office snoozes silently until the return date, then the sequence resumes where
    # it was (a follow-up, not "as you asked"); without a date it changes nothing.
    if event.until is None or contact.status is not Status.ACTIVE \
            or event.until <= _today(now, contact):  # a return date already past: no snooze
        return []
    back = start_of_day(event.until, contact.timezone) + timedelta(hours=10)
    return [UpdateContact({"status": Status.LATER, "until": start_of_day(
        event.until, contact.timezone), "wake_at": back,
        "wake_reason": "nudge" if contact.warm else "followup"})]


def _unsure(contact: Contact, event: ReplyReceived, route: str, now: datetime,
            policy: Policy) -> list[Action]:
    if CHANNEL_SWITCH in event.tags:
        # «Сюда больше не пишите, пишите на личную почту»: not a "no", but where to write is
        # theirs to say and ours to set by hand.
        return _to_human(contact, event, route, "the lead asks to be written to elsewhere (another "
                         "address or channel); nothing was sent", tell_lead=False)
    if event.refusal_risk or event.intent is Intent.STOP:
        # It may be a "no": another automatic message would be spam. A human reads it.
        return _to_human(contact, event, route, "the reply may be a refusal; nothing was sent",
                         tell_lead=False)
    if contact.status is Status.DEMO:
        # A manager already owns this lead's demo: a bot asking "what did you mean?" between
        # them is noise. The manager reads it.
        return [NotifyManager("manager_demo", "the lead wrote about the demo; the agent is not "
                              f"sure what they mean (maybe {event.intent.value})")]
    if contact.status is Status.HANDOFF:
        return _wrote_while_waiting()
    return _unclear(contact, event, route, now, policy)


def _wrote_while_waiting() -> list[Action]:
    return [NotifyManager("manager_handoff", "the lead wrote again while waiting for a human")]


def _unclear(contact: Contact, event: ReplyReceived, route: str, now: datetime,
             policy: Policy) -> list[Action]:
    # Unsure or "other": ask once, then a human takes over.
    if contact.clarifications < policy.max_clarifications and not event.needs_human:
        return [SendMessage("clarify", route),
                _waiting(contact, now, policy, warm=contact.warm,
                         clarifications=contact.clarifications + 1)]
    return _to_human(contact, event, route, "the agent could not understand the lead",
                     tell_lead=False)


def _to_human(contact: Contact, event: ReplyReceived, route: str, reason: str, *,
              tell_lead: bool) -> list[Action]:
    # The note comes first: the lead is told a human will answer only once the hand-off exists.
    actions: list[Action] = [NotifyManager("manager_handoff", reason)]
    if tell_lead:
        actions.append(SendMessage("handoff_ack", route))
    actions.append(UpdateContact({"status": Status.HANDOFF, **NO_WAKE}))
    return actions


# --- operators ----------------------------------------------------------------------------------

def _operator(contact: Contact, event: OperatorCommand) -> list[Action]:
    match event.command:
        case "stop":
            return [StopEverywhere(), UpdateContact({"status": Status.STOPPED, **NO_WAKE})]
        case "erase":
            return [StopEverywhere(), EraseContact(),
                    UpdateContact({"status": Status.STOPPED, **NO_WAKE})]
        case "answered" if contact.status is Status.HANDOFF:
            return [UpdateContact({"status": Status.ACTIVE, "warm": True, "followups_sent": 0,
                                   "clarifications": 0})]
        case "draft_failed":
            # A message could not be written: a human writes it. A stop stays a stop.
            note = NotifyManager("manager_handoff", event.reason or "a message could not be "
                                 "written")
            if contact.status is Status.STOPPED:
                return [note]
            return [note, UpdateContact({"status": Status.HANDOFF, **NO_WAKE})]
        case "delivery_failed" if contact.status is not Status.STOPPED:
            return [NotifyManager("manager_handoff", event.reason or "a message could not be "
                                  "delivered"), UpdateContact({"status": Status.HANDOFF,
                                                               **NO_WAKE})]
    return []


def _is_auto_reply(event: ReplyReceived) -> bool:
    return event.intent is Intent.AUTO_REPLY and not event.review


# --- time ---------------------------------------------------------------------------------------

def _paced(actions: list[Action], now: datetime, contact: Contact,
           policy: Policy) -> list[Action]:
    """Answers go out inside the window, after a human pause; the sandbox waits for nothing."""
    paced: list[Action] = []
    for a in actions:
        if isinstance(a, SendMessage) and a.channel != SANDBOX and a.not_before is None:
            at = _opening(now + policy.reply_delay, contact, policy)
            reason = "window" if at > now + policy.reply_delay else "pace"
            a = replace(a, not_before=at, wait_reason=_why(at, now, reason))
        paced.append(a)
    return paced


def _opening(at: datetime, contact: Contact, policy: Policy) -> datetime:
    return policy.window.next_open(at, contact.timezone)


def _why(at: datetime, now: datetime, reason: str) -> str | None:
    return reason if at > now else None


def _reminder_at(until: date, contact: Contact, policy: Policy) -> datetime:
    return start_of_day(until, contact.timezone) + timedelta(hours=policy.window.start_hour + 1)


def _today(now: datetime, contact: Contact) -> date:
    local = contact.local(now)
    assert local is not None
    return local.date()


def _later_until(event: ReplyReceived, contact: Contact, now: datetime, policy: Policy) -> date:
    """The day to write again; a date already past (a misread year, a typo) is no date: the
    default gap, not a "reminder" the same minute."""
    if event.until is not None and event.until > _today(now, contact):
        return event.until
    return (now + timedelta(days=policy.later_default_days)).date()


def _day(moment: datetime | None, contact: Contact) -> date | None:
    local = contact.local(moment)
    return local.date() if local else None


def until_dt(day: date, contact: Contact) -> datetime:
    return start_of_day(day, contact.timezone)
