"""`sales-agent init` builds the Russian and the English deck when the folder has none."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli_admin import cli


def test_init_builds_both_decks_once(settings_env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "attachments"
    env = {**settings_env, "SALES_AGENT_ATTACHMENTS_DIR": str(folder)}
    out = cli(env, "init")
    assert out.returncode == 0, out.stderr
    decks = {p.name: p.read_bytes() for p in folder.glob("*.pdf")}
    assert sorted(decks) == ["presentation.pdf", "presentation_en.pdf"]
    assert all(pdf.startswith(b"%PDF-") for pdf in decks.values())
    (folder / "presentation.pdf").write_bytes(b"%PDF-1.4 the operator's own deck")
    assert cli(env, "init").returncode == 0
    assert (folder / "presentation.pdf").read_bytes() == b"%PDF-1.4 the operator's own deck"
