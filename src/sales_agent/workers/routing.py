"""The routes this process has switched on. Which route a message takes is the core's decision
(`domain.routing`, called by `decide()`); the names are re-exported for the workers."""

from __future__ import annotations

from ..domain.routing import (
    EMAIL,
    SANDBOX,
    TELEGRAM_BOT,
    TELEGRAM_USER,
    address,
    history_channel,
    proactive_route,
)
from ..settings import Settings

__all__ = ["EMAIL", "SANDBOX", "TELEGRAM_BOT", "TELEGRAM_USER", "address", "enabled_routes",
           "history_channel", "proactive_route"]


def enabled_routes(settings: Settings) -> frozenset[str]:
    routes = {SANDBOX}
    if settings.email_enabled:
        routes.add(EMAIL)
    if settings.telegram_bot_enabled:
        routes.add(TELEGRAM_BOT)
    if settings.telegram_api_id and settings.telegram_api_hash:
        routes.add(TELEGRAM_USER)
    return frozenset(routes)
