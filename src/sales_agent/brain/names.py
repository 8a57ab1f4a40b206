"""People's names as leads write them: the parts of a full name, how to greet, how to decline.

CRMs put the surname first («Соколова Вера Николаевна»), people write it last («Марина
Королева»); pymorphy3's name tags (Name, Surn, Patr) tell the parts apart in either order. A
greeting uses the first name (with the patronymic when given), never an initial, a surname alone
or an e-mail's local part: without a first name the greeting is neutral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .knowledge import _morph
from .wording import latin

__all__ = ["PersonName", "colleague_from_text", "dative", "gender", "greeting_name",
           "parse_name"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
# Latin spellings of Russian surnames: «Smirnova Olga» puts the surname first.
_LATIN_SURNAME = re.compile(r"(?:ova|eva|yova|ov|ev|skaya|skiy|sky|skii|enko|vich)$", re.I)


@dataclass(frozen=True)
class PersonName:
    first: str = ""
    patronymic: str = ""
    surname: str = ""

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.first, self.patronymic, self.surname) if p)


def _words(raw: str) -> list[str]:
    """Letters-only words; initials («М.», «A») and emoji are dropped."""
    return [w for w in _WORD.findall(raw or "") if len(w) > 1]


@lru_cache(maxsize=4096)
def _has(word: str, grammeme: str, *, case: str | None = "nomn") -> bool:
    for p in _morph().parse(word):
        if grammeme in p.tag and (case is None or (case in p.tag and "sing" in p.tag)):
            return True
    return False


@lru_cache(maxsize=4096)  # the same few names are parsed for every message
def parse_name(raw: str) -> PersonName:
    """«Соколова Вера Николаевна», «Марина Королева», «Smith, John» -> its parts."""
    if "," in raw and not _CYR.search(raw):  # "Smith, John"
        last, _, rest = raw.partition(",")
        raw = f"{rest} {last}"
    words = _words(raw)
    if not words:
        return PersonName()
    if not any(_CYR.search(w) for w in words):
        return _latin_parts(words)
    patr = next((w for w in words if _has(w, "Patr")), "")
    names = [w for w in words if w != patr and _has(w, "Name")]
    pure = [w for w in names if not _has(w, "Surn")]  # «Роман» is a name and a surname
    first = (pure or names or [""])[0]
    rest = [w for w in words if w not in (first, patr)]
    if not first and len(words) == 2 and not patr:
        unknown = [w for w in words if not _has(w, "Surn", case=None)]
        if len(unknown) == 1:  # a rare first name pymorphy does not know, next to a surname
            first = unknown[0]
            rest = [w for w in words if w != first]
    return PersonName(first=first, patronymic=patr if first else "",
                      surname=" ".join(rest[:2]) if first or rest else "")


def _latin_parts(words: list[str]) -> PersonName:
    if len(words) == 1:
        only = words[0]
        return PersonName(surname=only) if _LATIN_SURNAME.search(only) else PersonName(first=only)
    first, *rest = words
    if _LATIN_SURNAME.search(first) and not _LATIN_SURNAME.search(words[1]):
        first, rest = words[1], [words[0], *words[2:]]
    return PersonName(first=first, surname=" ".join(rest))


def _looks_like_address(raw: str, email: str | None) -> bool:
    """«olga.smirnova», «o_smirnova», «olga@x.ru» or exactly the e-mail's local part: a name
    made from an address, not one a person wrote («Anna Berg» stays a name)."""
    raw = raw.strip()
    if "@" in raw or (" " not in raw and re.search(r"\w[._]\w", raw)):
        return True
    local = email.split("@")[0] if email else ""
    return bool(local) and " " not in raw and raw.casefold() == local.casefold()


def greeting_name(raw: str, language: str, *, email: str | None = None) -> str:
    """«Вера Николаевна», «Марина», "Olga" — or "" for a neutral greeting."""
    if not raw or _looks_like_address(raw, email):
        return ""
    person = parse_name(raw)
    if not person.first:
        return ""
    if language == "ru":
        return _title(f"{person.first} {person.patronymic}".strip())
    return _title(latin(person.first)) if _CYR.search(person.first) else _title(person.first)


def _title(text: str) -> str:
    """«ОЛЬГА» / «ольга» -> «Ольга»; a name written with care is left as written."""
    if not (text.islower() or text.isupper()):
        return text
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
                    for w in text.split())


def dative(raw: str) -> str:
    """«Мария Котова» -> «Марии Котовой» (for «напишу …»); Latin names stay as they are."""
    person = parse_name(raw)
    if not person.first or not _CYR.search(person.first):
        return person.full or raw
    sex = gender(person.first)
    out = []
    for word, grammeme in ((person.first, "Name"), (person.patronymic, "Patr"),
                           (person.surname, "Surn")):
        if word:
            out.append(_inflect(word, grammeme, sex, "datv"))
    return " ".join(out)


def gender(first: str) -> str:
    """"femn" or "masc" of a Russian first name (masculine when unknown)."""
    for p in _morph().parse(first):
        if "Name" in p.tag and "nomn" in p.tag:
            return "femn" if "femn" in p.tag else "masc"
    return "masc"


def _inflect(word: str, grammeme: str, sex: str, case: str) -> str:
    parts = word.split("-")
    out = []
    for part in parts:
        done = part
        for p in _morph().parse(part):
            if grammeme in p.tag and (sex in p.tag or "ms-f" in p.tag) and "nomn" in p.tag:
                new = p.inflect({case, "sing"})
                if new is not None:
                    done = _match_case(new.word, part)
                break
        out.append(done)
    return "-".join(out)


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def colleague_from_text(text: str) -> str:
    """The colleague a redirect names, in the nominative: «пишите Анне Петровой» -> «Анна
    Петрова»; "" when the text names nobody (the address alone is no name)."""
    words = re.findall(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?", text or "")
    for i, word in enumerate(words):
        if not _CYR.search(word):
            continue
        names = [p for p in _morph().parse(word) if "Name" in p.tag and "sing" in p.tag]
        names.sort(key=lambda p: "Fixd" in p.tag)  # «Анне» is «Анна» before the name «Анне»
        if not names:
            continue
        for name in names:  # the reading whose case and gender the surname agrees with
            rest = _agreeing(words[i + 1:i + 3], name)
            if rest:
                return " ".join([_nominative(name, word), *rest])
        return _nominative(names[0], word)
    latin_pair = re.search(r"\b(?:to|contact|ask)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text or "")
    return latin_pair.group(1) if latin_pair else ""


def _nominative(parse: Any, like: str) -> str:
    sex = "femn" if "femn" in parse.tag else "masc"
    new = parse.inflect({"nomn", "sing", sex}) or parse.inflect({"nomn", "sing"})
    return _match_case(new.word if new else like, like)


def _agreeing(words: list[str], name: Any) -> list[str]:
    """Patronymic and surname after a first name, in the same case and gender."""
    sex = "femn" if "femn" in name.tag else "masc"
    out = []
    for word in words:
        p = next((p for p in _morph().parse(word) if ({"Surn", "Patr"} & p.tag.grammemes)
                  and sex in p.tag and p.tag.case == name.tag.case), None)
        if p is None:
            break
        out.append(_nominative(p, word))
    return out
