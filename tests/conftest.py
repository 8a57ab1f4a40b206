"""Shared fixtures: a real MongoDB-wire server for the whole session, a fresh database per test.

Set SALES_AGENT_MONGODB_URI to run the same suite against a real MongoDB instead.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.store.embedded import ensure_embedded

ROOT = Path(__file__).resolve().parents[1]

# Every module in tests/fixtures/ is a plugin: each area (mail, telegram, llm, browser) keeps its
# servers and fixtures there, in its own file.
pytest_plugins = sorted(
    f"tests.fixtures.{p.stem}" for p in (Path(__file__).parent / "fixtures").glob("[!_]*.py")
)
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def mongo_uri() -> Iterator[str]:
    given = os.environ.get("SALES_AGENT_MONGODB_URI")
    if given:
        yield given
        return
    server = ensure_embedded(Path(tempfile.mkdtemp(prefix="sa-mongo-")))
    yield server.uri
    server.stop()


@pytest.fixture
def settings_env(mongo_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for a subprocess or `load_settings`: its own database and data dir."""
    env = {
        "SALES_AGENT_MONGODB_URI": mongo_uri,
        "SALES_AGENT_MONGODB_DB": "t_" + secrets.token_hex(4),
        "SALES_AGENT_DATA_DIR": str(tmp_path / "data"),
        "SALES_AGENT_REPLY_DELAY_SECONDS": "0",  # a human pace is for leads, not for tests
        "SALES_AGENT_POLL_SECONDS": "0.05",  # `--until-idle` ends sooner; nothing else changes
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


@pytest.fixture
async def store(settings_env: dict[str, str]) -> AsyncIterator[Store]:
    s = await Store.open(load_settings())
    yield s
    await s.client.drop_database(s.db.name)
    await s.close()


def random_ref(prefix: str = "x") -> str:
    return f"{prefix}-{secrets.token_hex(3)}"
