"""Email channel figures: parse time per message over the corpus, and the time from an SMTP
submission to the IncomingMessage yielded by EmailChannel.receive (IDLE) on loopback, real Dovecot.
    .venv/bin/python bench/email.py [--n 50] [--rounds 20]"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named email.py: keep its folder off sys.path so `import email` finds the stdlib.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

import argparse
import asyncio
import platform
import shutil
import statistics
import tempfile
import time

from rich.console import Console
from rich.progress import Progress
from tests.fixtures.mail import MailServer

from sales_agent.channels.email import EmailChannel, parse_email
from sales_agent.channels.email.imap import ImapConfig
from sales_agent.channels.email.smtp import SmtpConfig

CORPUS = HERE.parent / "tests" / "data" / "emails"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_parse(rounds: int, progress: Progress) -> dict[str, float]:
    raws = [p.read_bytes() for p in sorted(CORPUS.glob("*.eml"))]
    task = progress.add_task(f"parse {len(raws)} mails x {rounds}", total=rounds)
    times = []
    for _ in range(rounds):
        for raw in raws:
            t0 = time.perf_counter()
            parse_email(raw)
            times.append((time.perf_counter() - t0) * 1000)
        progress.advance(task)
    return {"mails": len(raws), "mean": statistics.mean(times), "p50": pct(times, 0.5),
            "p95": pct(times, 0.95), "max": max(times)}


async def bench_idle(n: int, progress: Progress) -> dict[str, float]:
    root = Path(tempfile.mkdtemp(prefix="bench-mail-"))
    root.chmod(0o755)
    server = MailServer(root)
    server.start()
    try:
        agent, lead = server.add_user(), server.add_user()
        channel = EmailChannel(
            SmtpConfig(server.host, server.ports["smtp"], agent.address, agent.password, "none"),
            ImapConfig(server.host, server.ports["imap"], agent.address, agent.password, "none"),
            from_email=agent.address)
        stream = channel.receive()
        await asyncio.to_thread(server.send, lead, agent.address, "warm-up", "warm-up")
        await channel.acknowledge(await anext(stream))
        task = progress.add_task(f"SMTP -> yielded, {n} mails", total=n)
        latencies = []
        for i in range(n):
            t0 = time.perf_counter()
            await asyncio.to_thread(server.send, lead, agent.address, f"Re: {i}", f"reply {i}")
            msg = await asyncio.wait_for(anext(stream), 60)
            latencies.append((time.perf_counter() - t0) * 1000)
            assert msg.text == f"reply {i}", msg.text
            await channel.acknowledge(msg)
            progress.advance(task)
        await stream.aclose()
        await channel.close()
        return {"n": n, "p50": pct(latencies, 0.5), "p95": pct(latencies, 0.95),
                "max": max(latencies)}
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    console = Console()
    with Progress(console=console, transient=True) as progress:
        parse = bench_parse(args.rounds, progress)
        idle = asyncio.run(bench_idle(args.n, progress))
    console.print(f"machine: {platform.machine()}, {platform.python_version()}")
    console.print(f"parse_email over {parse['mails']} corpus mails: mean {parse['mean']:.2f} ms, "
                  f"p50 {parse['p50']:.2f} ms, p95 {parse['p95']:.2f} ms, "
                  f"max {parse['max']:.2f} ms")
    console.print(f"SMTP submit -> IncomingMessage via IDLE, n={idle['n']}: "
                  f"p50 {idle['p50']:.0f} ms, p95 {idle['p95']:.0f} ms, max {idle['max']:.0f} ms")


if __name__ == "__main__":
    main()
