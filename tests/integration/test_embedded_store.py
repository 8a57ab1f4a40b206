"""The embedded nx-27017 server: started under the data dir, reused by a second process,
stopped by its owner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sales_agent.errors import ConfigError, StoreError
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.store.embedded import ensure_embedded


@pytest.fixture
def data_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="sa-embedded-"))


class TestEmbeddedServer:
    def test_starts_records_and_stops(self, data_dir: Path) -> None:
        server = ensure_embedded(data_dir)
        record = json.loads((data_dir / "mongo" / "server.json").read_text())
        assert server.owned and str(record["port"]) in server.uri
        server.stop()
        assert not (data_dir / "mongo" / "server.json").exists()

    def test_second_user_reuses_the_running_server(self, data_dir: Path) -> None:
        first = ensure_embedded(data_dir)
        try:
            second = ensure_embedded(data_dir)
            assert second.uri == first.uri and not second.owned
        finally:
            first.stop()

    def test_stale_record_of_a_dead_server_is_replaced(self, data_dir: Path) -> None:
        (data_dir / "mongo").mkdir(parents=True)
        (data_dir / "mongo" / "server.json").write_text('{"port": 1, "pid": 999999}')
        server = ensure_embedded(data_dir)
        try:
            assert server.owned
        finally:
            server.stop()

    async def test_data_survives_a_restart(self, data_dir: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("SALES_AGENT_MONGODB_URI", raising=False)
        settings = load_settings(data_dir=data_dir)
        async with await Store.open(settings) as store:
            await store.db.probe.insert_one({"_id": "kept"})
        async with await Store.open(settings) as store:
            assert await store.db.probe.find_one({"_id": "kept"}) == {"_id": "kept"}


class TestSettings:
    def test_bad_port_is_one_clear_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SALES_AGENT_SMTP_PORT", "99999")
        with pytest.raises(ConfigError, match="SALES_AGENT_SMTP_PORT"):
            load_settings()

    def test_bad_uri_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SALES_AGENT_MONGODB_URI", "http://nope")
        with pytest.raises(ConfigError, match="SALES_AGENT_MONGODB_URI"):
            load_settings()

    def test_console_off_loopback_needs_a_password(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SALES_AGENT_CONSOLE_HOST", "0.0.0.0")
        with pytest.raises(ConfigError, match="PASSWORD"):
            load_settings()

    async def test_unreachable_mongodb_is_a_store_error(self) -> None:
        settings = load_settings(mongodb_uri="mongodb://127.0.0.1:1/")
        with pytest.raises(StoreError, match="cannot reach MongoDB"):
            await Store.open(settings.model_copy(update={}))


def test_cli_reuses_the_server_of_a_running_agent(data_dir: Path) -> None:
    """`contacts add` while another process owns the embedded store connects to it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALES_AGENT_")}
    env["SALES_AGENT_DATA_DIR"] = str(data_dir)
    owner = ensure_embedded(data_dir)
    try:
        cli = [sys.executable, "-m", "sales_agent.cli", "contacts", "add", "--name", "Анна",
               "--email", "anna@example.com"]
        out = subprocess.run(cli, env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert json.loads((data_dir / "mongo" / "server.json").read_text())["pid"] \
            == owner.process.pid  # type: ignore[union-attr]
    finally:
        owner.stop()
