"""What the engine and the console ask of the analytics: a company's facts (with its chart)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from ..settings import get_settings
from ..store import Store
from ..store import constants as c
from .charts import render_company_chart
from .facts import CompanyFacts
from .fields import company_key
from .stats import compute_facts

_FIELDS = {"_id": 0, "company": 1, "marketplace": 1, "product": 1, "date": 1, "sentiment": 1,
           "topic": 1}


async def company_rows(store: Store, company: str) -> list[dict[str, object]]:
    key = company_key(company)
    if not key:
        return []
    return [d async for d in store.db[c.REVIEWS].find({"company_key": key}, _FIELDS)]


async def company_facts(store: Store, company: str, *, chart: bool = True,
                        charts_dir: Path | None = None) -> CompanyFacts | None:
    """Facts about the reviews of `company` (matched by company_key), or None if it has none.

    With `chart`, the PNG is drawn (or reused if the numbers have not changed) under
    `data_dir/charts` and its path set on `chart`.
    """
    rows = await company_rows(store, company)
    if not rows:
        return None
    facts = compute_facts(rows)
    if not chart:
        return facts
    where = charts_dir or get_settings().data_dir / "charts"
    path = await asyncio.to_thread(render_company_chart, facts, where)
    return replace(facts, chart=path)


async def companies(store: Store) -> list[tuple[str, int]]:
    """(company_key, reviews) of every company with reviews, most reviews first."""
    collection = store.db[c.REVIEWS]
    keys = await collection.distinct("company_key")
    counts = [(k, await collection.count_documents({"company_key": k})) for k in keys]
    return sorted(counts, key=lambda kv: (-kv[1], kv[0]))
