"""Telethon (MTProto) failures translated into the channel's two errors, at the adapter edge."""

from __future__ import annotations

import asyncio

from telethon import errors as tg

from ...errors import (
    ChannelAuthError,
    ChannelError,
    ChannelUnavailable,
    PermanentChannelError,
    TransientChannelError,
)

NETWORK_RETRY = 30.0
OTHER_RETRY = 60.0

_PERMANENT: tuple[tuple[type[Exception], str], ...] = (
    (tg.UserPrivacyRestrictedError, "{to} accepts messages only from contacts (privacy settings)"),
    (tg.UsernameNotOccupiedError, "no Telegram account has the username {to}"),
    (tg.UsernameInvalidError, "{to} is not a valid Telegram username"),
    (tg.PhoneNumberInvalidError, "{to} is not a valid phone number"),
    (tg.InputUserDeactivatedError, "the Telegram account {to} was deleted"),
    (tg.UserIsBlockedError, "{to} has blocked our account"),
    (tg.YouBlockedUserError, "our account has blocked {to}: unblock it first"),
    (tg.ChatWriteForbiddenError, "we may not write to {to}"),
    (tg.PeerIdInvalidError, "{to} is not a chat this account knows"),
)
_SESSION = (tg.AuthKeyUnregisteredError, tg.SessionRevokedError, tg.AuthKeyDuplicatedError,
            tg.UserDeactivatedBanError, tg.UserDeactivatedError)


def map_telethon_error(e: BaseException, to: str) -> ChannelError:
    """What a send to `to` failing with `e` means for the outbox item (PEER_FLOOD: see channel)."""
    if isinstance(e, tg.FloodWaitError | tg.FloodPremiumWaitError):
        return TransientChannelError(f"FLOOD_WAIT: Telegram asks to wait {e.seconds} s",
                                     retry_after=float(e.seconds))
    for cls, reason in _PERMANENT:
        if isinstance(e, cls):
            return PermanentChannelError(reason.format(to=to))
    if isinstance(e, _SESSION):
        return ChannelAuthError(
            f"the Telegram account's session is not valid ({type(e).__name__}): "
            "run `sales-agent telegram login`")
    if isinstance(e, ValueError):  # get_entity: "Cannot find any entity corresponding to ..."
        return PermanentChannelError(f"cannot find a Telegram account for {to}")
    if isinstance(e, ConnectionError | OSError | asyncio.TimeoutError):
        return ChannelUnavailable(f"Telegram unreachable: {type(e).__name__}",
                                  retry_after=NETWORK_RETRY)
    return TransientChannelError(f"Telegram error: {type(e).__name__}: {e}"[:300],
                                 retry_after=OTHER_RETRY)
