"""Telegram bot channel (aiogram 3, long polling)."""

from .channel import BOT_API_FILE_LIMIT, TelegramBotChannel, parse_chat_id
from .split import TELEGRAM_TEXT_LIMIT, split_text

__all__ = ["BOT_API_FILE_LIMIT", "TELEGRAM_TEXT_LIMIT", "TelegramBotChannel", "parse_chat_id",
           "split_text"]
