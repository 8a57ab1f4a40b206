"""Working time in the lead's time zone: business days (Russian public holidays skipped) and the
send window for messages the agent starts itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=8)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("RU", years=range(year - 1, year + 2))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


@dataclass(frozen=True)
class SendWindow:
    start_hour: int = 9
    end_hour: int = 19
    timezone: str = "Europe/Moscow"

    def next_open(self, at: datetime, tz: str | None = None) -> datetime:
        """`at` itself when inside the window on a working day, else the next opening."""
        zone = ZoneInfo(tz or self.timezone)
        local = at.astimezone(zone)
        opening = time(self.start_hour)
        if is_working_day(local.date()) and opening <= local.time() < time(self.end_hour - 1, 59):
            return at
        day = local.date() if local.time() < opening else local.date() + timedelta(days=1)
        while not is_working_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, opening, zone)


def add_business_days(at: datetime, days: int, tz: str = "Europe/Moscow") -> datetime:
    """The same local time `days` working days later."""
    zone = ZoneInfo(tz)
    local = at.astimezone(zone)
    day, left = local.date(), days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), zone)


def start_of_day(day: date, tz: str = "Europe/Moscow") -> datetime:
    return datetime.combine(day, time(0), ZoneInfo(tz))
