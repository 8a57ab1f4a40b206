"""Cut the quoted history off a reply, in Russian and English clients, and keep every line the
lead wrote: above the quote (top-posting), below it (bottom-posting) and between quoted lines
(inline answers), in order.

mail-parser-reply knows 13 languages but no Russian, and it keeps Outlook's Russian header block
(От:/Отправлено:/Кому:/Тема: with no `>`). We walk the lines once: `>`-quoted lines (also The Bat!'s
"АС>" with the author's initials) are dropped wherever they are, an attribution line that
introduces such a quote ("… wrote:", "… пишет:", The Bat!'s "Вы писали …:") is dropped with it,
and a history block that is not `>`-quoted (an Outlook or Bitrix24 header block, "-----Original
Message-----", a line of underscores, an attribution followed by unmarked text) ends the new text.
Then the library cuts what it knows in other languages, then mobile signatures go.
"""

from __future__ import annotations

import re

from mailparser_reply import EmailReplyParser

from .html import strip_html_quote

__all__ = ["strip_html_quote", "strip_quoted_reply"]

MAX_CHARS = 200_000  # longer bodies are cut first: the regexes must stay fast

_Q = r"^[ \t>]*"  # a marker may sit inside a quoted level
# "> text", ">> text", ">" alone, The Bat!'s " АС> text" (initials); not ">100 shops"
_QUOTED = re.compile(r"^[ \t]*[A-ZА-ЯЁ]{0,4}>(?![0-9=])")
_SEPARATOR = re.compile(
    _Q + r"-{2,}\s*(?:Исходное сообщение|Оригинальное сообщение|Пересылаемое сообщение|"
    r"Original Message|Forwarded message|Message d'origine|Ursprüngliche Nachricht)\s*-{2,}\s*$",
    re.I,
)
_WROTE = re.compile(
    r"(?:пишет|написал|написала|написал\(а\)|wrote|schrieb|a écrit|escribió|scrisse)\s*:\s*$", re.I
)
# The Bat!: "Вы писали 17 ноября 2025 г., 12:30:", "You wrote 17 November 2025, 12:30:"
_THE_BAT = re.compile(r"^(?:Вы писали|Вы написали|You wrote)\b.{0,80}:\s*$", re.I)
# "пн, 17 нояб. 2025 г. в 12:30, Анна <a@b.ru>:" (Gmail RU), "… от Анна <a@b.ru>:" (Mail.ru),
# '17.11.2025, 12:30, "Анна" <a@b.ru>:' (Yandex): a date-ish line ending with an address and ":".
_ADDRESS_COLON = re.compile(r"\d.*<?\s*[^\s<>@]+@[^\s<>@]+\s*>?\s*:\s*$")
_HEADER_KEY = re.compile(
    _Q + r"\*?(From|От кого|От|Отправитель|Sent|Отправлено|Date|Дата|To|Кому|Subject|Тема|Cc|"
    r"Копия)\*?\s*:", re.I
)
_FROM_KEYS = {"from", "от", "от кого", "отправитель"}
_UNDERSCORES = re.compile(_Q + r"_{10,}\s*$")
_DASHES = re.compile(_Q + r"-{5,}\s*$")  # Bitrix24 and others: a plain rule above the header
_MOBILE = re.compile(
    r"^[ \t]*(?:Sent from my \w+|Sent from (?:Mail|Outlook|Yahoo Mail)\b|Get Outlook for \w+|"
    r"Отправлено (?:с|со|из) (?:моего |мобильной |устройства |приложения )?"
    r"(?:iPhone|iPad|Android|Galaxy|Samsung|Huawei|Xiaomi|Почты Mail\.ru|Яндекс[ .]Почты|"
    r"Почта для Windows|\w+)[^\n]{0,40}|"
    r"Получить Outlook для \w+)\s*$",
    re.I,
)
_LIBRARY = EmailReplyParser(languages=["en", "de", "fr", "es", "it", "nl", "pl", "sv", "da"])


def strip_quoted_reply(text: str) -> str:
    """The new text of a plain-text reply: quoted history and mobile signatures removed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")[:MAX_CHARS].split("\n")
    head, answers = _lead_lines(lines)
    new = "\n".join(head)
    if new.strip():
        try:
            kept = _LIBRARY.read(new).replies[0].full_body
        except Exception:  # the library is a helper here; our own cut stands on its own
            kept = new
        # The library strips each line and may match where a lead just writes "To: …"; keep
        # its cut only when it cut something (a smaller text), never when it grew.
        if kept.strip() and len(kept) < len(new.strip()):
            new = kept
    if answers:
        new = (new.rstrip("\n") + "\n\n" + "\n".join(answers)) if new.strip() else "\n".join(
            answers)
    return _tidy(_drop_mobile_signature(new.split("\n")))


def has_quote_markers(text: str) -> bool:
    """True when the text shows where its quoted history is (a `>` line or a quote header)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")[:MAX_CHARS].split("\n")
    return any(_QUOTED.match(line) or _is_quote_start(lines, i, line)
               for i, line in enumerate(lines))


def _lead_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines before the first quote, the lead's lines after it), quoted lines left out."""
    head: list[str] = []
    answers: list[str] = []
    out = head
    i = 0
    while i < len(lines):
        line = lines[i]
        if _QUOTED.match(line):
            out = answers
            i += 1
            continue
        if _is_quote_start(lines, i, line):
            after = _quote_follows(lines, i)
            if after is None:
                break  # history that is not `>`-quoted: nothing after it is new
            out = answers
            i = after
            continue
        if out is answers and not answers and not line.strip():
            i += 1  # blank lines right after a quote separate, they are not the lead's text
            continue
        out.append(line)
        i += 1
    return head, answers


def _quote_follows(lines: list[str], i: int) -> int | None:
    """After an attribution line: the index of the `>`-quote it introduces, else None."""
    if not _is_attribution_at(lines, i):
        return None
    for j in range(i + 1, min(i + 4, len(lines))):
        if _QUOTED.match(lines[j]):
            return j
        if lines[j].strip() and not (j == i + 1 and _may_wrap(lines, i)):
            return None
    return None


def _is_attribution_at(lines: list[str], i: int) -> bool:
    return _is_attribution(lines[i]) or (
        _may_wrap(lines, i) and _is_attribution(lines[i] + " " + lines[i + 1]))


def _is_quote_start(lines: list[str], i: int, line: str) -> bool:
    if _SEPARATOR.match(line):
        return True
    if _is_attribution_at(lines, i):
        return True
    if (_UNDERSCORES.match(line) or _DASHES.match(line)) and any(
            _HEADER_KEY.match(x) for x in lines[i + 1:i + 3]):
        return True
    return _is_header_block(lines, i)


def _is_attribution(line: str) -> bool:
    """ "On … wrote:", "… пишет:", "<date>, <name> <email>:", "Вы писали …:" """
    bare = line.strip().lstrip("> \t")
    if not bare or len(bare) > 300:
        return False
    return bool(_WROTE.search(bare) or _ADDRESS_COLON.search(bare) or _THE_BAT.match(bare))


def _may_wrap(lines: list[str], i: int) -> bool:
    """Gmail wraps a long attribution line: the first half has the date, the second the end."""
    line = lines[i].strip()
    return (i + 1 < len(lines) and bool(line) and any(c.isdigit() for c in line)
            and not line.endswith((".", "!", "?", ":")) and not _is_dated_attribution(lines[i + 1]))


def _is_dated_attribution(line: str) -> bool:
    return _is_attribution(line) and any(c.isdigit() for c in line)


def _is_header_block(lines: list[str], i: int) -> bool:
    """From:/Sent:/To:/Subject: (or От:/Отправлено:/Кому:/Тема:, Bitrix24's От кого:) — at
    least 3 keys, with From."""
    if not _HEADER_KEY.match(lines[i]):
        return False
    keys = []
    for line in lines[i:i + 7]:
        m = _HEADER_KEY.match(line)
        if not m:
            if line.strip(" >\t") and keys:
                break  # a folded value line is allowed only before the next key
            continue
        keys.append(m.group(1).lower())
    return len(keys) >= 3 and keys[0] in _FROM_KEYS | {"date", "дата", "sent", "отправлено"} \
        and bool(_FROM_KEYS & set(keys))


def _drop_mobile_signature(lines: list[str]) -> str:
    content = [i for i, x in enumerate(lines) if x.strip()]
    for i in content[-3:]:  # only near the end: elsewhere it could be the lead's own words
        if _MOBILE.match(lines[i]):
            before = lines[:i]
            # a "--" line right before the signature goes with it
            while before and before[-1].strip() in ("", "--", "-- "):
                before.pop()
            return "\n".join(before)
    return "\n".join(lines)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()
