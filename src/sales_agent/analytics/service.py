"""What the engine and the console ask of the analytics: a company's facts (with its chart)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from ..settings import get_settings
from ..store import Store
from .facts import CompanyFacts
from .fields import company_key
from .stats import compute_facts

_FIELDS = ("company", "marketplace", "product", "date", "sentiment", "topic", "text")


async def company_rows(store: Store, company: str) -> list[dict[str, object]]:
    key = company_key(company)
    if not key:
        return []
    return await store.reviews.rows(key, _FIELDS)


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
    version = await store.reviews.version(key)
    where = (store.location, key)
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
    return await store.reviews.companies_by_size()
