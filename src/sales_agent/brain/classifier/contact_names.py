"""The colleague's name written beside their address, in the nominative for the introduction.

«напишите Анне Петровой, a.petrova@x.ru» → «Анна Петрова» (pymorphy3 knows first names,
surnames and patronymics and inflects them); "please contact Tom Baker at tom@x" → "Tom Baker".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import _morph

_CYR_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_LAT_WORD = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
_CYR_RUN = re.compile(rf"{_CYR_WORD}(?:\s+{_CYR_WORD}){{0,2}}")
_LAT_RUN = re.compile(rf"{_LAT_WORD}(?:\s+{_LAT_WORD}){{0,2}}")
_PERSON_TAGS = ("Name", "Surn", "Patr")
_CASES = ("nomn", "datv", "gent", "accs", "ablt", "loct")
# Capitalised English words that are not names (sentence starts, titles, roles, calendar words).
_NOT_NAMES_TEXT = """
please contact reach write email mail ask talk speak send forward hi hello dear thanks thank
our my your his her their the a an i we he she they you it this that he's she's for in at on to
and or but if instead also just best regards kind sincerely cheers team sales marketing manager
head director deputy colleague assistant office support department ceo cmo cto coo hr pr smm
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december out urgent matters note mr mrs ms dr sent from
iphone android message original re fwd subject telegram whatsapp linkedin skype zoom
dept info desk general service services company partner partners agency account accounts
operations finance procurement purchasing legal customer client success business development
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


def _person_parses(word: str) -> list:
    parses = [p for p in _morph().parse(word.lower())
              if any(t in p.tag for t in _PERSON_TAGS)]
    declined = [p for p in parses if "Fixd" not in p.tag]
    return declined or parses


@lru_cache(maxsize=4096)
def _nominative(words: tuple[str, ...]) -> str | None:
    """Inflect a run of Russian name words to the nominative, one case and gender for all."""
    parses = [_person_parses(w) for w in words]
    start = next((i for i, p in enumerate(parses) if p), None)
    if start is None:
        return None
    run: list[list] = []
    for p in parses[start:]:
        if not p:
            break
        run.append(p)
    if not any("Name" in p.tag or "Surn" in p.tag for ps in run for p in ps):
        return None

    def fits(case: str) -> int:
        return sum(any(p.tag.case == case for p in ps) for ps in run)

    case = max(_CASES, key=lambda c: (fits(c), -_CASES.index(c)))
    names = [p for p in run[0] if p.tag.case == case] or run[0]
    gender = names[0].tag.gender
    out = []
    for ps in run:
        chosen = ([p for p in ps if p.tag.case == case and p.tag.gender == gender]
                  or [p for p in ps if p.tag.case == case] or ps)[0]
        inflected = chosen.inflect({"nomn", "sing"} | ({gender} if gender else set()))
        word = (inflected or chosen).word
        if "ё" not in "".join(words).lower():  # keep the writer's spelling: Ковалева, not Ковалёва
            word = word.replace("ё", "е")
        out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def _latin(run: str) -> str | None:
    words = [w for w in run.split() if w.lower() not in _NOT_NAMES]
    return " ".join(words) or None


def _name_in(fragment: str, *, nearest_last: bool) -> str | None:
    """The name nearest the address: the last one before it, or the first one after it."""
    runs = [(m.start(), m[0], False) for m in _CYR_RUN.finditer(fragment)]
    runs += [(m.start(), m[0], True) for m in _LAT_RUN.finditer(fragment)]
    for _start, run, latin in sorted(runs, reverse=nearest_last):
        name = _latin(run) if latin else _nominative(tuple(run.split()))
        if name:
            return name
    return None


# «обратитесь к Марии», «переслал Анне», "forwarded it to Tom": a colleague named, no address.
_REFERRAL = re.compile(
    r"(?:обратитесь|обращайтесь|пишите|напишите|написать|передал[аи]?|переслал[аи]?|"
    r"перенаправил[аи]?|свяжитесь|это\s+к|вопрос\s+к|занимается|отвечает|решает|"
    r"forwarded(?:\s+it|\s+this|\s+your\s+\w+)?\s+to|contact|reach\s+out\s+to|talk\s+to|"
    r"speak\s+(?:to|with)|handled\s+by|ask)"
    r"(?:\s+(?:к|с|со|нашему|нашей|нашего|моему|моей|коллеге|коллегой|our|my|colleague|"
    r"маркетологу|директору|руководителю|менеджеру|ваше|ваш[уеа]?|письмо|сообщение|"
    r"предложение|it|this|your|email|message))*\s+(?=(?-i:[А-ЯЁA-Z]))", re.I)


_REFERRAL_STEMS = ("обрат", "обращ", "пиш", "писа", "передал", "переслал", "перенаправ", "свяж",
                   " к ", "занима", "отвечает", "решает", "forward", "contact", "reach", "talk",
                   "speak", "handled", "ask")


def referred_name(body: str) -> str | None:
    """The name of a colleague the lead refers us to without giving an address, or None."""
    body = body[:1500]
    low = body.lower()
    if not any(stem in low for stem in _REFERRAL_STEMS):  # most replies: no referral at all
        return None
    for m in _REFERRAL.finditer(body):
        name = _name_in(body[m.end(): m.end() + 60].split("\n")[0], nearest_last=False)
        if name:
            return name
    return None


def colleague_name(body: str, start: int, end: int) -> str | None:
    """The person's name in the sentence around the address at body[start:end], or None."""
    lines = body[max(0, start - 100): start].split("\n")
    if len(lines) > 1 and not lines[-1].strip() and lines[-2].rstrip().endswith(":"):
        lines.pop()  # «Напишите Ивану:\nivan@x.ru»
    before = re.split(r"[.!?]\s", lines[-1])[-1]
    after = re.split(r"[.!?\n;]|\s[—–-]\s|,\s*(?:он|она|he|she|who|который|которая)\b",
                     body[end: end + 60])[0]
    in_brackets = re.match(r"\s*[(\[]([^)\]]+)[)\]]", body[end: end + 60])
    if in_brackets:
        return _name_in(in_brackets[1], nearest_last=False)
    return _name_in(before, nearest_last=True) or _name_in(after, nearest_last=False)


__all__ = ["colleague_name", "referred_name"]
