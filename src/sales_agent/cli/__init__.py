"""`sales-agent`: a thin shell over the use cases. Each command group lives in its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="sales-agent", no_args_is_help=True, add_completion=False,
    help="Napoleon IT «Отзывы» sales agent.", pretty_exceptions_enable=False,
)

# Each module registers its commands on `app` when imported.
_COMMAND_MODULES = ("contacts", "run", "classify", "parse_email", "analytics", "sandbox", "admin",
                    "telegram", "brain")
for _name in _COMMAND_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as e:  # a channel or feature not built yet
        if e.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    app()
