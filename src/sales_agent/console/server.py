"""Serve the console inside the running asyncio loop (the runner starts it as a task)."""

from __future__ import annotations

import uvicorn

from ..settings import Settings
from ..store import Store
from .app import create_app


def build_server(settings: Settings, store: Store, *, port: int | None = None) -> uvicorn.Server:
    app = create_app(settings, store)
    config = uvicorn.Config(app, host=settings.console_host, port=port or settings.console_port,
                            log_level="warning", lifespan="off")
    return uvicorn.Server(config)


async def serve_console(settings: Settings, store: Store) -> None:
    # On Ctrl-C uvicorn closes its connections first, then restores the loop's own handler and
    # raises the signal again, so the runner stops the other workers as before.
    await build_server(settings, store).serve()
