"""The deployment files: one compose service per role, the official mongo image, settings from
.env; `docker compose config` (or v1 `docker-compose config`) accepts the file where installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from sales_agent.cli.run import ROLES

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_every_role_has_a_service_and_mongo_is_the_official_image() -> None:
    services = compose()["services"]
    assert services["mongo"]["image"].startswith("mongo:")
    for role in set(ROLES) - {"all"}:
        assert services[role]["command"] == ["run", "--role", role]
        assert services[role]["env_file"] == "../.env"


def test_the_console_outside_loopback_is_only_published_on_loopback() -> None:
    console = compose()["services"]["console"]
    assert console["ports"] == ["127.0.0.1:8000:8000"]


def test_the_image_runs_as_a_user_and_starts_the_cli() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "USER agent" in dockerfile and 'ENTRYPOINT ["sales-agent"]' in dockerfile


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="docker-compose not installed")
def test_compose_config_passes(tmp_path: Path) -> None:
    env = DEPLOY.parent / ".env"
    created = not env.exists()
    if created:
        env.write_text("")
    try:
        out = subprocess.run(["docker-compose", "-f", str(DEPLOY / "compose.yaml"), "config",
                              "-q"], capture_output=True, text=True, timeout=60)
    finally:
        if created:
            env.unlink()
    assert out.returncode == 0, out.stderr
