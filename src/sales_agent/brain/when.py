"""A moment as a lead reads it: «вторник, 8 декабря, 11:00 (МСК)» / "Tuesday, December 8, 11:00
(Moscow time, UTC+3)"."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

_WEEKDAYS_RU = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
                "воскресенье")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_ZONES_RU = {"Europe/Moscow": "МСК"}


def moment(at: datetime, language: str, tz: str) -> str:
    local = at.astimezone(ZoneInfo(tz))
    offset = _utc_offset(local)
    if language == "ru":
        zone = _ZONES_RU.get(tz, offset)
        return (f"{_WEEKDAYS_RU[local.weekday()]}, {local.day} {_MONTHS_RU[local.month - 1]}, "
                f"{local:%H:%M} ({zone})")
    # A lead abroad cannot be expected to know where Moscow's clock stands: the offset says it.
    city = tz.split("/")[-1].replace("_", " ")
    zone = f"{city} time, {offset}" if "/" in tz else offset
    return (f"{_WEEKDAYS_EN[local.weekday()]}, {_MONTHS_EN[local.month - 1]} {local.day}, "
            f"{local:%H:%M} ({zone})")


def _utc_offset(local: datetime) -> str:
    """"UTC+3", "UTC-5", "UTC+5:30"."""
    minutes = int((local.utcoffset() or timedelta(0)).total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
