"""Turns one hand-written core reply into a labelled item: fills slots, picks a date, a channel
and the wrappers real mail or Telegram adds. Labels come from the core and its slots only."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

import anchored
import ooo
import when_en
import when_ru
import wrappers as w
from booking import booking_phrase
from people import (
    EN_COMPANIES,
    EN_PEOPLE,
    FREE_MAIL,
    OTHER_DOMAINS,
    RU_COMPANIES,
    RU_PEOPLE,
    Person,
    email_for,
    en_phone,
    handle_for,
    ru_phone,
)

START = dt.datetime(2026, 11, 2, 0, 0)
SPAN_DAYS = 117  # to 2027-02-26
RU_TZ = ["+03:00"] * 12 + ["+05:00", "+07:00", "+02:00", "+04:00"]
EN_TZ = ["+03:00", "+00:00", "+00:00", "-05:00", "-05:00", "-08:00", "+01:00", "-06:00"]
ANCHORED_SHARE = 0.33
NO_FILLER = {"other", "auto_reply"}
MOOD = {"stop": "neg", "interested": "pos", "demo": "pos", "presentation": "pos"}


@dataclass
class Core:
    lang: str
    intents: list[str]
    tags: list[str]
    text: str
    flags: set[str] = field(default_factory=set)


@dataclass
class Ctx:
    """Everything random about one item, drawn once."""

    lang: str
    day: dt.datetime
    tz: str
    lead: Person
    company: str
    domain: str
    title: str
    mate: Person
    deputy: Person
    sender: tuple[str, str, str]
    slots: dict[str, str] = field(default_factory=dict)
    until: tuple[dt.date, dt.date] | None = None
    contact: str | None = None


def surname_dat(p: Person) -> str:
    return p.last[:-1] + "ой" if p.female else p.last + "у"


def surname_acc(p: Person) -> str:
    return p.last[:-1] + "у" if p.female else p.last + "а"


def new_ctx(rng: random.Random, lang: str) -> Ctx:
    day = START + dt.timedelta(
        days=rng.randrange(SPAN_DAYS),
        hours=rng.choice([7, 8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 16, 17, 18, 19, 21, 23]),
        minutes=rng.randrange(60),
    )
    people = RU_PEOPLE if lang == "ru" else EN_PEOPLE
    company, domain, title = rng.choice(RU_COMPANIES if lang == "ru" else EN_COMPANIES)
    lead, mate, deputy = rng.sample(people, 3)
    return Ctx(
        lang,
        day,
        rng.choice(RU_TZ if lang == "ru" else EN_TZ),
        lead,
        company,
        domain,
        title,
        mate,
        deputy,
        rng.choice(w.OUR_SENDERS),
    )


def colleague_domain(rng: random.Random, ctx: Ctx) -> str:
    r = rng.random()
    if r < 0.6:
        return ctx.domain
    return rng.choice(FREE_MAIL) if r < 0.8 else rng.choice(OTHER_DOMAINS)


def pick_when(rng: random.Random, ctx: Ctx, text: str) -> tuple[str, tuple[dt.date, dt.date]]:
    """A date phrase for {when}; a holiday phrase also moves the reply date into its window."""
    gen = when_ru if ctx.lang == "ru" else when_en
    # after «не раньше, чем» / "not before" / «но только» a phrase with its own bound reads wrong
    bounded = re.search(r"раньше|только|before|earliest|sooner|freeze until", text, re.I)
    awkward = (
        "не раньше",
        "после",
        "ближе",
        "в районе",
        "числа",
        "до ",
        "под конец",
        "в последних",
        "как отгуляем",
        "after",
        "around",
        "sometime",
        "before",
        "by ",
        "the week after",
        "once",
        "right after",
        "between",
        "toward",
    )
    while True:
        day = ctx.day.date()
        if rng.random() < ANCHORED_SHARE:
            phrase, until, (lo, hi) = anchored.pick(rng, ctx.lang)
            day = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
        else:
            phrase, until = gen.phrase(rng, day)
        if bounded and phrase.startswith(awkward):
            continue
        ctx.day = dt.datetime.combine(day, ctx.day.time())
        return phrase, until


def fixed_dates(rng: random.Random, core: Core, ctx: Ctx) -> None:
    """Cores that name a fixed date carry «!until=A..B» and «!window=C..D» (when one can say it)."""
    for flag in core.flags:
        key, _, value = flag.partition("=")
        if key not in ("until", "window"):
            continue
        lo, hi = (dt.date.fromisoformat(v) for v in value.split(".."))
        if key == "until":
            ctx.until = (lo, hi)
        else:
            day = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
            ctx.day = dt.datetime.combine(day, ctx.day.time())


def fill(rng: random.Random, core: Core, ctx: Ctx) -> str:
    text = core.text
    day = ctx.day.date()
    m, d = ctx.mate, ctx.deputy
    email = email_for(m, colleague_domain(rng, ctx), rng)
    handle = handle_for(m, rng)
    slots = {
        "name": m.full,
        "first": m.first,
        "name_dat": f"{m.dat} {surname_dat(m)}",
        "first_dat": m.dat,
        "name_acc": f"{m.acc} {surname_acc(m)}",
        "first_acc": m.acc,
        "he": ("она" if m.female else "он") if ctx.lang == "ru" else ("she" if m.female else "he"),
        "him": ("ей" if m.female else "ему")
        if ctx.lang == "ru"
        else ("her" if m.female else "him"),
        "email": email,
        "handle": handle,
        "deputy": d.full,
        "deputy_dat": f"{d.dat} {surname_dat(d)}",
        "deputy_email": email_for(d, ctx.domain, rng),
        "phone": ru_phone(rng) if ctx.lang == "ru" else en_phone(rng),
        "brand": ctx.company,
        "our": ctx.sender[0 if ctx.lang == "ru" else 1].split()[0],
        "me": ctx.lead.first,
        "own_email": email_for(
            ctx.lead, rng.choice([ctx.domain, ctx.domain, "gmail.com", "mail.ru"]), rng
        ),
        "own_handle": handle_for(ctx.lead, rng),
        "domain": ctx.domain,
    }
    slots["addr"] = email if rng.random() < 0.6 else handle
    slots["He"] = slots["he"].capitalize()
    text = re.sub(r"([.!?] ){he}", r"\1{He}", text)
    if "{time}" in text:
        slots["time"] = booking_phrase(rng, text, ctx.lang, day)
    if "{time_na}" in text:  # «перенесём на среду в 15:00»: the day said after «на»
        slots["time_na"] = booking_phrase(rng, text, ctx.lang, day, na=True)
    if "{when}" in text:
        slots["when"], ctx.until = pick_when(rng, ctx, text)
    fixed_dates(rng, core, ctx)
    if "{ret_" in text:
        rets, ctx.until = (ooo.ru if ctx.lang == "ru" else ooo.en)(rng, day)
        slots.update({f"ret_{k}": v for k, v in rets.items()})
    if "when" in slots:
        slots["When"] = slots["when"][0].upper() + slots["when"][1:]
        text = re.sub(r"([.!?] |^){when}", r"\1{When}", text)
    for key in ("deputy_email", "email", "handle", "addr"):
        if "{" + key + "}" in text:
            ctx.contact = slots[key].lower()
            break
    out = re.sub(r"\{(\w+)\}", lambda mm: slots[mm.group(1)], text)
    if text.startswith("{"):
        out = out[0].upper() + out[1:]
    return out.replace("\\n", "\n")
