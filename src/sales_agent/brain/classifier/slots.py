"""Slots of a reply: the colleague to write to, the date to write again, the meeting proposed.

One entry point for the classifier and the playbook:

    read_slots(body, now=…, tz="Europe/Moscow", lang="ru", sender="lead@shop.ru",
               own_addresses=["sales@our.example"], quote_header_addresses=[…]) -> Slots

Everything is resolved against the message time in the lead's time zone. Our own words (the
quoted letter, its header) and the lead's own addresses (the sender, their signature) are never
taken for a colleague.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ...domain.identity import company_domain
from .boilerplate import without_boilerplate
from .contact_names import colleague_name, referred_name
from .contacts import EMAIL, find_contact
from .date_words import first_workday
from .dates import FoundDate, find_dates, pick_date
from .offered import may_pick, offered_in_quote, pick_offered
from .text import clean, split_signature
from .times import MeetingTime, mask_clocks, read_meeting
from .translit import looks_translit, to_cyrillic

DEFAULT_TZ = "Europe/Moscow"

# Where a quoted earlier message starts, in the common clients (Outlook ru/en, Gmail, Apple Mail,
# Thunderbird, The Bat!, Bitrix24, forwarded blocks); the header lines that may follow it.
_QUOTE_START = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|исходное сообщение|пересылаемое сообщение|"
    r"forwarded message)|(?:от|from|sent|отправлено|от кого)\s*:\s*\S.*$|on .{4,120} wrote:\s*$|"
    r".{0,120}\s(?:пишет|написал|написала)\s*:\s*$|вы писали.*$|.{0,160}<[^>\s]+@[^>\s]+>\s*:\s*$)",
    re.I)
_HEADER_LINE = re.compile(r"^\s*(?:от|from|sent|отправлено|от кого|кому|to|cc|копия|тема|subject|"
                          r"дата|date)\s*:", re.I)
_QUOTED_LINE = re.compile(r"^\s*(?:>|[A-ZА-Я]{1,3}>)")
# A sentence with no word starting with one of these (and no digit) holds no date or time:
# skipping it keeps a long letter (banners, disclaimers) cheap. A superset of what the date and
# clock patterns need; prefix tests on words are much faster than one long regex.
_DATE_STEMS_TEXT = """
январ феврал март апрел май мая мае маю июн июл август сентябр октябр ноябр декабр
jan feb mar apr may jun jul aug sep oct nov dec
понедельник вторник сред четверг пятниц суббот воскресен пн вт ср чт пт сб вс
mon tue wed thu fri sat sun
завтра послезавтра сегодня недел месяц год квартал кв праздник каникул нг майск весн лет осен
зим через спустя полгода днях конц конец начал середин половин числ след полдень
tomorrow today tonight week month year quarter q1 q2 q3 q4 holiday christmas xmas thanksgiving
easter пасх day дн ден couple пару выходн weekend eom полугод h1 h2 рождеств праздн новогод
break перерыв янв фев мар апр авг сен окт ноя дек нед мес
spring summer fall autumn winter noon midday morning afternoon evening few half mid fortnight
"""
_DATE_STEMS = tuple(_DATE_STEMS_TEXT.split())
_WORDS = re.compile(r"[a-zа-я0-9]+")
_SENTENCE = re.compile(r"\n+|(?<=[.!?])\s+(?=[А-ЯЁA-Z«\"(])")
_DATE_TEXT_LIMIT = 3000
# "in two weeks", «ещё неделю»: a span's window is slack around its day, not a stretch away
_SPAN_START = re.compile(r"(через|спустя|ещ[её]|in|for|after|give|дайте)\b")
_OUT_OF_OFFICE = re.compile(
    r"отпуск|командировк|отсутств|out of (?:the )?office|\booo\b|away|on leave|автоответ|"
    r"auto.?reply|vacation|буду на связи|вернусь|back on|return|больнич|sick", re.I)


@dataclass(frozen=True)
class Slots:
    contact: str | None = None  # the colleague's email (lower-case) or @handle
    contact_name: str | None = None  # their name in the nominative, for the introduction
    contact_is_foreign_domain: bool = False  # another company's domain than the lead's: review
    contact_reason: str = ""
    until_range: tuple[date, date] | None = None  # [earliest, latest] acceptable to write again
    until: date | None = None  # the single best date in that range
    meeting: datetime | None = None  # tz-aware; midnight when only a day is named
    meeting_has_time: bool = False
    meeting_problems: tuple[str, ...] = ()  # invalid_time | past | holiday | weekend | date_assumed
    meeting_reason: str = ""
    meeting_options: tuple[datetime, ...] = ()  # every slot offered, in the order written


def _zone(tz: str) -> tuple[str, ZoneInfo]:
    try:
        return tz, ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return DEFAULT_TZ, ZoneInfo(DEFAULT_TZ)


def split_quote(text: str) -> tuple[str, set[str]]:
    """(the lead's own lines, addresses in the quote headers).

    Quoted lines ("> …", «АС> …») are dropped; everything from the first quote header on is our
    letter, unless the lead wrote nothing above it (bottom-posting): then the lines after the
    header block are kept, less its header lines.
    """
    lines = [ln for ln in text.split("\n") if not _QUOTED_LINE.match(ln)]
    header: list[int] = []
    for i, line in enumerate(lines):
        if i > 0 and _QUOTE_START.match(line):
            header.append(i)
        elif header and header[-1] == i - 1 and _HEADER_LINE.match(line):
            header.append(i)  # To:, Cc:, Subject: under From:
    header_addresses = {a.lower() for i in header for a in EMAIL.findall(lines[i])}
    if not header:
        return "\n".join(lines), header_addresses
    above = "\n".join(lines[: header[0]])
    if above.strip():
        return above, header_addresses
    return "\n".join(ln for i, ln in enumerate(lines) if i not in header), header_addresses


def quoted_text(text: str) -> str:
    """Our letter as quoted in the reply: the "> " lines and everything under a quote header."""
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if i > 0 and _QUOTE_START.match(ln)), len(lines))
    quoted = [ln for ln in lines[:start] if _QUOTED_LINE.match(ln)]
    return "\n".join(quoted + lines[start:])


def _may_hold_date(sentence: str) -> bool:
    return any(word[0].isdigit() or word.startswith(_DATE_STEMS)
               for word in _WORDS.findall(sentence.lower().replace("ё", "е")))


def date_sentences(text: str) -> str:
    """Only the sentences that may hold a date or a time, one a line (at most ~3 kB)."""
    kept = [part for part in _SENTENCE.split(text) if _may_hold_date(part)]
    return "\n".join(kept)[:_DATE_TEXT_LIMIT]


def _lead_domain(sender: str | None, signature: str) -> str | None:
    for address in [sender or "", *EMAIL.findall(signature)]:
        domain = company_domain(address)
        if domain:
            return domain
    return None


def _contact_slots(text: str, sender: str | None, ours: set[str]) -> dict:
    found = find_contact(text, sender, ours)
    if found is None:
        name = referred_name(split_signature(text)[0])
        return {"contact_name": name, "contact_reason": "a colleague named without an address"
                if name else ""}
    _body, signature = split_signature(text)
    colleague, lead = company_domain(found.address), _lead_domain(sender, signature)
    return {"contact": found.address, "contact_reason": found.why,
            "contact_name": colleague_name(found.body, found.start, found.end),
            "contact_is_foreign_domain": bool(colleague and lead and colleague != lead)}


# Asking to be written to: a date in the same clause is when to write.
_WRITE_CUE = re.compile(
    r"пиш|напиш|свяж|вернит|вернем|напомн|созвон|обсуд|давайте|write|reach|ping|contact|"
    r"follow|circle|check\s+(?:back|in)|talk|touch|revisit|reconnect|get\s+back|let'?s")


def _clause(text: str, start: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".,;!?\n") + 1
    ends = [i for i in (text.find(c, start) for c in ".,;!?\n") if i >= 0]
    return text[left: min(ends, default=len(text))]


# "Dec 10-11", «14–18 декабря», «с 14 по 18 декабря»: a span of days written as one date
_DAY_RANGE = re.compile(r"^(?:(?:с|from)\s+)?(\d{1,2})(?:st|nd|rd|th|-?го)?\s*(?:[-–—]|по|to|till|"
                        r"until|до|through)\s*(\d{1,2})(?:st|nd|rd|th|-?го)?\s+(?:of\s+)?[a-zа-я]|"
                        r"^[a-z]{3,9}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*(\d{1,2})\b")


def _range_start(chosen: FoundDate) -> tuple[date, date] | None:
    """(first, last) day of a range of days: a human reply means "within it", not "after it"
    (an autoresponder's range is the absence: the day after it counts)."""
    m = _DAY_RANGE.match(chosen.phrase.lower())
    if not m or chosen.earliest is None:
        return None
    first, last_day = int(m[1] or m[3]), int(m[2] or m[4])
    if first > last_day:
        return None
    last = chosen.earliest - timedelta(days=1)
    return last - timedelta(days=last_day - first), last


def _date_slots(text: str, found: list[FoundDate], now: datetime,
                auto_reply: bool | None, dated: str = "") -> dict:
    found = [f for f in found if f.day > now.date()]
    if not found:
        return {}
    if auto_reply is None:
        auto_reply = bool(_OUT_OF_OFFICE.search(text))
    low = dated.lower()
    if not auto_reply and any(_WRITE_CUE.search(_clause(low, f.start)) for f in found):
        # «договор у нас до 31 марта, напишите в феврале»: a term running out is not the ask
        found = [f for f in found if f.role != "until" or _WRITE_CUE.search(_clause(low, f.start))]
    chosen = pick_date(found, auto_reply=auto_reply)
    if chosen is None:
        return {}
    earliest, latest = chosen.window
    tomorrow = date.fromordinal(now.date().toordinal() + 1)
    earliest = max(earliest, tomorrow)
    day = chosen.day
    span = None if auto_reply or _OUT_OF_OFFICE.search(text) else _range_start(chosen)
    if span and span[1] >= tomorrow:
        earliest, latest = max(span[0], tomorrow), span[1]
        return {"until": earliest, "until_range": (earliest, latest)}
    loose = not re.search(r"\d", chosen.phrase) and not _SPAN_START.match(chosen.phrase.lower())
    if auto_reply and chosen.role == "plain" and latest > day and loose:
        day = latest  # «меня не будет на следующей неделе»: away through its end
    if auto_reply and chosen.role in ("return", "until", "resume"):
        # back «до 13 декабря» (a Sunday): nobody reads mail on the day off, write on Monday
        latin = len(re.findall(r"[a-z]", text.lower())) > len(re.findall(r"[а-я]", text.lower()))
        day = first_workday(day, "US" if latin else "RU")
    window = (min(earliest, day), max(latest, day))
    return {"until": day, "until_range": window}


def _meeting_slots(text: str, dated: str, dates: list[FoundDate], now: datetime, tz: str,
                   lang: str, offered: tuple[datetime, ...], quoted: str) -> dict:
    meeting = read_meeting(dated, now=now, tz=tz, lang=lang, dates=dates)
    picked = None
    if may_pick(text, meeting):
        offered = offered or offered_in_quote(quoted, now=now, tz=tz, lang=lang)
        picked = pick_offered(text, meeting, offered)
    if picked is not None:  # one of the times we offered: it carries its own clock and day
        meeting = MeetingTime(picked, True, reason="an offered time picked", options=(picked,))
    return {"meeting": meeting.when, "meeting_has_time": meeting.has_time,
            "meeting_problems": meeting.problems, "meeting_reason": meeting.reason,
            "meeting_options": meeting.options}


def read_slots(body: object, *, now: datetime, tz: str | None = None, lang: str = "ru",
               sender: str | None = None, own_addresses: Iterable[str] = (),
               quote_header_addresses: Iterable[str] = (),
               offered: Iterable[datetime] = (), auto_reply: bool | None = None) -> Slots:
    """Every slot of the reply `body`, written at `now`, by a lead living in `tz`.

    `own_addresses` are ours (never a colleague); `quote_header_addresses` are those in the
    header of our quoted letter (also ours). `offered`: the demo times we proposed (else read
    from our quoted letter), so «второй вариант» or «Вторник подходит» books one of them.
    `auto_reply` (None: guessed from the words) makes a return date outrank any other date.
    `tz` None: the lead's zone is the UTC offset `now` carries (a reply's own Date: header), so
    "tomorrow" written on a New York evening is not read on Moscow's calendar; a bare UTC time
    (a server's clock, not the lead's) stands for the default zone.
    """
    local = now if tz is None and now.utcoffset() not in (None, timedelta(0)) else None
    tz, zone = _zone(tz or DEFAULT_TZ)
    now = now.astimezone(zone) if now.tzinfo else now.replace(tzinfo=zone)
    local = local or now
    whole = clean(body)
    text, header_addresses = split_quote(whole)
    ours = {a.strip().lower() for a in (*own_addresses, *quote_header_addresses) if a}
    # dates only from the lead's own words: a disclaimer's "valid until 12/31/2027" or an event
    # in the signature is no day to write again
    words = without_boilerplate(text) or text
    if looks_translit(words):  # «davaite v chetverg v 15»: the dates of its Cyrillic spelling
        dated, lang = date_sentences(to_cyrillic(words)), "ru"
    else:
        dated = date_sentences(words)
    masked = mask_clocks(dated)
    dates = find_dates(masked, local, lang=lang)  # once, for until and meeting
    return Slots(**_contact_slots(text, sender, ours | header_addresses),
                 **_date_slots(text, dates, local, auto_reply, masked),
                 **_meeting_slots(text, dated, dates, now, tz, lang, tuple(offered),
                                  quoted_text(whole)))


__all__ = ["Slots", "quoted_text", "read_slots", "split_quote"]
