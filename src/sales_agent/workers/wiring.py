"""Wiring: the engine and the channels a role needs, built from the settings. Nothing connects
until a worker runs."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from ..brain.knowledge import KnowledgeBase
from ..brain.writer import ReplyWriter
from ..channels.base import AbstractChannel
from ..channels.sandbox import SandboxChannel
from ..domain.model import Contact
from ..service.unsubscribe import url_maker
from ..settings import Settings
from ..store import Store
from .clock import Clock
from .conversation_engine import ConversationEngine
from .outbox_sender import OutboxSender
from .outbox_writer import OutboxWriter
from .routing import EMAIL, SANDBOX, TELEGRAM_BOT, TELEGRAM_USER, enabled_routes

log = logging.getLogger(__name__)


@dataclass(eq=False)
class ChannelRuntime:
    route: str
    channel: AbstractChannel
    sender: OutboxSender
    store: Store


def build_engine(store: Store, settings: Settings, clock: Clock) -> ConversationEngine:
    llm = None
    if settings.llm_enabled:  # the openai package alone takes seconds to import: only if used
        from ..brain.llm import LlmClient

        llm = LlmClient.from_settings(settings)
    writer = ReplyWriter(settings, KnowledgeBase.load(settings.knowledge_dir), llm)
    routes = enabled_routes(settings)
    outbox_writer = OutboxWriter(store, settings, writer, routes=routes,
                                 facts_for=_facts_for(settings),
                                 bot_link_for=_bot_link_for(settings))
    return ConversationEngine(store, settings, outbox_writer, clock=clock, routes=routes, llm=llm)


def _facts_for(settings: Settings):  # type: ignore[no-untyped-def]
    from ..analytics.service import company_facts

    return functools.partial(company_facts, charts_dir=settings.data_dir / "charts")


def _bot_link_for(settings: Settings):  # type: ignore[no-untyped-def]
    """The first email offers the Telegram bot by a single-use deep link, when a bot is on."""
    if not settings.telegram_bot_enabled:
        return None
    from ..service.telegram_binding import deep_link, ensure_bot_token

    username: list[str] = [settings.telegram_bot_username or ""]

    async def link(store: Store, contact: Contact) -> str | None:
        if not username[0]:
            from ..channels.telegram_bot import TelegramBotChannel

            bot = TelegramBotChannel.from_settings(settings)
            try:
                username[0] = await bot.username()
            except Exception as e:  # no link is better than no first message
                log.warning("telegram getMe failed, no bot link in this mail: %s", e)
                return None
            finally:
                await bot.close()
        return deep_link(username[0], await ensure_bot_token(store, contact))

    return link


def build_channels(store: Store, settings: Settings, clock: Clock, owner: str,
                   roles: set[str]) -> list[ChannelRuntime]:
    wanted = [r for r in (SANDBOX, EMAIL, TELEGRAM_BOT, TELEGRAM_USER)
              if r in roles and r in enabled_routes(settings)]
    runtimes = []
    for route in wanted:
        channel = _channel(route, settings)
        sender = OutboxSender(
            store, channel, route, clock=clock, owner=owner,
            attachments_dir=settings.attachments_dir, charts_dir=settings.data_dir / "charts",
            per_minute=_rate(route, settings), lease=settings.worker_lease,
            unsubscribe_url_for=url_maker(settings) if route == EMAIL else None)
        runtimes.append(ChannelRuntime(route, channel, sender, store))
    return runtimes


def _rate(route: str, settings: Settings) -> int | None:
    return {EMAIL: settings.email_per_minute, TELEGRAM_BOT: settings.telegram_per_minute,
            TELEGRAM_USER: settings.telegram_user_per_minute}.get(route)


def _channel(route: str, settings: Settings) -> AbstractChannel:
    if route == EMAIL:
        from ..channels.email.channel import EmailChannel

        return EmailChannel.from_settings(settings)
    if route == TELEGRAM_BOT:
        from ..channels.telegram_bot import TelegramBotChannel

        return TelegramBotChannel.from_settings(settings)
    if route == TELEGRAM_USER:
        from ..channels.telegram_user import TelegramUserChannel

        return TelegramUserChannel.from_settings(settings)
    return SandboxChannel()
