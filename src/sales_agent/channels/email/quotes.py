"""Cut the quoted history off a reply, in Russian and English clients.

mail-parser-reply knows 13 languages but no Russian, and it keeps Outlook's Russian header block
(От:/Отправлено:/Кому:/Тема: with no `>`). We first cut at the earliest quote marker we know
(Russian and English), then let the library cut what it knows in other languages, then drop mobile
signatures ("Отправлено с iPhone") and a trailing block of `>` lines.
"""

from __future__ import annotations

import re

from mailparser_reply import EmailReplyParser

from .html import strip_html_quote

__all__ = ["strip_html_quote", "strip_quoted_reply"]

MAX_CHARS = 200_000  # longer bodies are cut first: the regexes must stay fast

_Q = r"^[ \t>]*"  # a marker may sit inside a quoted level
_SEPARATOR = re.compile(
    _Q + r"-{2,}\s*(?:Исходное сообщение|Оригинальное сообщение|Пересылаемое сообщение|"
    r"Original Message|Forwarded message|Message d'origine|Ursprüngliche Nachricht)\s*-{2,}\s*$",
    re.I,
)
_WROTE = re.compile(
    r"(?:пишет|написал|написала|написал\(а\)|wrote|schrieb|a écrit|escribió|scrisse)\s*:\s*$", re.I
)
# "пн, 17 нояб. 2025 г. в 12:30, Анна <a@b.ru>:" (Gmail RU), "… от Анна <a@b.ru>:" (Mail.ru),
# '17.11.2025, 12:30, "Анна" <a@b.ru>:' (Yandex): a date-ish line ending with an address and ":".
_ADDRESS_COLON = re.compile(r"\d.*<?\s*[^\s<>@]+@[^\s<>@]+\s*>?\s*:\s*$")
_HEADER_KEY = re.compile(
    _Q + r"\*?(From|От|Sent|Отправлено|Date|Дата|To|Кому|Subject|Тема|Cc|Копия)\*?\s*:", re.I
)
_FROM_KEYS = {"from", "от"}
_UNDERSCORES = re.compile(_Q + r"_{10,}\s*$")
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
    cut = _first_quote_line(lines)
    new = "\n".join(lines[:cut])
    if new.strip():
        try:
            kept = _LIBRARY.read(new).replies[0].full_body
        except Exception:  # the library is a helper here; our own cut stands on its own
            kept = new
        # The library strips each line and may match where a lead just writes "To: …"; keep
        # its cut only when it cut something (a smaller text), never when it grew.
        if kept.strip() and len(kept) < len(new.strip()):
            new = kept
    return _tidy(_drop_mobile_signature(new.split("\n")))


def _first_quote_line(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _is_quote_start(lines, i, line):
            return i
    return _trailing_quote_block(lines)


def _is_quote_start(lines: list[str], i: int, line: str) -> bool:
    if _SEPARATOR.match(line):
        return True
    wrapped = _may_wrap(lines, i) and _is_attribution(line + " " + lines[i + 1])
    if _is_attribution(line) or wrapped:
        return not line.strip().startswith(">") or _only_quotes_after(lines, i)
    if _UNDERSCORES.match(line) and any(_HEADER_KEY.match(x) for x in lines[i + 1:i + 3]):
        return True
    return _is_header_block(lines, i)


def _is_attribution(line: str) -> bool:
    """ "On … wrote:", "… пишет:", "<date>, <name> <email>:" """
    bare = line.strip().lstrip("> \t")
    if not bare or len(bare) > 300:
        return False
    return bool(_WROTE.search(bare) or _ADDRESS_COLON.search(bare))


def _may_wrap(lines: list[str], i: int) -> bool:
    """Gmail wraps a long attribution line: the first half has the date, the second the end."""
    line = lines[i].strip()
    return (i + 1 < len(lines) and bool(line) and any(c.isdigit() for c in line)
            and not line.endswith((".", "!", "?", ":")) and not _is_dated_attribution(lines[i + 1]))


def _is_dated_attribution(line: str) -> bool:
    return _is_attribution(line) and any(c.isdigit() for c in line)


def _is_header_block(lines: list[str], i: int) -> bool:
    """From:/Sent:/To:/Subject: (or От:/Отправлено:/Кому:/Тема:) — at least 3 keys, with From."""
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


def _only_quotes_after(lines: list[str], i: int) -> bool:
    return all(not x.strip() or x.lstrip().startswith(">") for x in lines[i:])


def _trailing_quote_block(lines: list[str]) -> int:
    end = len(lines)
    start = end
    for j in range(end - 1, -1, -1):
        stripped = lines[j].strip()
        if stripped.startswith(">"):
            start = j
        elif stripped:
            break
    return start


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
