"""Meeting times for {time} / {time_na}: the slot a lead accepts, proposes or moves a call to.

Only slot text: a booking is `demo` with `until` null however far ahead its date is. The day is
mostly within a week, sometimes two to five weeks ahead (after the Russian New Year break too);
the time is a clock in many spellings, a part of the day or a window, sometimes with a time zone.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from dates import EN_MONTH, EN_WD, RU_MONTH_GEN, RU_WD_ACC, RU_WD_SHORT, days, working

# A reply that names the meeting may give only a part of the day («созвонимся в четверг после
# обеда»); a bare «Давайте в понедельник с утра» reads as «write then» (later), so without such a
# word the slot always carries a clock time.
MEETING = re.compile(
    r"созвон|звон|набер|встреч|демо|показ|зум|телемост|видео|call|meet|demo|talk|chat|zoom|"
    r"teams|invite|приглаш|ссылк|link|calendar|календар|перенес|перенос|сдвин|reschedul|move|"
    r"push|bump|slide|слот|slot|окн|option|вариант",
    re.I,
)


def slot_day(rng: random.Random, today: dt.date, lang: str) -> dt.date:
    r = rng.random()
    lo, hi = (1, 6) if r < 0.65 else (7, 16) if r < 0.92 else (17, 36)
    ahead = rng.randint(lo, hi)
    return working(today + days(ahead), lang)


def _hour(rng: random.Random) -> tuple[int, str]:
    hour = rng.choice([9, 10, 10, 11, 11, 12, 12, 13, 14, 14, 15, 15, 16, 16, 17, 18])
    return hour, rng.choice(["00", "00", "00", "00", "30", "30", "15", "45"])


# --- Russian ------------------------------------------------------------------------------

RU_ZONES = [" по Москве", " мск", " (МСК)", " по мск", " МСК", " по московскому времени"]
RU_PARTS = [
    "утром",
    "с утра",
    "после обеда",
    "во второй половине дня",
    "в первой половине дня",
    "ближе к вечеру",
    "днём",
    "в обед",
    "до обеда",
    "пораньше утром",
    "часов в 11",
    "где-то в обед",
]


def ru_clock(rng: random.Random) -> str:
    """«в 15:00», «в 3 дня», «к 11.30», «часов в 4», «в полдень» (with a zone now and then)."""
    h, m = _hour(rng)
    h12 = h - 12 if h > 12 else h
    part = "утра" if h < 12 else "дня" if h < 17 else "вечера"
    forms = [f"в {h}:{m}", f"в {h}:{m}", f"в {h}.{m}", f"к {h}:{m}"]
    if m == "00":
        forms += [f"в {h}", f"в {h}", f"в {h} часов", f"в {h} ч", f"в {h12} {part}",
                  f"часов в {h12}", f"около {h}", f"к {h}", f"в {h}-00"]
        if h == 12:
            forms += ["в полдень", "в 12 дня"]
    clock = rng.choice(forms)
    return clock + rng.choice(RU_ZONES) if rng.random() < 0.15 else clock


def ru_window(rng: random.Random) -> str:
    h = rng.choice([9, 10, 11, 12, 13, 14, 15, 16])
    return rng.choice(
        [
            f"с {h} до {h + 2}",
            f"с {h}:00 до {h + 1}:30",
            f"между {h} и {h + 2}",
            f"в промежутке с {h} до {h + 3}",
            f"в районе {h} часов",
            f"после {h}:00",
            f"с {h}:30 до {h + 1}",
            f"в интервале {h}–{h + 2}",
        ]
    )


def ru_day(rng: random.Random, today: dt.date, t: dt.date) -> tuple[str, str]:
    """(the day as said after a verb, the same after «на»): («во вторник», «вторник»)."""
    wd = RU_WD_ACC[t.weekday()]
    prep = "во" if wd.startswith("вт") else "в"
    mon = RU_MONTH_GEN[t.month - 1]
    ahead = (t - today).days
    dated = [
        (f"{t.day} {mon}",) * 2,
        (f"{t:%d.%m}",) * 2,
        (f"{t.day}.{t.month:02d}",) * 2,
        (f"{prep} {wd}, {t.day} {mon},", f"{wd}, {t.day} {mon},"),
        (f"{prep} {wd} {t.day}-го", f"{wd} {t.day}-го"),
        (f"{t.day} {mon} ({RU_WD_SHORT[t.weekday()]})",) * 2,
        (f"{t:%d.%m} ({RU_WD_SHORT[t.weekday()]})",) * 2,
    ]
    if ahead <= 20:
        dated.append((f"{t.day}-го",) * 2)
    near: list[tuple[str, str]] = []
    if ahead == 1:
        near += [("завтра", "завтра")] * 3
    if ahead == 2:
        near += [("послезавтра", "послезавтра")]
    this, nxt = ("эту", "следующую") if wd.endswith("у") else ("этот", "следующий")
    if ahead <= 6:
        near += [(f"{prep} {wd}", wd)] * 4 + [(f"{prep} {this} {wd}", f"{this} {wd}")]
    elif ahead <= 13:
        near += [(f"{prep} {nxt} {wd}", f"{nxt} {wd}")] * 2
        near += [(f"на следующей неделе {prep} {wd}", f"{wd} на следующей неделе")]
    return rng.choice(near + dated if near and rng.random() < 0.6 else dated)


def ru_phrase(rng: random.Random, today: dt.date, na: bool, vague: bool) -> str:
    t = slot_day(rng, today, "ru")
    day, day_na = ru_day(rng, today, t)
    r = rng.random()
    if r < 0.68 or (r < 0.88 and (not vague or (t - today).days > 7)):
        time = ru_clock(rng)
    elif r < 0.88:
        time = rng.choice(RU_PARTS)
    else:
        time = ru_window(rng)
    if not na and rng.random() < 0.2 and not any(c.isdigit() for c in day):
        return f"{time} {day}"  # «после обеда в четверг», «в 15:00 в среду»
    return f"{day_na if na else day} {time}"


# --- English ------------------------------------------------------------------------------

EN_ZONES = [" ET", " EST", " Eastern", " PT", " PST", " Pacific", " CET", " GMT", " UK time",
            " CT", " your time", " my time", " London time", " Berlin time"]
EN_PARTS = ["morning", "afternoon", "after lunch", "late morning", "early afternoon",
            "end of day", "mid-morning", "around lunchtime"]
SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def en_clock(rng: random.Random) -> str:
    """"2pm", "2:30 PM", "10 a.m.", "noon", "3 o'clock", "10-ish", "14:00" (a zone now and then)."""
    h, m = _hour(rng)
    h12 = h - 12 if h > 12 else h
    ap = "pm" if h >= 12 else "am"
    mm = "" if m == "00" else f":{m}"
    forms = [
        f"{h12}{mm}{ap}",
        f"{h12}{mm} {ap}",
        f"{h12}{mm} {ap.upper()}",
        f"{h12}:{m} {ap.upper()}",
        f"{h12}{mm} {ap[0]}.m.",
        f"{h}:{m}",
    ]
    if m == "00":
        forms += [f"{h12}", f"{h12}-ish", f"{h12}ish", f"{h12}{ap}-ish"]
        if h12 <= 5:
            forms += [f"{h12} o'clock"]
        if h == 12:
            forms += ["noon", "noon", "12 noon", "midday"]
    clock = rng.choice(forms)
    return clock + rng.choice(EN_ZONES) if rng.random() < 0.2 else clock


def en_window(rng: random.Random) -> str:
    a, b = rng.choice([(9, 11), (10, 12), (10, "noon"), (11, 1), (1, 3), (2, 4), (3, 5)])
    ap = "am" if a in (9, 10, 11) and b != 1 else "pm"
    return rng.choice(
        [
            f"between {a} and {b}",
            f"between {a} and {b}{'' if b == 'noon' else ap}",
            f"{a}-{b}{'' if b == 'noon' else ap}",
            f"from {a} to {a}:30",
            f"anytime after {a}",
            f"any time before {b}",
            f"{a} to {b} {rng.choice(['ET', 'PT', 'CET', 'GMT', 'my time'])}",
        ]
    )


def en_day(rng: random.Random, today: dt.date, t: dt.date) -> str:
    wd = EN_WD[t.weekday()]
    mon = EN_MONTH[t.month - 1]
    suf = SUFFIX.get(t.day, "th")
    ahead = (t - today).days
    dated = [
        f"{wd}, {mon[:3]} {t.day}",
        f"{wd}, {mon} {t.day}",
        f"{wd[:3]} {t.month}/{t.day}",
        f"{t.month}/{t.day}",
        f"{mon[:3]} {t.day}",
        f"{mon} {t.day}{suf}",
        f"{wd} the {t.day}{suf}",
        f"{t.day} {mon}",
        f"{wd} {t.day} {mon}",
    ]
    if ahead <= 20:
        dated.append(f"the {t.day}{suf}")
    near: list[str] = []
    if ahead == 1:
        near += ["tomorrow"] * 3
    if ahead <= 6:
        near += [wd] * 4 + [f"this {wd}", f"this coming {wd}"]
    elif ahead <= 13:
        near += [f"next {wd}"] * 2 + [f"{wd} next week", f"{wd} of next week"]
    return rng.choice(near if near and rng.random() < 0.6 else dated)


def en_phrase(rng: random.Random, today: dt.date, vague: bool) -> str:
    t = slot_day(rng, today, "en")
    day = en_day(rng, today, t)
    r = rng.random()
    if r < 0.66 or (r < 0.88 and (not vague or (t - today).days > 7)):
        clock = en_clock(rng)
        if clock.isdigit() or any(c.isdigit() for c in day):
            return f"{day} at {clock}" if rng.random() < 0.8 else f"{day}, {clock}"
        return rng.choice([f"{day} at {clock}"] * 4 + [f"{day} {clock}", f"{clock} {day}"])
    if r < 0.88:
        part = rng.choice(EN_PARTS)
        if rng.random() < 0.3:
            return rng.choice([f"first thing {day}", f"{day} first thing", f"late {day} afternoon"])
        return f"{day} {part}"
    return f"{day} {en_window(rng)}"


def booking_phrase(
    rng: random.Random, core: str, lang: str, today: dt.date, na: bool = False
) -> str:
    """A meeting slot for the core reply `core`; `na`: Russian said after «на» («перенесём на
    {time_na}»). A part of the day alone only beside a meeting word, and only within a week."""
    vague = bool(MEETING.search(core))
    return ru_phrase(rng, today, na, vague) if lang == "ru" else en_phrase(rng, today, vague)
