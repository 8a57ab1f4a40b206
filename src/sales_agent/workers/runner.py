"""Start the workers of one role (or all of them) over one store, until Ctrl-C or idle.

Roles: logic (decide on the inbox), scheduler (due times → inbox), email / telegram /
telegram-user (a channel's send and receive sides), console (the web console). `all` runs every
role whose channel is configured, plus the sandbox channel, in this one process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.console import Console

from ..settings import Settings
from ..store import Store
from .clock import Clock
from .logic import LogicWorker
from .scheduler import schedule_due
from .wiring import build_channels, build_engine

log = logging.getLogger(__name__)
IDLE_CHECKS = 4  # consecutive quiet polls before --until-idle exits
POLL = 0.25


async def run_roles(settings: Settings, role: str, until_idle: bool,
                    now: datetime | None) -> None:
    store = await Store.open(settings)
    main = asyncio.current_task()
    loop = asyncio.get_running_loop()
    if main is not None:  # `docker stop` and `kill` end the workers as cleanly as Ctrl-C
        loop.add_signal_handler(signal.SIGTERM, main.cancel)
    try:
        await run_workers(store, settings, _roles(role), until_idle=until_idle, clock=Clock(now),
                          announce=None if until_idle else role)
    except asyncio.CancelledError:
        log.info("stopping")
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        await store.close()


async def run_workers(store: Store, settings: Settings, roles: set[str], *, until_idle: bool,
                      clock: Clock, announce: str | None = None) -> None:
    owner = f"{socket.gethostname()}:{os.getpid()}"
    channels = build_channels(store, settings, clock, owner, roles)
    if announce:
        _announce(settings, store, announce, [c.route for c in channels])
    steps: list[Callable[[], Awaitable[bool]]] = []
    if "scheduler" in roles:
        steps.append(lambda: _scheduled(store, clock))
    if "logic" in roles:  # only the logic role loads the brain (knowledge base, morphology, LLM)
        engine = build_engine(store, settings, clock)
        logic = LogicWorker(store, engine, clock=clock, owner=owner, lease=settings.worker_lease)
        steps.append(logic.process_one)
    pumps = {}
    for ch in channels:
        steps.append(ch.sender.send_one)
        pumps[ch] = asyncio.create_task(ch.pump(), name=f"inbound-{ch.route}")
    tasks: list[asyncio.Task[None]] = list(pumps.values())
    if "console" in roles and not until_idle:
        from ..console.server import serve_console

        tasks.append(asyncio.create_task(serve_console(settings, store), name="console"))
    def inputs_drained() -> bool:
        return all(task.done() or ch.channel.caught_up for ch, task in pumps.items())

    try:
        await _loop(steps, until_idle, inputs_drained)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for ch in channels:
            with contextlib.suppress(Exception):
                await ch.channel.close()


def _roles(role: str) -> set[str]:
    if role == "all":
        return {"logic", "scheduler", "email", "telegram", "telegram-user", "sandbox", "console"}
    return {role}


async def _scheduled(store: Store, clock: Clock) -> bool:
    return await schedule_due(store, clock) > 0


async def _loop(steps: list[Callable[[], Awaitable[bool]]], until_idle: bool,
                inputs_drained: Callable[[], bool] = lambda: True) -> None:
    """Run each step until it has nothing to do; with until_idle, stop once all are quiet and
    every channel has read what was waiting for it."""
    quiet = 0
    while True:
        busy = False
        for step in steps:
            try:
                while await step():
                    busy = True
            except Exception:
                log.exception("worker step failed; carrying on")
        quiet = 0 if busy or not inputs_drained() else quiet + 1
        if until_idle and quiet >= IDLE_CHECKS:
            return
        await asyncio.sleep(0 if busy else POLL)


def _announce(settings: Settings, store: Store, role: str, routes: list[str]) -> None:
    out = Console(stderr=True)
    out.print(f"[bold]Napoleon Sales Agent[/bold] — role [cyan]{role}[/cyan]")
    out.print(f"  data dir  {settings.data_dir.resolve()}")
    out.print(f"  store     {store.address}")
    out.print(f"  channels  {', '.join(routes) or 'none'}")
    out.print(f"  llm       {'on' if settings.llm_enabled else 'off (offline brain)'}")
    if role in ("all", "console"):
        out.print(f"  console   http://{settings.console_host}:{settings.console_port}")
    out.print("  Ctrl-C to stop")
