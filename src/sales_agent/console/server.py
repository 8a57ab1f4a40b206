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
    server = build_server(settings, store)
    # The runner owns Ctrl-C; uvicorn must not replace the process's signal handlers.
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    await server.serve()
