"""Reply writer figures: knowledge-base load, draft time per kind (template + guard), guard alone,
presentation build. Run: .venv/bin/python bench/writer.py"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

# As a script, bench/ is sys.path[0] and bench/email.py would shadow the stdlib: use the root.
sys.path[0] = str(Path(__file__).resolve().parents[1])

from tests.fixtures.llm import coffee_facts, make_contact

from sales_agent.brain.guard import check_outgoing
from sales_agent.brain.knowledge import KnowledgeBase
from sales_agent.brain.presentation import build
from sales_agent.brain.writer import KINDS, ReplyWriter, WriteContext
from sales_agent.settings import load_settings


def pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(q * len(xs)))] * 1000


async def main() -> None:
    settings = load_settings()
    t = time.perf_counter()
    kb = KnowledgeBase.load(settings.knowledge_dir)
    kb.answer("сколько стоит", "ru")  # loads pymorphy3
    print(f"knowledge base load + first answer: {(time.perf_counter() - t) * 1000:.0f} ms")
    writer = ReplyWriter(settings, kb)
    ctx = WriteContext(contact=make_contact(products=["Капсулы Лунго 10 шт"]),
                       facts=coffee_facts(), lead_text="Сколько стоит и есть ли API?")
    for kind in KINDS:  # warm the template cache
        await writer.write(kind, ctx)
    times: list[float] = []
    for _ in range(50):
        for kind in KINDS:
            t = time.perf_counter()
            d = await writer.write(kind, ctx)
            times.append(time.perf_counter() - t)
    print(f"write (template + guard + html), {len(times)} drafts: "
          f"p50 {pct(times, .5):.2f} ms, p95 {pct(times, .95):.2f} ms")
    allowed = kb.facts_text()
    g: list[float] = []
    for _ in range(500):
        t = time.perf_counter()
        check_outgoing(d.text, allowed=allowed)
        g.append(time.perf_counter() - t)
    print(f"guard alone on a {len(d.text)}-char draft: p50 {statistics.median(g) * 1000:.2f} ms")
    t = time.perf_counter()
    build(kb, settings, Path(tempfile.mkdtemp()) / "p.pdf")
    print(f"presentation build (6 pages): {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
