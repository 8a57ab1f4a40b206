"""Parsing off the event loop, in worker processes that can be killed.

A thread could not be stopped if a parse ran away; a process can. Each worker parses one mail at
a time; a parse that outlives `limits.time_limit` gets its worker killed (a fresh one takes its
place) and the mail comes back quarantined, with whatever its headers say. A worker that dies
(out of memory, a crash in C code) gives the same answer.

Workers are fresh interpreters (`python -m …parse_worker`), not forks: the agent's process has
threads (the MongoDB driver's) and forking it is unsafe, and multiprocessing's spawn would
re-import the caller's main script.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path

from .frames import HEADER, frame
from .limits import DEFAULT_LIMITS, ParseLimits
from .parse import ParsedEmail, quarantine, read_headers_only

log = logging.getLogger(__name__)
_WORKER = [sys.executable, "-m", "sales_agent.channels.email.parse_worker"]


def _env() -> dict[str, str]:
    """The worker imports this very copy of the package, wherever it was imported from."""
    src = str(Path(__file__).resolve().parents[3])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


class _Worker:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls) -> _Worker:
        return cls(await asyncio.create_subprocess_exec(
            *_WORKER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_env()))

    async def exchange(self, job: bytes) -> ParsedEmail:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(job)
        await self.proc.stdin.drain()
        size = HEADER.unpack(await self.proc.stdout.readexactly(HEADER.size))[0]
        return pickle.loads(await self.proc.stdout.readexactly(size))

    async def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.proc.wait(), 5)


class ParsePool:
    """`await pool.parse(raw)`: a ParsedEmail, never an exception, never much longer than the
    time limit. Workers start on first use; `close()` stops them."""

    def __init__(self, limits: ParseLimits = DEFAULT_LIMITS, workers: int | None = None) -> None:
        self.limits = limits
        self.size = workers or max(1, min(2, os.cpu_count() or 1))
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()

    async def start(self) -> None:
        """Start the workers now (else on the first parse): an interpreter takes a second."""
        if self._idle is None:
            self._idle = idle = asyncio.Queue()
            for _ in range(self.size):
                idle.put_nowait(await self._start())

    async def parse(self, raw: bytes, original_size: int | None = None) -> ParsedEmail:
        await self.start()
        assert self._idle is not None
        worker = await self._idle.get()
        job = frame((bytes(raw), original_size, self.limits))
        try:
            result: ParsedEmail | None = await asyncio.wait_for(
                worker.exchange(job), self.limits.time_limit)
        except (TimeoutError, asyncio.IncompleteReadError, OSError, pickle.PickleError,
                EOFError):
            result = None
        except BaseException:  # cancelled mid-parse: the worker may still be busy; replace it
            self._idle.put_nowait(await self._replace(worker))
            raise
        if result is None:
            worker = await self._replace(worker)
            result = stopped(raw, original_size, self.limits)
        self._idle.put_nowait(worker)
        return result

    async def _start(self) -> _Worker:
        worker = await _Worker.start()
        self._all.add(worker)
        return worker

    async def _replace(self, worker: _Worker) -> _Worker:
        self._all.discard(worker)
        await worker.kill()
        return await self._start()

    async def close(self) -> None:
        workers, self._all, self._idle = self._all, set(), None
        for worker in workers:
            await worker.kill()


def stopped(raw: bytes, original_size: int | None, limits: ParseLimits) -> ParsedEmail:
    reason = f"parsing took over {limits.time_limit:g} s (or the parser crashed): stopped"
    log.warning("email of %d bytes: %s", len(raw), reason)
    return quarantine(read_headers_only(raw, original_size), reason, raw)


def parse_isolated(raw: bytes, limits: ParseLimits = DEFAULT_LIMITS) -> ParsedEmail:
    """For a command line: one worker process, the same limits, no event loop."""
    try:
        # the limit counts from the worker's start, plus the few seconds an interpreter takes
        out = subprocess.run(_WORKER, input=frame((bytes(raw), None, limits)),
                             capture_output=True, timeout=limits.time_limit + 3, env=_env(),
                             check=False).stdout
        return pickle.loads(out[HEADER.size:HEADER.size + HEADER.unpack(out[:HEADER.size])[0]])
    except (subprocess.TimeoutExpired, OSError, pickle.PickleError, EOFError, struct.error):
        return stopped(raw, None, limits)

