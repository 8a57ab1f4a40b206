"""The calendar invitation a booked demo carries (RFC 5545, METHOD:REQUEST), via icalendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vCalAddress, vText


def invitation(*, meeting: datetime, uid: str, organizer: str, organizer_name: str,
               attendee: str, attendee_name: str, url: str, summary: str,
               duration_minutes: int = 30, now: datetime | None = None) -> str:
    """One VEVENT: organizer = our sender, attendee = the lead, the video link as LOCATION and
    URL. `uid` names the lead's demo, so a moved demo updates the same event in their calendar
    instead of adding a second one; SEQUENCE grows with `now` so the newer one wins."""
    cal = Calendar()
    cal.add("prodid", "-//Napoleon IT//Sales Agent//RU")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"{uid}@napoleon-sales-agent")
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0))
    event.add("dtstart", meeting.astimezone(UTC))
    event.add("dtend", (meeting + timedelta(minutes=duration_minutes)).astimezone(UTC))
    event.add("summary", summary)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    event.add("sequence", int(stamp.timestamp()) // 60)  # minutes: grows with every re-send
    event.add("status", "CONFIRMED")
    if url:
        event.add("location", url)
        event.add("url", url)
    boss = vCalAddress(f"mailto:{organizer}")
    boss.params["cn"] = vText(organizer_name)
    event["organizer"] = boss
    guest = vCalAddress(f"mailto:{attendee}")
    guest.params.update({"cn": vText(attendee_name), "role": vText("REQ-PARTICIPANT"),
                         "partstat": vText("NEEDS-ACTION"), "rsvp": vText("TRUE")})
    event.add("attendee", guest, encode=0)
    cal.add_component(event)
    return cal.to_ical().decode()
