"""Sample a running process with py-spy (in the venv) and summarise where its time goes.

    .venv/bin/python bench/spy.py RAW [--top 25]      # summarise a raw py-spy file

`Spy(pid, path)` starts `py-spy record --format raw --idle` on a process and stops it on
`stop()`; `summary(path)` prints self and inclusive shares per function and per file, idle
(waiting in select/epoll) included, so a wall-clock share is read straight off it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def py_spy() -> str | None:
    here = Path(sys.executable).parent / "py-spy"
    return str(here) if here.exists() else shutil.which("py-spy")


class Spy:
    def __init__(self, pid: int, path: Path, rate: int = 50) -> None:
        exe = py_spy()
        self.path = path
        self.proc = None if exe is None else subprocess.Popen(
            [exe, "record", "--format", "raw", "--idle", "-r", str(rate), "-o", str(path),
             "--pid", str(pid), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _frames(stack: str) -> list[tuple[str, str]]:
    out = []
    for part in stack.split(";"):
        m = FRAME.match(part.strip())
        if m:
            out.append((m["func"], Path(m["file"]).name if m["file"] else "?"))
        else:
            out.append((part.strip(), "?"))
    return out


def summary(path: Path, top: int = 25) -> str:
    self_fn: Counter[str] = Counter()
    incl_fn: Counter[str] = Counter()
    incl_file: Counter[str] = Counter()
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = _frames(stack)
        if not frames:
            continue
        func, file = frames[-1]
        self_fn[f"{func} ({file})"] += n
        for name in {f"{f} ({fl})" for f, fl in frames}:
            incl_fn[name] += n
        for fl in {fl for _, fl in frames}:
            incl_file[fl] += n
    if not total:
        return f"{path}: no samples"
    pct = lambda n: f"{100 * n / total:5.1f}%"  # noqa: E731
    lines = [f"{path.name}: {total} samples"]
    lines.append("  self:")
    lines += [f"    {pct(n)} {name}" for name, n in self_fn.most_common(top)]
    lines.append("  inclusive (function):")
    lines += [f"    {pct(n)} {name}" for name, n in incl_fn.most_common(top)]
    lines.append("  inclusive (file):")
    lines += [f"    {pct(n)} {name}" for name, n in incl_file.most_common(top)]
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("raw", type=Path, nargs="+")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    for p in a.raw:
        print(summary(p, a.top))
