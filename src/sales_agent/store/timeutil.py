"""Times in the store are UTC epoch seconds (floats).

The embedded wire server stores a datetime given to `$set` as a string, so range queries on it
silently stop matching; a float compares the same on nx-27017 and on a real MongoDB.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_ts(dt: datetime | None) -> float | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def from_ts(ts: float | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(float(ts), UTC)
