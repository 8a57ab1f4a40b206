"""Review analytics figures: import rows/s (10k, 100k), batch size, re-import, facts, chart.

    .venv/bin/python bench/analytics.py [--rows 10000 100000]

Runs on a fresh embedded store (nx-27017) in a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from sales_agent.analytics.charts import render_company_chart
from sales_agent.analytics.importer import import_reviews, parse_reviews
from sales_agent.analytics.service import company_facts, company_rows
from sales_agent.analytics.stats import compute_facts
from sales_agent.settings import load_settings
from sales_agent.store import Store

console = Console()
TOPICS = ["упаковка", "доставка", "свежесть", "цена", "вкус"]


def write_csv(path: Path, rows: int, seed: int = 1) -> Path:
    rnd = random.Random(seed)
    products = [f"Товар {i}" for i in range(30)]
    with path.open("w", encoding="utf-8") as f:
        f.write("company,marketplace,product,date,author,rating,sentiment,topic,text\n")
        for i in range(rows):
            rating = rnd.randint(1, 5)
            f.write(f"Компания «Бенч»,{rnd.choice(['Ozon', 'Wildberries'])},"
                    f"{rnd.choice(products)},{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}."
                    f"2026,user {i},{rating},,{rnd.choice(TOPICS)},"
                    f"Отзыв номер {i}: всё хорошо или не очень\n")
    return path


async def timed_import(store: Store, path: Path, rows: int, batch: int) -> float:
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(f"import {rows} (batch {batch})", total=rows)
        start = time.perf_counter()
        report = await import_reviews(store, path, batch=batch,
                                      progress=lambda n, _t: bar.update(task, completed=n))
        took = time.perf_counter() - start
    assert report.added + report.skipped == rows
    return took


async def main(sizes: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-analytics-"))
    store = await Store.open(load_settings(data_dir=tmp / "data", mongodb_uri=None))
    try:
        for rows in sizes:
            path = write_csv(tmp / f"r{rows}.csv", rows)
            start = time.perf_counter()
            parse_reviews(path)
            parse = time.perf_counter() - start
            await store.db.reviews.delete_many({})
            took = await timed_import(store, path, rows, 1000)
            again = await timed_import(store, path, rows, 1000)
            start = time.perf_counter()
            found = await company_rows(store, "Компания «Бенч»")
            fetched = time.perf_counter() - start
            start = time.perf_counter()
            facts = compute_facts(found)
            computed = time.perf_counter() - start
            start = time.perf_counter()
            render_company_chart(facts, tmp / "charts")
            drawn = time.perf_counter() - start
            await company_facts(store, "Компания «Бенч»", chart=False)  # fills the cache
            start = time.perf_counter()
            await company_facts(store, "Компания «Бенч»", chart=False)
            cached = time.perf_counter() - start
            console.print(
                f"{rows:>7} rows: parse {parse:.2f} s; import {took:.2f} s = "
                f"{rows / took:,.0f} rows/s; re-import (all duplicates) {again:.2f} s = "
                f"{rows / again:,.0f} rows/s; facts: fetch {fetched:.2f} s + compute "
                f"{computed:.3f} s; chart {drawn:.2f} s; cached facts {cached * 1000:.1f} ms")
        files = {n: write_csv(tmp / f"b{n}.csv", n, seed=2) for n in (1000, 10_000)}
        for batch in (1, 100, 1000, 5000):
            await store.db.reviews.delete_many({})
            n = 1000 if batch == 1 else 10_000  # one insert per row is slow: fewer rows
            took = await timed_import(store, files[n], n, batch)
            console.print(f"batch {batch:>5}: {n / took:,.0f} rows/s ({n} rows)")
    finally:
        await store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    asyncio.run(main(parser.parse_args().rows))
