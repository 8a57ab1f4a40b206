"""The decision, by table: (contact state, event, now) -> actions. No I/O anywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sales_agent.domain.actions import (
    NotifyManager,
    ReferColleague,
    SendMessage,
    StopEverywhere,
    UpdateContact,
)
from sales_agent.domain.decide import Policy, decide
from sales_agent.domain.events import ConversationStarted, ReplyReceived, WakeUpDue
from sales_agent.domain.model import Contact, Intent, Status

# Wednesday 2026-11-25 12:00 Moscow
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def contact(**fields) -> Contact:
    base = dict(id="c1", name="Ольга", company="Бодрое утро", email="olga@example.com",
                status=Status.ACTIVE, created_at=NOW, updated_at=NOW)
    return Contact(**{**base, **fields})


def reply(intent: Intent, **kw) -> ReplyReceived:
    return ReplyReceived(intent=intent, channel=kw.pop("channel", "email"), **kw)


def kinds(actions) -> list[str]:
    return [a.kind for a in actions if isinstance(a, SendMessage)]


def update(actions) -> dict:
    merged: dict = {}
    for a in actions:
        if isinstance(a, UpdateContact):
            merged.update(a.fields)
    return merged


@pytest.mark.parametrize(("state", "event", "sends", "status"), [
    ({"status": Status.NEW}, ConversationStarted(), ["first"], Status.ACTIVE),
    ({}, reply(Intent.STOP), ["stop_confirm"], Status.STOPPED),
    ({}, reply(Intent.PRESENTATION), ["presentation"], Status.ACTIVE),
    ({}, reply(Intent.DEMO), ["demo"], Status.DEMO),
    ({}, reply(Intent.REDIRECT, colleague="anna@x.ru"), ["redirect_thanks"], Status.REDIRECTED),
    ({}, reply(Intent.REDIRECT), ["clarify"], Status.ACTIVE),
    ({}, reply(Intent.LATER, until=date(2026, 12, 15)), ["later_ack"], Status.LATER),
    ({}, reply(Intent.QUESTION), ["answer"], Status.ACTIVE),
    ({}, reply(Intent.INTERESTED), ["interested"], Status.ACTIVE),
    ({}, reply(Intent.OTHER), ["clarify"], Status.ACTIVE),
    ({"clarifications": 1}, reply(Intent.OTHER), [], Status.HANDOFF),
    ({}, reply(Intent.AUTO_REPLY, until=date(2026, 12, 1)), [], Status.LATER),
    ({}, reply(Intent.OTHER, kind="sticker", channel="telegram"), ["non_text"], Status.ACTIVE),
    ({"status": Status.HANDOFF}, reply(Intent.QUESTION), [], None),
    ({"status": Status.HANDOFF}, reply(Intent.PRESENTATION), ["presentation"], Status.ACTIVE),
    ({"status": Status.LATER}, WakeUpDue("reminder"), ["reminder"], Status.ACTIVE),
    ({"followups_sent": 0}, WakeUpDue("followup"), ["followup"], None),
    ({"followups_sent": 2}, WakeUpDue("followup"), [], Status.IGNORED),
    ({"status": Status.DEMO}, WakeUpDue("followup"), [], None),
])
def test_decides_by_table(state, event, sends, status) -> None:
    actions = decide(contact(**state), event, NOW, Policy())
    assert kinds(actions) == sends
    assert update(actions).get("status") == status


class TestStop:
    @pytest.mark.parametrize("event", [
        ConversationStarted(), WakeUpDue("followup"), WakeUpDue("reminder"),
        reply(Intent.DEMO), reply(Intent.QUESTION), reply(Intent.STOP),
    ])
    def test_stopped_contact_gets_nothing_ever(self, event) -> None:
        assert decide(contact(status=Status.STOPPED), event, NOW) == []

    def test_stop_stops_every_channel(self) -> None:
        actions = decide(contact(), reply(Intent.STOP, channel="telegram"), NOW)
        assert any(isinstance(a, StopEverywhere) for a in actions)
        assert update(actions)["wake_at"] is None


class TestTiming:
    def test_first_message_waits_for_the_send_window(self) -> None:
        saturday_night = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)
        (send,) = [a for a in decide(contact(status=Status.NEW), ConversationStarted(),
                                     saturday_night) if isinstance(a, SendMessage)]
        assert send.not_before.isoformat() == "2026-11-30T09:00:00+03:00"

    def test_follow_ups_skip_weekends(self) -> None:
        actions = decide(contact(status=Status.NEW), ConversationStarted(), NOW)
        assert update(actions)["wake_at"].date() == date(2026, 11, 30)  # Wed + 3 business days

    def test_new_year_holidays_are_not_business_days(self) -> None:
        dec30 = datetime(2026, 12, 30, 9, 0, tzinfo=UTC)
        actions = decide(contact(status=Status.NEW), ConversationStarted(), dec30)
        assert update(actions)["wake_at"].date() > date(2027, 1, 8)

    def test_later_without_date_defaults_to_two_weeks(self) -> None:
        actions = decide(contact(), reply(Intent.LATER), NOW)
        assert update(actions)["until"].date() == date(2026, 12, 9)

    def test_second_follow_up_is_the_last(self) -> None:
        actions = decide(contact(followups_sent=1), WakeUpDue("followup"), NOW)
        assert [a.attempt for a in actions if isinstance(a, SendMessage)] == [2]
        assert update(actions)["followups_sent"] == 2


class TestHandOffs:
    def test_demo_tells_the_manager(self) -> None:
        actions = decide(contact(), reply(Intent.DEMO), NOW)
        assert NotifyManager("manager_demo", "demo requested") in actions

    def test_redirect_refers_the_colleague(self) -> None:
        actions = decide(contact(), reply(Intent.REDIRECT, colleague="anna@x.ru"), NOW)
        assert ReferColleague("anna@x.ru") in actions

    def test_auto_reply_without_date_changes_nothing(self) -> None:
        assert decide(contact(), reply(Intent.AUTO_REPLY), NOW) == []
