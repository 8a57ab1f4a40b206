"""Long imports run beside the page: the upload is saved, a task imports it and counts rows, the
page polls the count. Jobs live in this process only (the last few are kept for their report)."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SalesAgentError

Run = Callable[[Path, Callable[[int, int], None]], Awaitable[Any]]
KEEP = 20


@dataclass
class ImportJob:
    id: str
    filename: str
    kind: str = "contacts"  # or "reviews"
    back: str = "/import"  # where the finished report links to
    done: int = 0
    total: int = 0
    report: Any = None
    error: str | None = None
    finished: bool = False
    started: float = field(default_factory=time.time)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class ImportJobs:
    def __init__(self) -> None:
        self._jobs: dict[str, ImportJob] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self, filename: str, path: Path, run: Run, *, kind: str = "contacts",
              back: str = "/import") -> ImportJob:
        """Import `path` in a task; the file is removed when the task ends."""
        job = ImportJob(secrets.token_urlsafe(8), filename, kind, back)
        self._jobs[job.id] = job
        for old in list(self._jobs)[:-KEEP]:
            if self._jobs[old].finished:
                del self._jobs[old]
        task = asyncio.create_task(self._run(job, path, run), name=f"import-{job.id}")
        self._tasks.add(task)  # a reference, so the task is not collected mid-import
        task.add_done_callback(self._tasks.discard)
        return job

    def get(self, job_id: str) -> ImportJob | None:
        return self._jobs.get(job_id)

    async def _run(self, job: ImportJob, path: Path, run: Run) -> None:
        try:
            job.report = await run(path, job.progress)
        except SalesAgentError as e:
            job.error = str(e).replace(str(path), job.filename)
        finally:
            path.unlink(missing_ok=True)
            job.finished = True
