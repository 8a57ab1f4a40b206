"""Normalising how people are addressed: emails, Telegram handles, the key an operator types."""

from __future__ import annotations

import re

from ..errors import InvalidContact

_HANDLE = re.compile(r"^[a-z][a-z0-9_]{3,31}$")
_TME = re.compile(r"^(?:https?://)?(?:t\.me|telegram\.me)/", re.I)


def normalize_email(value: str) -> str:
    """Lower-cased, validated syntax (no DNS: leads' domains are often internal)."""
    from email_validator import EmailNotValidError, validate_email  # ~60 ms: not for `classify`

    value = value.strip()
    try:
        info = validate_email(value, check_deliverability=False, test_environment=True)
    except EmailNotValidError as e:
        raise InvalidContact(f"invalid email {value!r}: {e}") from None
    return info.normalized.lower()


def normalize_handle(value: str) -> str:
    """'@Igor_Kolosok', 'igor_kolosok', 't.me/igor_kolosok' -> '@igor_kolosok'."""
    handle = _TME.sub("", value.strip()).lstrip("@").lower()
    if not _HANDLE.match(handle):
        raise InvalidContact(f"invalid Telegram handle {value!r}")
    return "@" + handle


def key_kind(key: str) -> str:
    """What an operator's KEY names: 'email', 'telegram' or 'id'."""
    key = key.strip()
    if key.startswith("@") or _TME.match(key):
        return "telegram"
    if "@" in key:
        return "email"
    return "id"



# Mailboxes anyone can open: a colleague there says nothing about the company.
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "yandex.ru", "yandex.com", "ya.ru", "yandex.by", "yandex.kz",
    "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "rambler.ru", "lenta.ru",
    "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com",
    "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "aol.com", "zoho.com",
    "tut.by", "ukr.net",
})
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "msk", "spb"}


def company_domain(address: str | None) -> str | None:
    """"ivan@msk.shop.co.uk" → "shop.co.uk"; None for a handle, no address or a free-mail box."""
    if not address or "@" not in address.strip("@"):
        return None
    host = address.rsplit("@", 1)[1].lower().strip(". >")
    if host in FREE_MAIL:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])
