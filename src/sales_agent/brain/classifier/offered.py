"""A pick among the demo times we offered: «давайте второй вариант», «Вторник подходит», "2nd".

The times offered come from the caller (what we sent) or, failing that, from our quoted letter
(«вторник, 8 декабря, 11:00 (МСК)», one a line). A pick resolves the lead's words to one of them:
an ordinal, a day that matches one offered time, or an hour that matches one.
"""

from __future__ import annotations

import re
from datetime import datetime

from .times import MeetingTime, read_meeting

_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+", re.M)
_CLOCK_HINT = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.I)
_ORDINALS = {"перв": 0, "втор": 1, "трет": 2, "first": 0, "second": 1, "third": 2, "1st": 0,
             "2nd": 1, "3rd": 2}
_ORDINAL = (r"(перв|втор|трет|first|second|third|1st|2nd|3rd)\w*")
_PICK = re.compile(
    rf"\b{_ORDINAL}\s+(?:вариант|слот|время|день|предложен|option|slot|time|one)|"
    r"(?:вариант|слот|option|slot)\s*(?:№|#|номер)?\s*([1-3])\b|"
    rf"^\W*(?:давайте|лучше|мне|ок|ok|да|yes|let'?s\s+do|the)?\W*{_ORDINAL}\W*"
    r"(?:подходит|удобн\w*|устраивает|давайте|please|works|is\s+fine|ок|ok)?\W*$", re.I)


def offered_in_quote(quoted: str, *, now: datetime, tz: str, lang: str) -> tuple[datetime, ...]:
    """The future times with a clock in our quoted letter, in order (the slots we offered)."""
    out: list[datetime] = []
    for line in _QUOTE_MARK.sub("", quoted).split("\n"):
        if not _CLOCK_HINT.search(line):
            continue
        meeting = read_meeting(line, now=now, tz=tz, lang=lang)
        if meeting.has_time and meeting.when and meeting.when > now \
                and "date_assumed" not in meeting.problems:
            out.append(meeting.when)
    return tuple(dict.fromkeys(out))


def _index(text: str) -> int | None:
    m = _PICK.search(text.strip())
    if not m:
        return None
    if m[2]:
        return int(m[2]) - 1
    word = (m[1] or m[3]).lower()
    return next((i for stem, i in _ORDINALS.items() if word.startswith(stem)), None)


def may_pick(text: str, meeting: MeetingTime) -> bool:
    """Whether the reply could be a pick at all (then the offered times are worth reading)."""
    return _index(text) is not None or (meeting.when is not None and (
        not meeting.has_time or "date_assumed" in meeting.problems))


def pick_offered(text: str, meeting: MeetingTime, offered: tuple[datetime, ...]
                 ) -> datetime | None:
    """The offered time the lead picks, or None (no pick, or not one of ours)."""
    if not offered:
        return None
    index = _index(text)
    if index is not None:
        return offered[index] if index < len(offered) else None
    if meeting.when is None:
        return None
    if not meeting.has_time:  # «Вторник подходит»: the one offered time on that day
        same_day = [t for t in offered if t.date() == meeting.when.date()]
        return same_day[0] if len(same_day) == 1 else None
    if "date_assumed" in meeting.problems:  # «в 15 удобно»: the one offered time at that hour
        same_hour = [t for t in offered if (t.hour, t.minute) == (meeting.when.hour,
                                                                   meeting.when.minute)]
        return same_hour[0] if len(same_hour) == 1 else None
    return None


__all__ = ["may_pick", "offered_in_quote", "pick_offered"]
