"""Reading an operator's CSV: Excel's cp1251 or UTF-8 (with BOM), comma or semicolon."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError


@dataclass
class CsvTable:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (line, row)
    errors: list[tuple[int, str]] = field(default_factory=list)


def decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("the file is neither UTF-8 nor Windows-1251 text")


def read_csv_rows(path: str | Path, *, required: Iterable[str],
                  known: Iterable[str] | None = None,
                  aliases: dict[str, str] | None = None) -> CsvTable:
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from None
    text = decode(raw)
    if not text.strip():
        raise InputError(f"{path} is empty")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_column(h, aliases) for h in next(reader)]
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s): {', '.join(missing)}; "
                         f"found: {', '.join(header)}")
    table = CsvTable(columns=header)
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            table.errors.append((line, f"{len(values)} fields, the header has {len(header)}"))
            continue
        row = {h: v.strip() for h, v in zip(header, values, strict=False)}
        if known is not None:
            row = {k: v for k, v in row.items() if k in set(known)}
        table.rows.append((line, row))
    return table


def _column(name: str, aliases: dict[str, str] | None) -> str:
    key = name.strip().lower()
    return (aliases or {}).get(key, key)
