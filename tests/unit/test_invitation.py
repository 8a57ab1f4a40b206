"""The demo invitation: RFC 5545, METHOD:REQUEST, organizer = our sender, attendee = the lead."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.email.compose import build_message
from sales_agent.workers.invitation import invitation

MEETING = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def ics() -> str:
    return invitation(meeting=MEETING, uid="reply:k#0", organizer="sales@napoleonit.example",
                      organizer_name="Анна Соколова", attendee="olga@bodroe.example",
                      attendee_name="Ольга Смирнова", url="https://meet.example/abc",
                      summary="Демонстрация «Отзывов»", duration_minutes=30)


def test_the_invitation_is_a_request_from_us_to_the_lead() -> None:
    cal = Calendar.from_ical(ics())
    assert str(cal["method"]) == "REQUEST"
    (event,) = cal.walk("VEVENT")
    assert str(event["organizer"]) == "mailto:sales@napoleonit.example"
    assert str(event["attendee"]) == "mailto:olga@bodroe.example"
    assert event.decoded("dtstart") == MEETING
    assert (event.decoded("dtend") - MEETING).total_seconds() == 1800
    assert str(event["location"]) == "https://meet.example/abc"
    assert str(event["summary"]) == "Демонстрация «Отзывов»"


def test_the_same_outbox_key_gives_the_same_event() -> None:
    uid = lambda: Calendar.from_ical(ics()).walk("VEVENT")[0]["uid"]  # noqa: E731
    assert uid() == uid()


def test_the_letter_carries_it_as_text_calendar(tmp_path: Path) -> None:
    msg = build_message(OutgoingMessage(
        key="k", contact_id="c", channel="email", to="olga@bodroe.example", text="Договорились",
        subject="Демонстрация", calendar=ics()), from_email="sales@napoleonit.example",
        from_name="Анна", message_id="<m@x>")
    (part,) = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST" and part.get_filename() == "invite.ics"
    assert "BEGIN:VEVENT" in part.get_content()


def test_a_moved_demo_updates_the_same_event_with_a_higher_sequence() -> None:
    # bug: each confirmation had its own UID (the outbox key), so «давайте перенесём на
    # пятницу» left the old meeting in the lead's calendar next to the new one
    def event(at: datetime):
        return Calendar.from_ical(invitation(
            meeting=MEETING, uid="demo-c1-0", organizer="sales@napoleonit.example",
            organizer_name="Анна", attendee="olga@bodroe.example", attendee_name="Ольга",
            url="", summary="Демо", now=at)).walk("VEVENT")[0]
    first, moved = event(datetime(2026, 11, 25, 8, tzinfo=UTC)), event(
        datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert first["uid"] == moved["uid"] and moved["sequence"] > first["sequence"]
