"""The user account's session file and the interactive login (`sales-agent telegram login`).

The session file is a login: it lives under the data dir in a 0700 folder, readable by its owner
only (0600), and never anywhere else.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telethon import TelegramClient
from telethon.errors import SessionPasswordNeededError

from ...errors import ConfigError
from ...settings import Settings


def session_path(settings: Settings) -> Path:
    return settings.data_dir / "telegram" / "user.session"


def secure_session_dir(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)


def secure_session_file(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        if p.exists():
            os.chmod(p, 0o600)


def make_client(settings: Settings) -> TelegramClient:
    """A Telethon client on the session file (not connected yet)."""
    if settings.telegram_api_id is None or settings.telegram_api_hash is None:
        raise ConfigError("SALES_AGENT_TELEGRAM_API_ID and SALES_AGENT_TELEGRAM_API_HASH are "
                          "required for the user account (my.telegram.org → API development)")
    path = session_path(settings)
    secure_session_dir(path)
    previous = os.umask(0o077)  # the SQLite file is born owner-only
    try:
        client = TelegramClient(str(path), settings.telegram_api_id,
                                settings.telegram_api_hash.get_secret_value())
    finally:
        os.umask(previous)
    secure_session_file(path)
    return client


async def login(client: Any, phone: str, ask_code: Callable[[], str],
                ask_password: Callable[[], str]) -> Any:
    """Phone → code → (2FA password if the account has one). Returns the logged-in user."""
    await client.connect()
    if await client.is_user_authorized():
        return await client.get_me()
    await client.send_code_request(phone)
    try:
        await client.sign_in(phone=phone, code=ask_code().strip())
    except SessionPasswordNeededError:
        await client.sign_in(password=ask_password())
    return await client.get_me()


def describe_user(me: Any) -> str:
    """'@handle (Имя Фамилия, id 123)' without the phone number."""
    name = " ".join(p for p in (getattr(me, "first_name", None), getattr(me, "last_name", None))
                    if p)
    handle = f"@{me.username}" if getattr(me, "username", None) else "(no username)"
    return f"{handle} ({name or 'no name'}, id {me.id})"


def user_account_configured(settings: Settings) -> bool:
    """API id and hash set and a session file stored by `sales-agent telegram login`."""
    return (settings.telegram_api_id is not None and settings.telegram_api_hash is not None
            and session_path(settings).exists())
