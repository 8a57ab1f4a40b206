"""The embedded MongoDB-wire server (`nx-27017`) under the data dir, started once per data dir.

The first process that needs the store starts the server as a child and records its port in
`server.json`; any later process (say `contacts add` while `make run` is up) finds the record,
checks that the server answers, and connects to it instead of opening the same files twice.
A file lock makes "look, then start" atomic across processes.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError

log = logging.getLogger(__name__)
START_TIMEOUT = 20.0


@dataclass
class EmbeddedServer:
    uri: str
    directory: Path
    process: subprocess.Popen[bytes] | None  # None when another process owns the server

    @property
    def owned(self) -> bool:
        return self.process is not None

    def stop(self) -> None:
        if self.process is None:
            return
        with _locked(self.directory):
            _stop_process(self.process)
            _record(self.directory).unlink(missing_ok=True)
        self.process = None


def ensure_embedded(data_dir: Path) -> EmbeddedServer:
    directory = (data_dir / "mongo").resolve()
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory):
        running = _running_uri(directory)
        if running:
            log.debug("store: reusing the embedded server at %s", running)
            return EmbeddedServer(running, directory, None)
        port, process = _started(directory)
        uri = f"mongodb://127.0.0.1:{port}/"
        _record(directory).write_text(json.dumps({"port": port, "pid": process.pid}))
        log.info("store: embedded server on %s, files in %s", uri, directory)
        return EmbeddedServer(uri, directory, process)


def _record(directory: Path) -> Path:
    return directory / "server.json"


@contextlib.contextmanager
def _locked(directory: Path):
    with open(directory / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _running_uri(directory: Path) -> str | None:
    try:
        info = json.loads(_record(directory).read_text())
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError):
        return None
    return f"mongodb://127.0.0.1:{info['port']}/" if _answers(info["port"]) else None


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


def _started(directory: Path, attempts: int = 3) -> tuple[int, subprocess.Popen[bytes]]:
    """A free port can be taken by another process before the server binds it: another port."""
    for attempt in range(attempts):
        port = _free_port()
        process = _spawn(directory, port)
        try:
            _wait_until_serving(port, process, directory)
            return port, process
        except StoreError:
            if attempt == attempts - 1:
                raise
            log.debug("store: the embedded server did not start on %s; another port", port)
    raise AssertionError("unreachable")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_binary() -> str:
    beside = Path(sys.executable).parent / "nx-27017"
    found = str(beside) if beside.exists() else shutil.which("nx-27017")
    if not found:
        raise StoreError("nx-27017 is not installed: run `make setup`")
    return found


def _die_with_parent() -> None:
    # Linux: the server gets SIGTERM if its owner dies, even by kill -9, so no orphan keeps
    # the files open.
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


def _spawn(directory: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [
        _server_binary(), "--data-dir", str(directory), "-p", str(port),
        "--log-file", str(directory / "nx-27017.log"), "--pid-file", str(directory / "nx.pid"),
    ]
    return subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=open(directory / "stderr.log", "ab"),
        preexec_fn=_die_with_parent, start_new_session=True,
    )


def _wait_until_serving(port: int, process: subprocess.Popen[bytes], directory: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = (directory / "stderr.log").read_text(errors="replace")[-300:].strip()
            raise StoreError(f"the embedded store exited at start ({process.returncode}): {tail}")
        if _answers(port):
            return
        time.sleep(0.05)
    _stop_process(process)
    raise StoreError(f"the embedded store did not start within {START_TIMEOUT:.0f}s")


def _stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
