"""A CSV of a company's reviews -> the `reviews` collection, in batches, without duplicates.

Each review's `_id` is a hash of its normalised content (plus its occurrence number inside the
file, so two identical reviews in one file both count), so importing the same file again — or the
same reviews re-exported as cp1251 with other date formats — adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..service.csvread import read_csv_rows
from ..store import Store
from ..store.timeutil import now_utc
from .fields import (
    ALIASES,
    COLUMNS,
    company_key,
    parse_date,
    parse_rating,
    parse_sentiment,
    sentiment_from_rating,
)

BATCH = 1000

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    rows: int = 0  # good rows in the file
    added: int = 0
    skipped: int = 0  # already in the store
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    companies: dict[str, str] = field(default_factory=dict)  # company_key -> name as written


def parse_reviews(path: str | Path, *, company: str | None = None,
                  ) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """Good rows as store documents and bad rows as (line, reason). `company` overrides the
    file's company column (the reviews of one contact's company)."""
    table = read_csv_rows(path, required=(), known=COLUMNS, aliases=ALIASES)
    if "rating" not in table.columns and "sentiment" not in table.columns:
        raise InputError(f"{path}: needs a rating or a sentiment column; "
                         f"found: {', '.join(table.columns)}")
    if company is None and "company" not in table.columns:
        raise InputError(f"{path}: needs a company column (or give --contact)")
    docs: list[dict[str, Any]] = []
    bad = list(table.errors)
    seen: Counter[str] = Counter()
    source = Path(path).name
    for line, row in table.rows:
        try:
            doc = _document(row, company)
        except ValueError as e:
            bad.append((line, str(e)))
            continue
        digest = _digest(doc)
        seen[digest] += 1
        doc["_id"] = f"{digest}-{seen[digest]}" if seen[digest] > 1 else digest
        doc["source"] = source
        docs.append(doc)
    bad.sort()
    return docs, bad


def _document(row: dict[str, str], company: str | None) -> dict[str, Any]:
    name = company if company is not None else row.get("company", "")
    key = company_key(name)
    if not key:
        raise ValueError("no company")
    rating = parse_rating(row.get("rating", ""))
    sentiment = parse_sentiment(row.get("sentiment", ""))
    if sentiment is None:
        if rating is None:
            raise ValueError("neither a rating nor a sentiment")
        sentiment = sentiment_from_rating(rating)
    raw_date = row.get("date", "")
    try:
        day = parse_date(raw_date).isoformat() if raw_date else None
    except ValueError:
        raise ValueError(f"unreadable date {raw_date!r}") from None
    return {
        "company": " ".join(name.split()), "company_key": key,
        "marketplace": " ".join(row.get("marketplace", "").split()),
        "product": " ".join(row.get("product", "").split()),
        "date": day, "author": row.get("author", ""), "rating": rating,
        "sentiment": sentiment, "topic": " ".join(row.get("topic", "").split()).lower(),
        "text": row.get("text", ""),
    }


def _digest(doc: dict[str, Any]) -> str:
    parts = [str(doc[k]) for k in ("company_key", "marketplace", "product", "date", "author",
                                   "rating", "sentiment", "topic", "text")]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


async def import_reviews(store: Store, path: str | Path, *, contact: str | None = None,
                         progress: Progress | None = None, batch: int = BATCH) -> ImportReport:
    """Load a reviews CSV; `contact` (id, email or @handle) ties every row to its company."""
    extra: dict[str, Any] = {}
    company = None
    if contact is not None:
        lead = await store.contacts.get(contact)
        if not company_key(lead.company):
            raise InputError(f"contact {contact!r} has no company to attach reviews to")
        company, extra["contact_id"] = lead.company, lead.id
    docs, bad = parse_reviews(path, company=company)
    report = ImportReport(rows=len(docs), bad=bad)
    report.companies = {d["company_key"]: d["company"] for d in docs}
    imported_at = now_utc().timestamp()
    added: Counter[str] = Counter()
    for start in range(0, len(docs), batch):
        chunk = [{**d, **extra, "imported_at": imported_at} for d in docs[start:start + batch]]
        added.update(await store.reviews.insert_new(chunk))
        if progress:
            progress(start + len(chunk), len(docs))
    report.added = sum(added.values())
    report.skipped = report.rows - report.added
    # the company's count and version: the service caches facts until `updated_at` moves
    await store.reviews.count_import(added, report.companies, at=imported_at)
    return report
