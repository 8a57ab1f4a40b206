"""What the engine and the console ask of the analytics: a company's facts (with its chart)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from ..settings import get_settings
from ..store import Store
from ..store import constants as c
from .facts import CompanyFacts
from .fields import company_key
from .importer import REVIEW_COMPANIES
from .stats import compute_facts

_FIELDS = {"_id": 0, "company": 1, "marketplace": 1, "product": 1, "date": 1, "sentiment": 1,
           "topic": 1, "text": 1}


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
    facts = await _cached_facts(store, company_key(company))
    if facts is None:
        return None
    if not chart:
        return facts
    where = charts_dir or get_settings().data_dir / "charts"
    from .charts import render_company_chart  # matplotlib loads only when a chart is drawn

    path = await asyncio.to_thread(render_company_chart, facts, where)
    return replace(facts, chart=path)


# (database, company_key) -> (version, facts). Reading 100k reviews takes seconds on the
# embedded store; the version (count, last import) changes whenever an import adds reviews.
_CACHE: dict[tuple[str, str], tuple[tuple[object, ...], CompanyFacts]] = {}
_CACHE_SIZE = 64


async def _cached_facts(store: Store, key: str) -> CompanyFacts | None:
    if not key:
        return None
    meta = await store.db[REVIEW_COMPANIES].find_one({"_id": key})
    where = (f"{store.address}/{store.db.name}", key)
    version = (meta.get("reviews"), meta.get("updated_at")) if meta else None
    cached = _CACHE.get(where)
    if version is not None and cached and cached[0] == version:
        return cached[1]
    rows = await company_rows(store, key)
    if not rows:
        return None
    facts = compute_facts(rows)
    if version is not None:  # reviews written by other means are recomputed each time
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[where] = (version, facts)
    return facts


async def companies(store: Store) -> list[dict[str, object]]:
    """[{"company_key", "company", "reviews", "updated_at"}] of every imported company, most
    reviews first (for the console's list)."""
    cursor = store.db[REVIEW_COMPANIES].find({}).sort("reviews", -1)
    return [{"company_key": d.pop("_id"), **d} async for d in cursor]
