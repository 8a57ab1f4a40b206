"""`sales-agent analytics import` as an operator runs it: a subprocess on the real store."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHARED

SAMPLE = SHARED / "samples" / "reviews.csv"


def _cli(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from sales_agent.cli import main; main()", "analytics", *args],
        env={**os.environ, **env, "COLUMNS": "160"}, cwd=cwd, capture_output=True, text=True,
        timeout=300,
    )


def test_imports_the_sample_and_prints_the_worst_products(settings_env, tmp_path):
    run = _cli(settings_env, tmp_path, "import", str(SAMPLE))
    assert run.returncode == 0, run.stderr
    assert "added 720, skipped 0 (already imported), bad 0" in run.stdout
    assert "Капсулы Лунго 10 шт" in run.stdout and "31\u00a0%" in run.stdout
    again = _cli(settings_env, tmp_path, "import", str(SAMPLE))
    assert "added 0, skipped 720" in again.stdout


def test_show_draws_the_chart_under_the_data_dir(settings_env, tmp_path):
    _cli(settings_env, tmp_path, "import", str(SAMPLE))
    run = _cli(settings_env, tmp_path, "show", "Кофейная компания Бодрое утро")
    assert run.returncode == 0, run.stderr
    chart = Path(run.stdout.split("chart: ")[1].strip())
    assert chart.parent == Path(settings_env["SALES_AGENT_DATA_DIR"]) / "charts"
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_messy_file_keeps_good_rows_and_names_bad_lines(settings_env, tmp_path):
    messy = tmp_path / "messy.csv"
    messy.write_text(
        "Username;Marketplace;Product Name;Review Date;Sentiment;Topic;Colour;Оценка\n"
        "ivan;Ozon;Капсулы;03.01.2026;;упаковка;red;2\n"
        ";;;;;;;\n"
        "\n"
        "olga;Ozon;Капсулы;31.02.2026;negative;цена;blue;\n"
        "petr;WB;Капсулы;2026-01-05 12:00;positive;вкус;green;5\n"
        "anna;WB;Капсулы;04/01/2026;;;;\n", encoding="cp1251")
    run = _cli(settings_env, tmp_path, "import", str(messy), "--contact", "nobody@x.example")
    assert run.returncode == 1 and "no contact" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    run = _cli(settings_env, tmp_path, "import", str(messy))
    assert run.returncode == 1 and "company" in run.stderr
    messy.write_text(messy.read_text("cp1251").replace("Username;", "Company;Username;")
                     .replace("\nivan", "\nA;ivan").replace("\nolga", "\nA;olga")
                     .replace("\npetr", "\nA;petr").replace("\nanna", "\nA;anna")
                     .replace("\n;;;", "\n;;;;"), encoding="cp1251")
    run = _cli(settings_env, tmp_path, "import", str(messy))
    assert run.returncode == 0, run.stderr
    assert "line 5:" in run.stderr and "31.02.2026" in run.stderr
    assert "line 7:" in run.stderr and "neither a rating nor a sentiment" in run.stderr
    assert "added 2, skipped 0 (already imported), bad 2" in run.stdout


def test_a_large_file_imports_in_many_batches(settings_env, tmp_path):
    # 25 batches of 1,000; the 100k-row speed is bench/analytics.py's to measure
    rnd = random.Random(7)
    big = tmp_path / "big.csv"
    products = [f"Товар {i}" for i in range(40)]
    with big.open("w", encoding="utf-8") as f:
        f.write("company,marketplace,product,date,author,rating,topic,text\n")
        for i in range(25_000):
            f.write(f"Большая компания,Ozon,{rnd.choice(products)},2026-{1 + i % 12:02d}-15,"
                    f"u{i},{rnd.randint(1, 5)},{rnd.choice(['цена', 'вкус'])},отзыв номер {i}\n")
    run = _cli(settings_env, tmp_path, "import", str(big))
    assert run.returncode == 0, run.stderr
    assert "added 25000, skipped 0 (already imported), bad 0" in run.stdout
    assert "Большая компания" in run.stdout and "25000 reviews" in run.stdout
