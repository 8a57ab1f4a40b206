"""The bot commands a lead can type in either Telegram channel (/start with its token, /stop).

Apart from the bot's module so the user account does not import aiogram (seconds of start-up).
"""

from __future__ import annotations


def command_of(text: str) -> str | None:
    """'/start abc' -> '/start abc', '/start@my_bot' -> '/start', '/stop' -> '/stop'."""
    if not text.startswith("/"):
        return None
    head, _, payload = text.strip().partition(" ")
    name = head.split("@", 1)[0].lower()
    if name not in ("/start", "/stop"):
        return None
    payload = payload.strip()
    return f"{name} {payload}" if name == "/start" and payload else name
