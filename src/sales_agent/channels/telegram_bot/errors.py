"""Bot API failures translated into the channel's two errors, at the adapter edge."""

from __future__ import annotations

from aiogram.exceptions import (
    AiogramError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)

from ...errors import (
    ChannelAuthError,
    ChannelError,
    ChannelUnavailable,
    PermanentChannelError,
    TransientChannelError,
)

NETWORK_RETRY = 30.0


def map_bot_error(e: AiogramError, chat_id: int | str) -> ChannelError:
    """What a send to `chat_id` failing with `e` means for the outbox item."""
    if isinstance(e, TelegramRetryAfter):
        return TransientChannelError(f"Telegram asks to wait {e.retry_after} s (429)",
                                     retry_after=float(e.retry_after))
    detail = e.message if isinstance(e, TelegramAPIError) else str(e)
    if isinstance(e, TelegramForbiddenError):  # blocked, deactivated, kicked
        return PermanentChannelError(f"Telegram refused chat {chat_id}: {detail}")
    if isinstance(e, TelegramBadRequest):
        if "chat not found" in detail.lower():
            return PermanentChannelError(
                f"Telegram chat {chat_id} not found: the lead has not pressed /start")
        return PermanentChannelError(f"Telegram rejected the message to {chat_id}: {detail}")
    if isinstance(e, TelegramMigrateToChat):
        return PermanentChannelError(f"chat {chat_id} became a supergroup: not a lead's chat")
    if isinstance(e, TelegramUnauthorizedError | TelegramNotFound):
        # a refused or unknown token will not fix itself: the channel stops, the operator is told
        return ChannelAuthError(
            f"Telegram refused the bot ({detail}): check SALES_AGENT_TELEGRAM_BOT_TOKEN and "
            "SALES_AGENT_TELEGRAM_API_BASE")
    if isinstance(e, TelegramNetworkError):  # includes 413 "entity too large"
        if "too large" in detail.lower():
            return PermanentChannelError(f"Telegram says the file is too large: {detail}")
        return ChannelUnavailable(f"Telegram unreachable: {detail}", retry_after=NETWORK_RETRY)
    return TransientChannelError(f"Telegram error: {detail}", retry_after=NETWORK_RETRY)
