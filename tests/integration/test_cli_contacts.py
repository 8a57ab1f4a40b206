"""The contacts CLI end to end, as an operator (or a script) runs it: subprocesses, real store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import SHARED


def cli(env: dict[str, str], *args: str, stdin: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "sales_agent.cli", *args], env=full,
                          capture_output=True, text=True, timeout=120, input=stdin)


class TestContactsCli:
    def test_add_then_show_json(self, settings_env: dict[str, str]) -> None:
        added = cli(settings_env, "contacts", "add", "--name", "Ольга", "--company", "Бодрое утро",
                    "--email", "Olga@Bodroe.example", "--product", "Капсулы", "--product", "Кофе")
        assert added.returncode == 0, added.stderr
        contact_id = added.stdout.strip()
        shown = cli(settings_env, "contacts", "show", "olga@bodroe.example", "--json")
        doc = json.loads(shown.stdout)
        assert doc["id"] == contact_id and doc["products"] == ["Капсулы", "Кофе"]
        assert doc["status"] == "new" and doc["messages"] == []

    def test_duplicate_is_one_line_and_exit_1(self, settings_env: dict[str, str]) -> None:
        args = ("contacts", "add", "--name", "A", "--telegram", "@dup_handle")
        assert cli(settings_env, *args).returncode == 0
        again = cli(settings_env, *args)
        assert again.returncode == 1
        assert again.stderr.strip().count("\n") == 0 and "already exists" in again.stderr

    def test_unknown_key_is_one_line(self, settings_env: dict[str, str]) -> None:
        out = cli(settings_env, "contacts", "show", "nobody@example.com")
        assert out.returncode == 1 and "no contact" in out.stderr

    def test_import_of_the_sample_adds_good_rows_and_reports_bad(
            self, settings_env: dict[str, str]) -> None:
        out = cli(settings_env, "contacts", "import", str(SHARED / "samples" / "contacts.csv"))
        assert out.returncode == 0, out.stderr
        assert "added 3, rejected 2" in out.stdout
        assert "line 5" in out.stderr and "line 6" in out.stderr
        listed = json.loads(cli(settings_env, "contacts", "list", "--json").stdout)
        assert sorted(c["name"] for c in listed) == ["Anna Berg", "Игорь Лебедев",
                                                     "Ольга Смирнова"]

    def test_import_reads_excel_cp1251_with_semicolons(self, settings_env: dict[str, str],
                                                       tmp_path: Path) -> None:
        path = tmp_path / "excel.csv"
        path.write_bytes("name;company;email\nПётр;ООО «Ромашка»;petr@romashka.example\n"
                         .encode("cp1251"))
        out = cli(settings_env, "contacts", "import", str(path))
        assert "added 1, rejected 0" in out.stdout
        shown = json.loads(cli(settings_env, "contacts", "show", "petr@romashka.example",
                               "--json").stdout)
        assert shown["company"] == "ООО «Ромашка»"

    def test_import_without_a_name_column_is_refused(self, settings_env: dict[str, str],
                                                     tmp_path: Path) -> None:
        path = tmp_path / "bad.csv"
        path.write_text("company,email\nX,x@example.com\n")
        out = cli(settings_env, "contacts", "import", str(path))
        assert out.returncode == 1 and "missing column" in out.stderr

    def test_reset_and_list_by_status(self, settings_env: dict[str, str]) -> None:
        cli(settings_env, "contacts", "add", "--name", "B", "--email", "b@example.com")
        assert cli(settings_env, "contacts", "reset", "b@example.com").returncode == 0
        listed = json.loads(cli(settings_env, "contacts", "list", "--status", "new",
                                "--json").stdout)
        assert [c["email"] for c in listed] == ["b@example.com"]


def test_two_processes_adding_the_same_email_exactly_one_wins(
        settings_env: dict[str, str]) -> None:
    args = ("contacts", "add", "--name", "Race", "--email", "race@example.com")
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: cli(settings_env, *args), range(4)))
    assert sorted(r.returncode for r in results) == [0, 1, 1, 1]
    listed = json.loads(cli(settings_env, "contacts", "list", "--json").stdout)
    assert len(listed) == 1
