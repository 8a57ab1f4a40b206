"""Normalising how people are addressed: emails, Telegram handles, the key an operator types."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from ..errors import InvalidContact

_HANDLE = re.compile(r"^[a-z][a-z0-9_]{3,31}$")
_TME = re.compile(r"^(?:https?://)?(?:t\.me|telegram\.me)/", re.I)


def normalize_email(value: str) -> str:
    """Lower-cased, validated syntax (no DNS: leads' domains are often internal)."""
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


FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "yandex.ru", "ya.ru", "yandex.com", "mail.ru", "bk.ru",
    "inbox.ru", "list.ru", "internet.ru", "rambler.ru", "outlook.com", "hotmail.com", "live.com",
    "icloud.com", "me.com", "yahoo.com", "proton.me", "protonmail.com", "gmx.com", "aol.com",
})


def company_domain(email: str | None) -> str | None:
    """The domain that stands for a company, or None for free mail and no email."""
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1].strip().lower()
    return None if domain in FREE_MAIL else domain
