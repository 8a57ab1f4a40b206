"""`sales-agent analytics import|show`: a lead's own reviews, and what we would tell them."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..analytics.facts import CompanyFacts
from ..analytics.format import format_share
from ..analytics.importer import import_reviews
from ..analytics.service import company_facts
from ..errors import InputError
from . import app
from ._common import configure_logging, console, err_console, open_store, run_async

analytics_app = typer.Typer(help="A lead's review analytics: import, show.", no_args_is_help=True)
app.add_typer(analytics_app, name="analytics")
_SHOWN_BAD = 20


@analytics_app.command("import")
def import_(file: Path = typer.Argument(..., help="CSV of reviews (samples/reviews.csv format)"),
            contact: str | None = typer.Option(
                None, "--contact", help="id, email or @handle: the reviews are of its company"),
            ) -> None:
    """Load a company's reviews; prints what was added and each company's numbers."""
    configure_logging()

    async def _import():
        async with open_store() as store:
            with Progress(TextColumn("reviews"), BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), console=err_console, transient=True) as bar:
                task = bar.add_task("import", total=None)
                report = await import_reviews(
                    store, file, contact=contact,
                    progress=lambda done, total: bar.update(task, completed=done, total=total))
            facts = [await company_facts(store, name, chart=False)
                     for name in report.companies.values()]
            return report, [f for f in facts if f]

    report, facts = run_async(_import)
    for line, reason in report.bad[:_SHOWN_BAD]:
        err_console.print(f"[yellow]line {line}:[/yellow] {reason}", highlight=False)
    if len(report.bad) > _SHOWN_BAD:
        err_console.print(f"… and {len(report.bad) - _SHOWN_BAD} more bad rows")
    console.print(f"added {report.added}, skipped {report.skipped} (already imported), "
                  f"bad {len(report.bad)}", highlight=False)
    for f in facts:
        _print_facts(f)
    if not report.rows and report.bad:
        raise typer.Exit(1)


@analytics_app.command("show")
def show(company: str = typer.Argument(..., help="company name as in the contact or the CSV")
         ) -> None:
    """A company's numbers and the path of its chart."""
    configure_logging()

    async def _show():
        async with open_store() as store:
            found = await company_facts(store, company)
            if found is None:
                raise InputError(f"no reviews for {company!r}")
            return found

    facts = run_async(_show)
    _print_facts(facts)
    console.print(f"chart: {facts.chart}", highlight=False)


def _print_facts(f: CompanyFacts) -> None:
    period = f"{f.period[0]} — {f.period[1]}" if f.period else "no dates"
    console.print(f"\n[bold]{f.company}[/bold]: {f.reviews} reviews ({period}); negative "
                  f"{format_share(f.negative_share)}, neutral {format_share(f.neutral_share)}, "
                  f"positive {format_share(f.positive_share)}", highlight=False)
    table = Table("product", "reviews", "negative", "top complaint", title="Worst products")
    for p in f.products[:5]:
        topic = f"{p.top_topic} ({format_share(p.top_topic_share)})" if p.top_topic else ""
        table.add_row(p.product, str(p.reviews), format_share(p.negative_share), topic)
    if f.products:
        console.print(table)
