"""Telegram user-account channel (Telethon, MTProto): writes first, under daily caps."""

from .channel import PEER_FLOOD_LOG, TelegramUserChannel
from .errors import map_telethon_error
from .ledger import AccountLedger
from .session import describe_user, login, make_client, session_path, user_account_configured

__all__ = ["PEER_FLOOD_LOG", "AccountLedger", "TelegramUserChannel", "describe_user", "login",
           "make_client", "map_telethon_error", "session_path", "user_account_configured"]
