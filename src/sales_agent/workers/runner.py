"""Start the workers of one role (or all of them) over one store, until Ctrl-C or idle.

Roles: logic (decide on the inbox), scheduler (due times → inbox), email / telegram /
telegram-user (a channel's send and receive sides), console (the web console). `all` runs every
role whose channel is configured, plus the sandbox channel, in this one process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.console import Console

from ..channels.base import AbstractChannel
from ..domain import keys
from ..errors import ChannelAuthError
from ..settings import Settings
from ..store import Store
from .clock import Clock
from .health import Health, first_line
from .inbound import pump_inbound
from .leases import free_dead_owners, owner_id
from .logic import LogicWorker
from .scheduler import Scheduler
from .supervisor import Quiet, Role, run_roles_until, stepping
from .wiring import ChannelRuntime, build_channels, build_engine

log = logging.getLogger(__name__)
# Inbox items decided at once in one process (one lead's items still one after another):
# measured with 1,000 replies, one loop left the store and the agent each waiting on the other.
LOGIC_LOOPS = 2
TAKEOVER_EVERY = 5.0  # seconds between looks for a dead sibling's items while idle


async def run_roles(settings: Settings, role: str, until_idle: bool,
                    now: datetime | None) -> None:
    store = await Store.open(settings)
    main = asyncio.current_task()
    loop = asyncio.get_running_loop()
    if main is not None:  # `docker stop` and `kill` end the workers as cleanly as Ctrl-C
        loop.add_signal_handler(signal.SIGTERM, main.cancel)
    try:
        # --until-idle --now T: everything as of T, the same instant in every such run
        clock = Clock(now, frozen=until_idle)
        await run_workers(store, settings, _roles(role), until_idle=until_idle, clock=clock,
                          announce=None if until_idle else role)
    except asyncio.CancelledError:
        log.info("stopping")
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        await store.close()


async def run_workers(store: Store, settings: Settings, roles: set[str], *, until_idle: bool,
                      clock: Clock, announce: str | None = None) -> None:
    owner = owner_id()
    health = Health(store, owner)
    channels = build_channels(store, settings, clock, owner, roles)
    if announce:
        _announce(settings, store, announce, [c.route for c in channels])
    with contextlib.suppress(Exception):  # the store may be down now: the roles will wait
        await free_dead_owners(store.inbox, store.outbox)
    stop_channel = _channel_stopper(store, health, channels)
    poll = settings.poll_seconds
    tasks: list[Role] = []
    if "scheduler" in roles:
        quiet = Quiet()
        scheduler = Scheduler(store, clock, poll=poll)
        tasks.append(Role("scheduler", stepping(
            "scheduler", scheduler.step, health, stop_channel, quiet, poll=poll), quiet))
    if "logic" in roles:  # only the logic role loads the brain (knowledge base, morphology, LLM)
        engine = build_engine(store, settings, clock)
        logic = LogicWorker(store, engine, clock=clock, owner=owner, lease=settings.worker_lease)
        for n in range(LOGIC_LOOPS):  # side by side: one waits on the store, one classifies
            name = "logic" if n == 0 else f"logic-{n + 1}"
            quiet = Quiet()
            tasks.append(Role(name, stepping(
                "logic", _with_takeover(logic.process_one, store), health, stop_channel, quiet,
                poll=poll), quiet))
    for ch in channels:
        quiet = Quiet()
        tasks.append(Role(f"{ch.route}-out", stepping(
            f"{ch.route}-out", ch.sender.send_one, health, stop_channel, quiet, part=ch.route,
            poll=poll), quiet))
        tasks.append(Role(f"{ch.route}-in", _pump(ch, health, stop_channel),
                          _caught_up(ch.channel)))
    if "console" in roles and not until_idle:
        from ..console.server import serve_console

        tasks.append(Role("console", lambda: serve_console(settings, store)))
    try:
        await run_roles_until(tasks, health, until_idle=until_idle, poll=poll)
    finally:
        for ch in channels:
            with contextlib.suppress(Exception):
                await ch.channel.close()


def _roles(role: str) -> set[str]:
    if role == "all":
        return {"logic", "scheduler", "email", "telegram", "telegram-user", "sandbox", "console"}
    return {role}


def _with_takeover(step: Callable[[], Awaitable[bool]], store: Store,
                   every: float = TAKEOVER_EVERY) -> Callable[[], Awaitable[bool]]:
    """While idle, now and then free the items of this host's dead workers (a sibling process
    killed meanwhile), so they are served in seconds, not after their lease."""
    last = [time.monotonic()]

    async def wrapped() -> bool:
        if await step():
            return True
        if time.monotonic() - last[0] > every:
            last[0] = time.monotonic()
            return await free_dead_owners(store.inbox, store.outbox) > 0
        return False

    return wrapped


def _caught_up(channel: AbstractChannel) -> Callable[[], bool]:
    return lambda: channel.caught_up


def _pump(ch: ChannelRuntime, health: Health,
          stop_channel: Callable[[str, ChannelAuthError], Awaitable[None]]
          ) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await pump_inbound(ch.store, ch.channel, route=ch.route, health=health,
                           on_auth_failure=stop_channel)

    return run


def _channel_stopper(store: Store, health: Health, channels: list[ChannelRuntime]
                     ) -> Callable[[str, ChannelAuthError], Awaitable[None]]:
    """A refused login stops that channel (both sides) and tells the operator, once."""

    async def stop(part: str, error: ChannelAuthError) -> None:
        route = part.removesuffix("-in")
        if health.is_stopped(route):
            return
        health.stopped(route, error)
        with contextlib.suppress(Exception):
            await store.notifications.add(
                keys.channel_stopped(route, time.time()), contact_id=None,
                kind="channel_stopped", reason=f"{route}: {first_line(error)}",
                text="The channel is stopped until its settings are fixed and the agent "
                     "restarted.", at=time.time())
        for ch in channels:
            if ch.route == route:
                ch.sender.stopped = True
                ch.channel.caught_up = True

    return stop


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
