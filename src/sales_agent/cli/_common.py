"""What every command shares: settings, logging, the store, and errors as one line."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from ..errors import SalesAgentError
from ..settings import Settings, get_settings
from ..store import Store

T = TypeVar("T")
console = Console()
err_console = Console(stderr=True)


def configure_logging(level: int = logging.WARNING) -> None:
    logging.basicConfig(
        level=level, stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    for noisy in ("pymongo", "aiosmtplib", "aioimaplib", "httpx", "aiogram", "telethon",
                  "pymorphy3", "mail.log", "matplotlib", "uvicorn.error"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def run_async(fn: Callable[..., Awaitable[T]], *args: Any) -> T:
    """Run a coroutine; a SalesAgentError becomes one clear line and exit 1."""
    try:
        return asyncio.run(fn(*args))  # type: ignore[arg-type]
    except SalesAgentError as e:
        fail(str(e))
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    raise AssertionError("unreachable")


def settings() -> Settings:
    try:
        return get_settings()
    except SalesAgentError as e:
        fail(str(e))
    raise AssertionError("unreachable")


@contextlib.asynccontextmanager
async def open_store() -> AsyncIterator[Store]:
    store = await Store.open(settings())
    try:
        yield store
    finally:
        await store.close()
