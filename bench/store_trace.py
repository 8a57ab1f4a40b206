"""Run the sales-agent CLI while counting its store commands, to see which round trips cost.

    .venv/bin/python bench/store_trace.py OUT.txt run --role all --until-idle ...

Every command the process sends (pymongo command monitoring) is grouped by command, collection
and the shape of its filter (field names and operators, not values); at exit the groups are
written to OUT.txt by total round-trip time, with counts. bench/e2e.py --trace uses it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # bench/email.py

import atexit
import time
from collections import defaultdict
from typing import Any

from pymongo import monitoring


def shape(value: Any, depth: int = 0) -> str:
    if isinstance(value, dict) and depth < 3:
        return "{" + ",".join(f"{k}:{shape(v, depth + 1)}" if k.startswith("$") or
                              isinstance(v, dict) else k for k, v in value.items()) + "}"
    return "?"


class Counter(monitoring.CommandListener):
    def __init__(self) -> None:
        self.begun: dict[int, tuple[str, float]] = {}
        self.totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])

    def label(self, event: monitoring.CommandStartedEvent) -> str:
        cmd = event.command
        name = event.command_name
        coll = cmd.get(name) if isinstance(cmd.get(name), str) else ""
        if name in ("find", "count", "delete", "aggregate"):
            what = shape(cmd.get("filter") or cmd.get("query") or cmd.get("pipeline") or {})
            if cmd.get("sort"):
                what += " sort " + ",".join(cmd["sort"])
            if cmd.get("limit"):
                what += f" limit {cmd['limit']}"
        elif name == "update":
            what = ";".join(shape(u.get("q")) + " " + shape(u.get("u"))
                            for u in cmd.get("updates", [])[:1])
        elif name == "findAndModify":
            what = shape(cmd.get("query")) + " " + shape(cmd.get("update"))
        elif name == "insert":
            what = f"{len(cmd.get('documents', []))} doc(s)"
        else:
            what = ""
        return f"{name} {coll} {what}"

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.begun[event.request_id] = (self.label(event), time.perf_counter())

    def _end(self, event: Any) -> None:
        label, t0 = self.begun.pop(event.request_id, ("?", time.perf_counter()))
        total = self.totals[label]
        total[0] += 1
        total[1] += time.perf_counter() - t0

    succeeded = _end
    failed = _end

    def write(self, path: Path) -> None:
        rows = sorted(self.totals.items(), key=lambda kv: -kv[1][1])
        n = sum(v[0] for v in self.totals.values())
        s = sum(v[1] for v in self.totals.values())
        lines = [f"{n} commands, {s:.1f} s of round trips in all"]
        lines += [f"{t:8.2f} s {c:7d}x {1000 * t / c:7.2f} ms  {label}" for label, (c, t) in rows]
        path.write_text("\n".join(lines) + "\n")


def main() -> None:
    out = Path(sys.argv[1])
    counter = Counter()
    monitoring.register(counter)
    atexit.register(counter.write, out)
    sys.argv = ["sales-agent", *sys.argv[2:]]
    from sales_agent.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
