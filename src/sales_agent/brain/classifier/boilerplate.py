"""The lead's own new words: banners, disclaimers, mobile signatures, signature blocks and quoted
history are removed before anything reads the reply.

Quoted history is cut the way mail clients write it: "> " and The Bat!'s «АС>» prefixes (dropped
line by line, so inline answers and bottom-posted replies keep the lead's lines in order), and
headers of a quoted message («… пишет:», "On … wrote:", От:/From: blocks, «Вы писали …»,
Bitrix24 «От кого:», "-----Original Message-----"). A header followed by prefixed lines only
starts a quote; a header followed by plain text starts the old letter, which runs to the end.
"""

from __future__ import annotations

import re

_PREFIXED = re.compile(r"^\s*(>|[A-Za-zА-Яа-яЁё]{1,3}>)")
_HEADER = re.compile(
    r"^\s*(-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message|"
    r"переслано)|_{5,}\s*$|"
    r"(от|from|от кого|sent|отправлено|кому|to|тема|subject|date|дата)\s*:\s*\S.*$|"
    r"on .{4,120} wrote:\s*$|.{0,120}\s(пишет|написал|написала|писал|писала)\s*:\s*$|"
    r"(здравствуйте|hello).{0,60}\n?.*вы писали.*$|вы писали.{0,80}$|"
    r".{0,120}<[^>\s]+@[^>\s]+>\s*:\s*$|\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,60}:\s*$)", re.I)
_BANNER = re.compile(
    r"^\W*(внимание|caution|warning|external|внешн)\w*\b.{0,40}"
    r"(внешн|external|outside|за пределами|вне организации|sender|отправител)|"
    r"^\s*\[(external|внешнее|внешний)\]\s*|"
    r"(письмо|сообщение)\s+(получено|пришло)\s+(от|из)\s+внешн|"
    r"originated\s+from\s+outside|external\s+(sender|email)|"
    r"не\s+(открывайте|переходите)\s+.{0,40}(вложени|ссылк)|"
    r"do\s+not\s+click\s+links", re.I)
_DISCLAIMER = re.compile(
    r"конфиденциальн|confidential|disclaimer|intended\s+(solely\s+|only\s+)?for\s+the|"
    r"предназначен\w*\s+(исключительно\s+|только\s+)?для|"
    r"получили\s+(это|данное)\s+(письмо|сообщение)\s+по\s+ошибке|received\s+this.{0,30}in\s+error|"
    r"think\s+before\s+you\s+print|подумайте.{0,30}печат|не\s+является\s+(публичной\s+)?офертой",
    re.I)
_MOBILE = re.compile(
    r"^\s*(sent\s+from\s+my\s+\S+.*|sent\s+from\s+(mail|outlook|yahoo|gmail).*|"
    r"get\s+outlook\s+for\s+\S+.*|отправлено\s+(с|из)\s+.{0,60}|"
    r"(получено|отправлено)\s+с\s+помощью.{0,60}|"
    r"sent\s+(via|with|using)\s+.{0,40}|"
    r"--\s*\n?\s*отправлено.*)\s*$", re.I)
_SIGN_OFF = re.compile(
    r"^\s*(--\s*|__+|с уважением.*|с наилучшими.*|всего (доброго|наилучшего)[,!.]?|"
    r"best regards.*|kind regards.*|warm regards.*|regards,?|sincerely.*)\s*$", re.I)
# Sign-offs that also open a sentence: a signature only when the lines after look like one.
_SOFT_SIGN_OFF = re.compile(
    r"^\s*(best,?|cheers,?|thanks[,!.]?|thank you[,!.]?|(заранее )?спасибо[,!.]?|br,?|"
    r"хорошего дня[,!.]?|have a (nice|good|great) day[,!.]?)\s*$", re.I)
_SIGNATURE_LINE = re.compile(
    r"^\s*(\+?\d[\d\s().-]{6,}|тел\.?|tel\.?|phone|mob|моб|e-?mail|www\.|https?://|\S+@\S+|"
    r"ооо|ао|зао|ип|llc|inc|ltd|gmbh)|директор|менеджер|руководител|head\s+of|manager|director|"
    r"officer|отдел|department|г\.\s|ул\.|street|st\.|д\.\s\d", re.I)
_MAX_SIGNATURE_LINES = 8


def own_words(text: str) -> str:
    """The reply without quotes, banners, disclaimers, mobile lines and the signature block."""
    return without_boilerplate("\n".join(_drop_quotes(text.split("\n"))))


def without_boilerplate(text: str) -> str:
    """`text` (its quotes already cut) without banners, disclaimers, mobile lines and the
    signature block."""
    lines = [ln for ln in text.split("\n") if not _BANNER.search(ln) and not _MOBILE.match(ln)]
    lines = _drop_disclaimers(lines)
    body, _signature = split_signature("\n".join(lines))
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def _drop_quotes(lines: list[str]) -> list[str]:
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _PREFIXED.match(line):
            i += 1
            continue
        if (i > 0 and kept and _HEADER.match(line)) or (i == 0 and _starts_quote(lines)):
            nxt = _next_text_line(lines, i + 1)
            if nxt is not None and _PREFIXED.match(lines[nxt]):
                i += 1  # a quote header over prefixed lines: the lead may answer in between
                continue
            if any(ln.strip() for ln in kept):
                break  # an old letter without prefixes runs to the end
            return _after_plain_quote(lines, i)
        kept.append(line)
        i += 1
    return kept


def _starts_quote(lines: list[str]) -> bool:
    return bool(_HEADER.match(lines[0])) and len(lines) > 1


def _after_plain_quote(lines: list[str], start: int) -> list[str]:
    """Bottom-posting under an unprefixed quote: past the header block, our letter is the first
    paragraph; the lead's reply is what follows it."""
    i = start
    while i < len(lines) and (not lines[i].strip() or _HEADER.match(lines[i])):
        i += 1
    while i < len(lines) and lines[i].strip():
        i += 1
    return _drop_quotes(lines[i:]) if i < len(lines) else []


def _next_text_line(lines: list[str], start: int) -> int | None:
    for j in range(start, min(len(lines), start + 8)):
        if lines[j].strip() and not _HEADER.match(lines[j]):
            return j
    return None


def _drop_disclaimers(lines: list[str]) -> list[str]:
    """A paragraph with disclaimer wording is legal boilerplate, not the lead's message."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    kept = [p for p in paragraphs if p and not _DISCLAIMER.search(" ".join(p))]
    return [ln for p in kept for ln in (*p, "")]


def split_signature(text: str) -> tuple[str, str]:
    """(body, signature): a sign-off line past the first line followed only by a short block
    of name/title/phone lines starts the signature; "Спасибо!" before a real ask does not."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        hard = bool(_SIGN_OFF.match(line))
        if i == 0 or not (hard or _SOFT_SIGN_OFF.match(line)):
            continue
        rest = [ln for ln in lines[i + 1:] if ln.strip()]
        if len(rest) <= _MAX_SIGNATURE_LINES and (
                (hard and not any(ln.rstrip().endswith("?") for ln in rest))
                or all(_looks_signature(ln) for ln in rest)):
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i:])
    return text, ""


def _looks_signature(line: str) -> bool:
    """A name, a title, a company, a phone or an address line."""
    words = line.split()
    name_like = len(words) <= 5 and all(not w[0].isalpha() or w[0].isupper() for w in words)
    return name_like or bool(_SIGNATURE_LINE.search(line))
