"""Demo times, pure: the slots we offer and whether a time the lead names can be booked."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .calendar import SendWindow, is_working_day

MIN_NOTICE = timedelta(hours=2)  # a call needs a little notice: "in 10 minutes" is not booked


def offer_slots(now: datetime, tz: str, window: SendWindow, hours: tuple[int, ...],
                count: int = 3, *, from_day: date | None = None) -> tuple[datetime, ...]:
    """`count` concrete times on the next working days (from tomorrow, or from the day the lead
    named: «созвонимся в четверг» is answered with Thursday, not tomorrow), one a day, inside
    the window, each at the next of `hours` in turn so the lead sees a morning and an
    afternoon."""
    zone = ZoneInfo(tz)
    usable = [h for h in hours if window.start_hour <= h < window.end_hour] or [window.start_hour]
    day, slots = now.astimezone(zone).date(), []
    if from_day is not None:
        day = max(day, from_day - timedelta(days=1))
    while len(slots) < count:
        day += timedelta(days=1)
        if is_working_day(day):
            slots.append(datetime.combine(day, time(usable[len(slots) % len(usable)]), zone))
    return tuple(slots)


def bookable(meeting: datetime, now: datetime, window: SendWindow, tz: str) -> str | None:
    """None when `meeting` can be booked, else why not (said to the operator, not the lead)."""
    local = meeting.astimezone(ZoneInfo(tz))
    if meeting < now + MIN_NOTICE:
        return "the time has passed or is too soon"
    if not is_working_day(local.date()):
        return "not a working day"
    if not window.start_hour <= local.hour < window.end_hour:
        return "outside working hours"
    return None
