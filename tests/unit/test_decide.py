"""The decision, by table: (contact state, event, now) -> actions. No I/O anywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sales_agent.domain.actions import (
    EraseContact,
    NotifyManager,
    ReferColleague,
    SendMessage,
    StopEverywhere,
    UpdateContact,
)
from sales_agent.domain.calendar import SendWindow
from sales_agent.domain.decide import CompanyState, Policy, decide
from sales_agent.domain.events import (
    ConversationStarted,
    OperatorCommand,
    ReplyReceived,
    WakeUpDue,
)
from sales_agent.domain.model import Contact, Intent, Status

# Wednesday 2026-11-25 12:00 Moscow
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ALL = frozenset({"email", "telegram", "telegram-user", "sandbox"})


def contact(**fields) -> Contact:
    base = dict(id="c1", name="Ольга", company="Бодрое утро", email="olga@example.com",
                status=Status.ACTIVE, created_at=NOW, updated_at=NOW)
    return Contact(**{**base, **fields})


def reply(intent: Intent, **kw) -> ReplyReceived:
    if "tags" in kw:
        kw["tags"] = frozenset(kw["tags"])
    return ReplyReceived(intent=intent, channel=kw.pop("channel", "email"), **kw)


def kinds(actions) -> list[str]:
    return [a.kind for a in actions if isinstance(a, SendMessage)]


def notes(actions) -> list[str]:
    return [a.kind for a in actions if isinstance(a, NotifyManager)]


def update(actions) -> dict:
    merged: dict = {}
    for a in actions:
        if isinstance(a, UpdateContact):
            merged.update(a.fields)
    return merged


THURSDAY_15 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # 15:00 Moscow


@pytest.mark.parametrize(("state", "event", "sends", "status", "told"), [
    ({"status": Status.NEW}, ConversationStarted(), ["first"], Status.ACTIVE, []),
    ({}, reply(Intent.STOP), ["stop_confirm"], Status.STOPPED, []),
    ({}, reply(Intent.PRESENTATION), ["presentation"], Status.ACTIVE, []),
    ({}, reply(Intent.DEMO), ["demo"], Status.DEMO, ["manager_demo"]),
    ({}, reply(Intent.DEMO, meeting=THURSDAY_15, tags={"booking"}), ["demo_confirm"],
     Status.DEMO, ["manager_booking"]),
    ({"status": Status.DEMO}, reply(Intent.LATER, meeting=THURSDAY_15), ["demo_confirm"],
     Status.DEMO, ["manager_booking"]),
    ({"status": Status.DEMO}, reply(Intent.OTHER, tags={"cancel"}), ["demo_cancelled"],
     Status.ACTIVE, ["manager_demo"]),
    ({}, reply(Intent.REDIRECT, colleague="anna@x.ru"), ["redirect_thanks"], Status.REDIRECTED,
     []),
    ({}, reply(Intent.REDIRECT, colleague="boss@rival.example", colleague_foreign=True),
     ["handoff_ack"], Status.HANDOFF, ["manager_handoff"]),
    ({}, reply(Intent.REDIRECT), ["clarify"], Status.ACTIVE, []),
    ({}, reply(Intent.LATER, until=date(2026, 12, 15)), ["later_ack"], Status.LATER, []),
    ({}, reply(Intent.QUESTION), ["answer"], Status.ACTIVE, []),
    ({}, reply(Intent.QUESTION, tags={"objection"}), ["objection"], Status.ACTIVE, []),
    ({}, reply(Intent.INTERESTED), ["interested"], Status.ACTIVE, []),
    ({}, reply(Intent.OTHER), ["clarify"], Status.ACTIVE, []),
    ({"clarifications": 1}, reply(Intent.OTHER), [], Status.HANDOFF, ["manager_handoff"]),
    ({}, reply(Intent.AUTO_REPLY, until=date(2026, 12, 1)), [], Status.LATER, []),
    ({}, reply(Intent.OTHER, kind="sticker", channel="telegram"), ["non_text"], Status.ACTIVE,
     []),
    ({"status": Status.HANDOFF}, reply(Intent.QUESTION), [], None, ["manager_handoff"]),
    ({"status": Status.HANDOFF}, reply(Intent.PRESENTATION), ["presentation"], Status.ACTIVE,
     []),
    # unsure verdicts: a possible refusal gets nothing automatic, anything else one question
    ({}, reply(Intent.STOP, review=True), [], Status.HANDOFF, ["manager_handoff"]),
    ({}, reply(Intent.INTERESTED, review=True, refusal_risk=True), [], Status.HANDOFF,
     ["manager_handoff"]),
    ({}, reply(Intent.PRESENTATION, review=True), ["clarify"], Status.ACTIVE, []),
    # «сюда больше не пишите, презентацию на личную почту»: a person moves the lead
    ({}, reply(Intent.PRESENTATION, review=True, refusal_risk=True, tags={"channel_switch"}), [],
     Status.HANDOFF, ["manager_handoff"]),
    ({"clarifications": 1}, reply(Intent.DEMO, review=True), [], Status.HANDOFF,
     ["manager_handoff"]),
    # a demo arranged or a human owing an answer: no bot question in between, the human reads it
    ({"status": Status.DEMO}, reply(Intent.INTERESTED, review=True), [], None,
     ["manager_demo"]),
    ({"status": Status.HANDOFF}, reply(Intent.QUESTION, review=True), [], None,
     ["manager_handoff"]),
    # grievances: an apology, do-not-contact, the manager told
    ({}, reply(Intent.STOP, tags={"complaint"}), ["apology"], Status.STOPPED,
     ["manager_complaint"]),
    ({}, reply(Intent.STOP, tags={"where_from"}), ["apology"], Status.STOPPED,
     ["manager_complaint"]),
    # a "no" after an answered objection closes politely
    ({"objections": 1}, reply(Intent.STOP), ["close"], Status.STOPPED, []),
    # a stopped lead who writes again: silence, and a human reads it
    ({"status": Status.STOPPED}, reply(Intent.PRESENTATION), [], None,
     ["manager_stopped_wrote"]),
    # bug: a stopped lead's out-of-office paged the manager as if the person wrote again
    ({"status": Status.STOPPED}, reply(Intent.AUTO_REPLY, until=date(2026, 12, 1)), [], None,
     []),
    # bug: «давайте перенесём» without a bookable time went by intent (a snooze, or nothing)
    ({"status": Status.DEMO}, reply(Intent.LATER, tags={"reschedule"}), ["demo"], Status.DEMO,
     ["manager_demo"]),
    ({"status": Status.DEMO}, reply(Intent.DEMO, tags={"reschedule"}, meeting=THURSDAY_15),
     ["demo_confirm"], Status.DEMO, ["manager_booking"]),
    # bug: a lead with a demo arranged who asks to write later dropped the demo silently
    ({"status": Status.DEMO}, reply(Intent.LATER, until=date(2026, 12, 15)), ["later_ack"],
     Status.LATER, ["manager_demo"]),
    # bug: a message that could not be written turned a stop into a hand-off (the engine
    # decided the status itself); now the core decides, and a stop stays a stop
    ({"status": Status.STOPPED}, OperatorCommand("draft_failed", "apology"), [], None,
     ["manager_handoff"]),
    ({}, OperatorCommand("draft_failed", "answer"), [], Status.HANDOFF, ["manager_handoff"]),
    ({"status": Status.LATER}, WakeUpDue("reminder"), ["reminder"], Status.ACTIVE, []),
    ({"followups_sent": 0}, WakeUpDue("followup"), ["followup"], Status.ACTIVE, []),
    ({"followups_sent": 0, "warm": True}, WakeUpDue("nudge"), ["nudge"], Status.ACTIVE, []),
    ({"followups_sent": 2}, WakeUpDue("followup"), [], Status.IGNORED, []),
    ({"status": Status.DEMO}, WakeUpDue("followup"), [], None, []),
    ({"status": Status.DEMO}, WakeUpDue("reminder"), [], None, []),
])
def test_decides_by_table(state, event, sends, status, told) -> None:
    actions = decide(contact(**state), event, NOW, Policy())
    assert kinds(actions) == sends
    assert update(actions).get("status") == status
    assert notes(actions) == told


class TestStop:
    @pytest.mark.parametrize("event", [
        ConversationStarted(), WakeUpDue("followup"), WakeUpDue("reminder"),
    ])
    def test_stopped_contact_gets_nothing_ever(self, event) -> None:
        assert decide(contact(status=Status.STOPPED), event, NOW) == []

    @pytest.mark.parametrize("intent", [i for i in Intent if i is not Intent.AUTO_REPLY])
    def test_a_stopped_lead_is_never_answered_automatically(self, intent) -> None:
        actions = decide(contact(status=Status.STOPPED), reply(intent), NOW)
        assert kinds(actions) == [] and notes(actions) == ["manager_stopped_wrote"]

    def test_stop_stops_every_channel(self) -> None:
        actions = decide(contact(), reply(Intent.STOP, channel="telegram"), NOW)
        assert any(isinstance(a, StopEverywhere) for a in actions)
        assert update(actions)["wake_at"] is None

    def test_a_deletion_request_erases_after_the_apology(self) -> None:
        actions = decide(contact(), reply(Intent.STOP, tags={"erase"}), NOW)
        assert isinstance(actions[-1], EraseContact)
        (apology,) = [a for a in actions if isinstance(a, SendMessage)]
        assert apology.detail == "erase"
        assert any(isinstance(a, StopEverywhere) for a in actions)

    def test_a_close_after_an_objection_is_not_a_blacklist(self) -> None:
        actions = decide(contact(objections=1), reply(Intent.STOP), NOW)
        assert not any(isinstance(a, StopEverywhere) for a in actions)

    def test_a_channel_switch_tells_the_manager_why_and_stops_nothing(self) -> None:
        actions = decide(contact(), reply(Intent.STOP, review=True, refusal_risk=True,
                                          tags={"channel_switch"}), NOW)
        (note,) = [a for a in actions if isinstance(a, NotifyManager)]
        assert "elsewhere" in note.reason
        assert not any(isinstance(a, StopEverywhere | SendMessage) for a in actions)

    def test_the_hand_off_note_comes_before_the_promise(self) -> None:
        actions = decide(contact(), reply(Intent.REDIRECT, colleague="a@rival.example",
                                          colleague_foreign=True), NOW)
        note = next(i for i, a in enumerate(actions) if isinstance(a, NotifyManager))
        promise = next(i for i, a in enumerate(actions) if isinstance(a, SendMessage))
        assert note < promise


class TestRouting:
    @pytest.mark.parametrize(("state", "route_in", "routes", "answered_by"), [
        ({}, "email", ALL, "email"),
        ({"telegram": "@olga"}, "telegram-user", ALL, "telegram-user"),
        ({"telegram_chat_id": 5, "bot_started": True}, "telegram", ALL, "telegram"),
        ({"telegram": "@olga"}, "telegram-user", frozenset({"email", "sandbox"}), "email"),
        ({"telegram_chat_id": 5, "bot_started": True, "telegram": "@olga"}, "telegram",
         frozenset({"telegram-user", "sandbox"}), "telegram-user"),
        ({}, "sandbox", ALL, "sandbox"),
        ({}, "email", frozenset({"sandbox"}), "sandbox"),
    ])
    def test_the_answer_goes_back_where_the_lead_wrote(self, state, route_in, routes,
                                                       answered_by) -> None:
        event = reply(Intent.QUESTION, channel="telegram" if "telegram" in route_in
                      else route_in, route=route_in)
        actions = decide(contact(**state), event, NOW, routes=routes)
        assert [a.channel for a in actions if isinstance(a, SendMessage)] == [answered_by]

    @pytest.mark.parametrize(("state", "routes", "route"), [
        ({}, ALL, "email"),
        ({"email": None, "telegram": "@olga"}, ALL, "telegram-user"),
        ({"telegram_chat_id": 5, "bot_started": True}, ALL, "telegram"),
        ({}, frozenset({"sandbox"}), "sandbox"),
    ])
    def test_the_first_message_takes_the_best_route(self, state, routes, route) -> None:
        actions = decide(contact(status=Status.NEW, **state), ConversationStarted(), NOW,
                         routes=routes)
        assert [a.channel for a in actions if isinstance(a, SendMessage)] == [route]


class TestTiming:
    def test_first_message_waits_for_the_send_window(self) -> None:
        saturday_night = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)
        (send,) = [a for a in decide(contact(status=Status.NEW), ConversationStarted(),
                                     saturday_night, routes=ALL) if isinstance(a, SendMessage)]
        assert send.not_before.isoformat() == "2026-11-30T09:00:00+03:00"
        assert send.wait_reason == "window"

    def test_the_window_comes_from_the_policy(self) -> None:
        policy = Policy(window=SendWindow(start_hour=13, end_hour=17))
        (send,) = [a for a in decide(contact(status=Status.NEW), ConversationStarted(), NOW,
                                     policy, routes=ALL) if isinstance(a, SendMessage)]
        assert send.not_before.isoformat() == "2026-11-25T13:00:00+03:00"

    def test_an_answer_at_night_waits_for_the_morning(self) -> None:
        night = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)  # 00:00 Moscow
        (send,) = [a for a in decide(contact(), reply(Intent.QUESTION), night, routes=ALL)
                   if isinstance(a, SendMessage)]
        assert send.not_before.isoformat() == "2026-11-26T09:00:00+03:00"

    def test_an_answer_by_day_waits_a_human_pause(self) -> None:
        policy = Policy(reply_delay=timedelta(minutes=3))
        (send,) = [a for a in decide(contact(), reply(Intent.QUESTION), NOW, policy,
                                     routes=ALL) if isinstance(a, SendMessage)]
        assert send.not_before == NOW + timedelta(minutes=3) and send.wait_reason == "pace"

    def test_the_sandbox_waits_for_nothing(self) -> None:
        night = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
        actions = decide(contact(status=Status.NEW), ConversationStarted(), night)
        (send,) = [a for a in actions if isinstance(a, SendMessage)]
        assert send.channel == "sandbox" and send.not_before == night

    def test_follow_ups_skip_weekends(self) -> None:
        actions = decide(contact(status=Status.NEW), ConversationStarted(), NOW)
        assert update(actions)["wake_at"].date() == date(2026, 11, 30)  # Wed + 3 business days

    def test_new_year_holidays_are_not_business_days(self) -> None:
        dec30 = datetime(2026, 12, 30, 9, 0, tzinfo=UTC)
        actions = decide(contact(status=Status.NEW), ConversationStarted(), dec30, routes=ALL)
        assert update(actions)["wake_at"].date() > date(2027, 1, 8)

    def test_later_without_date_defaults_to_two_weeks(self) -> None:
        actions = decide(contact(), reply(Intent.LATER), NOW)
        assert update(actions)["until"].date() == date(2026, 12, 9)

    def test_a_reminder_due_on_a_holiday_says_it_waits_for_the_window(self) -> None:
        # bug: the reminder waited for the next working day with no reason given (shown as
        # "pace" to the operator)
        new_year = datetime(2027, 1, 2, 9, 0, tzinfo=UTC)
        later = contact(status=Status.LATER, until=new_year)
        (send,) = [a for a in decide(later, WakeUpDue("reminder"), new_year, routes=ALL)
                   if isinstance(a, SendMessage)]
        assert send.not_before.date() == date(2027, 1, 11) and send.wait_reason == "window"

    def test_a_later_date_already_past_is_no_date(self) -> None:
        # bug: «напишите 1 ноября» read in late November snoozed until the past, so the
        # scheduler sent the reminder right after the acknowledgement
        fields = update(decide(contact(), reply(Intent.LATER, until=date(2026, 11, 1)), NOW))
        assert fields["until"].date() == date(2026, 12, 9) and fields["wake_at"] > NOW

    def test_an_out_of_office_with_a_past_return_date_changes_nothing(self) -> None:
        # bug: a stale out-of-office snoozed until the past and woke at once with a follow-up
        assert decide(contact(), reply(Intent.AUTO_REPLY, until=date(2026, 11, 20)), NOW) == []

    def test_second_follow_up_is_the_last(self) -> None:
        actions = decide(contact(followups_sent=1), WakeUpDue("followup"), NOW)
        assert [a.attempt for a in actions if isinstance(a, SendMessage)] == [2]
        assert update(actions)["followups_sent"] == 2


class TestWarmAndCold:
    def test_a_positive_reply_turns_the_sequence_warm(self) -> None:
        actions = decide(contact(), reply(Intent.INTERESTED), NOW)
        assert update(actions)["warm"] is True and update(actions)["wake_reason"] == "nudge"

    def test_after_an_out_of_office_the_sequence_resumes_not_a_reminder(self) -> None:
        snoozed = decide(contact(), reply(Intent.AUTO_REPLY, until=date(2026, 12, 1)), NOW)
        reason = update(snoozed)["wake_reason"]
        back = contact(status=Status.LATER, wake_reason=reason)
        assert kinds(decide(back, WakeUpDue(reason), NOW)) == ["followup"]

    def test_the_lead_writing_during_a_snooze_cancels_the_reminder(self) -> None:
        later = contact(status=Status.LATER, wake_reason="reminder", wake_at=NOW)
        fields = update(decide(later, reply(Intent.QUESTION), NOW))
        assert fields["status"] is Status.ACTIVE and fields["wake_reason"] == "nudge"


class TestCompany:
    def test_cold_follow_ups_pause_while_a_colleague_talks(self) -> None:
        actions = decide(contact(), WakeUpDue("followup"), NOW,
                         company=CompanyState(talking=True))
        assert kinds(actions) == [] and update(actions)["wake_at"] > NOW

    def test_a_refusal_at_the_company_ends_cold_outreach(self) -> None:
        actions = decide(contact(status=Status.NEW), ConversationStarted(), NOW,
                         company=CompanyState(stopped=True))
        assert kinds(actions) == [] and update(actions)["status"] is Status.IGNORED

    def test_warm_leads_are_not_paused(self) -> None:
        actions = decide(contact(warm=True), WakeUpDue("nudge"), NOW,
                         company=CompanyState(talking=True, stopped=True))
        assert kinds(actions) == ["nudge"]


class TestBooking:
    def test_a_request_without_a_time_gets_three_working_day_slots(self) -> None:
        (send,) = [a for a in decide(contact(), reply(Intent.DEMO), NOW)
                   if isinstance(a, SendMessage)]
        assert len(send.slots) == 3 and all(s > NOW for s in send.slots)
        assert all(s.weekday() < 5 and 9 <= s.hour < 19 for s in send.slots)

    @pytest.mark.parametrize("when", [
        NOW - timedelta(days=1),  # the past
        datetime(2026, 11, 28, 9, 0, tzinfo=UTC),  # a Saturday
        datetime(2027, 1, 5, 9, 0, tzinfo=UTC),  # the New Year holidays
        datetime(2026, 11, 26, 20, 0, tzinfo=UTC),  # 23:00 Moscow
    ])
    def test_an_impossible_time_gets_slots_instead(self, when) -> None:
        actions = decide(contact(), reply(Intent.DEMO, meeting=when), NOW)
        assert kinds(actions) == ["demo"] and update(actions)["status"] is Status.DEMO

    @pytest.mark.parametrize(("named", "first_slot_day"), [
        (date(2026, 12, 3), date(2026, 12, 3)),  # «созвонимся в четверг на след. неделе»
        (date(2026, 12, 5), date(2026, 12, 7)),  # a Saturday: the Monday after
        (date(2027, 1, 4), date(2027, 1, 11)),  # inside the New Year break: after it
        (date(2026, 11, 20), date(2026, 11, 26)),  # a day gone by: from tomorrow
    ])
    def test_a_day_named_without_a_time_starts_the_slots(self, named, first_slot_day) -> None:
        (send,) = [a for a in decide(contact(), reply(Intent.DEMO, meeting_day=named), NOW)
                   if isinstance(a, SendMessage)]
        days = [s.astimezone(ZoneInfo("Europe/Moscow")).date() for s in send.slots]
        assert days[0] == first_slot_day and days == sorted(set(days))

    def test_a_time_that_cannot_be_booked_gets_slots_from_its_day(self) -> None:
        saturday_noon = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
        (send,) = [a for a in decide(contact(), reply(Intent.DEMO, meeting=saturday_noon), NOW)
                   if isinstance(a, SendMessage)]
        assert send.slots[0].astimezone(ZoneInfo("Europe/Moscow")).date() == date(2026, 12, 7)

    def test_a_booking_carries_the_meeting_to_the_lead_and_the_manager(self) -> None:
        actions = decide(contact(), reply(Intent.DEMO, meeting=THURSDAY_15), NOW)
        (send,) = [a for a in actions if isinstance(a, SendMessage)]
        (note,) = [a for a in actions if isinstance(a, NotifyManager)]
        assert send.meeting == THURSDAY_15 == note.meeting == update(actions)["demo_at"]

    def test_no_follow_ups_after_a_booking(self) -> None:
        actions = decide(contact(), reply(Intent.DEMO, meeting=THURSDAY_15), NOW)
        assert update(actions)["wake_at"] is None


class TestOperator:
    def test_stop(self) -> None:
        actions = decide(contact(), OperatorCommand("stop"), NOW)
        assert update(actions)["status"] is Status.STOPPED
        assert any(isinstance(a, StopEverywhere) for a in actions)

    def test_an_answer_from_the_hand_off_queue_reopens(self) -> None:
        actions = decide(contact(status=Status.HANDOFF), OperatorCommand("answered"), NOW)
        assert update(actions)["status"] is Status.ACTIVE

    def test_a_delivery_failure_reaches_a_human(self) -> None:
        actions = decide(contact(), OperatorCommand("delivery_failed", "550"), NOW)
        assert notes(actions) == ["manager_handoff"]
        assert update(actions)["status"] is Status.HANDOFF


class TestHandOffs:
    def test_demo_tells_the_manager(self) -> None:
        actions = decide(contact(), reply(Intent.DEMO), NOW)
        assert NotifyManager("manager_demo", "demo requested") in actions

    def test_redirect_refers_the_colleague(self) -> None:
        actions = decide(contact(), reply(Intent.REDIRECT, colleague="anna@x.ru"), NOW)
        assert ReferColleague("anna@x.ru") in actions

    def test_auto_reply_without_date_changes_nothing(self) -> None:
        assert decide(contact(), reply(Intent.AUTO_REPLY), NOW) == []
