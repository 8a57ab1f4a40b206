"""A moment as a lead reads it: «вторник, 8 декабря, 11:00 (МСК)» / "Tuesday, December 8, 11:00"."""

from __future__ import annotations

from datetime import datetime
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
    if language == "ru":
        zone = _ZONES_RU.get(tz, tz.split("/")[-1].replace("_", " "))
        return (f"{_WEEKDAYS_RU[local.weekday()]}, {local.day} {_MONTHS_RU[local.month - 1]}, "
                f"{local:%H:%M} ({zone})")
    zone = "Moscow time" if tz == "Europe/Moscow" else tz.split("/")[-1].replace("_", " ")
    return (f"{_WEEKDAYS_EN[local.weekday()]}, {_MONTHS_EN[local.month - 1]} {local.day}, "
            f"{local:%H:%M} ({zone})")
