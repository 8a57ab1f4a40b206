"""`sales-agent telegram login|whoami|link`: the user account's session and the bot's deep links."""

from __future__ import annotations

import asyncio
from typing import Any

import typer

from . import app
from ._common import configure_logging, console, open_store, run_async, settings

telegram_app = typer.Typer(help="Telegram: user-account login, bot deep links.",
                           no_args_is_help=True)
app.add_typer(telegram_app, name="telegram")


@telegram_app.command("login")
def login_cmd(phone: str = typer.Option(None, "--phone", help="The account's phone, +7…")) -> None:
    """Log the user account in (phone, code, 2FA password); stores the session under the data
    dir, readable by its owner only."""
    configure_logging()
    from ..channels.telegram_user import describe_user, login, make_client, session_path
    from ..channels.telegram_user.session import secure_session_file

    async def _login() -> str:
        client = make_client(settings())
        number = phone or typer.prompt("Phone number (+7…)")
        try:
            await _connect(client)
            me = await login(client, number,
                             lambda: typer.prompt("Code from Telegram"),
                             lambda: typer.prompt("2FA password", hide_input=True))
        finally:
            await client.disconnect()
            secure_session_file(session_path(settings()))
        return describe_user(me)

    console.print(f"logged in as {run_async(_login)}; session in "
                  f"{session_path(settings())}", highlight=False)


@telegram_app.command("whoami")
def whoami() -> None:
    """Which Telegram account the stored session belongs to."""
    configure_logging()
    from ..channels.telegram_user import describe_user, make_client
    from ..errors import ConfigError

    async def _whoami() -> str:
        client = make_client(settings())
        try:
            await _connect(client)
            if not await client.is_user_authorized():
                raise ConfigError("not logged in: run `sales-agent telegram login`")
            return describe_user(await client.get_me())
        finally:
            await client.disconnect()

    print(run_async(_whoami))


@telegram_app.command("link")
def link(key: str = typer.Argument(..., help="Contact id, email or @handle")) -> None:
    """Print the contact's bot deep link (https://t.me/<bot>?start=<token>)."""
    configure_logging()
    from ..channels.telegram_bot import TelegramBotChannel
    from ..service.telegram_binding import deep_link, ensure_bot_token

    async def _link() -> str:
        bot = TelegramBotChannel.from_settings(settings())
        try:
            username = await bot.username()
            async with open_store() as store:
                contact = await store.contacts.get(key)
                return deep_link(username, await ensure_bot_token(store, contact))
        finally:
            await bot.close()

    print(run_async(_link))


async def _connect(client: Any) -> None:
    """Connect within a minute, or one clear line instead of Telethon's retries and traces."""
    from telethon.errors import RPCError

    from ..errors import ChannelError

    try:
        await asyncio.wait_for(client.connect(), 60)
    except (OSError, TimeoutError, RPCError) as e:
        raise ChannelError(f"cannot reach Telegram: {type(e).__name__}: {e}"[:300]) from None
