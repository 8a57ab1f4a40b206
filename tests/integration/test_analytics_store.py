"""Reviews into the real wire store: the sample's numbers, re-import, contacts, charts, funnel."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from sales_agent.analytics.format import format_share
from sales_agent.analytics.funnel import funnel
from sales_agent.analytics.importer import import_reviews
from sales_agent.analytics.service import companies, company_facts
from sales_agent.domain.model import Channel, Direction, Intent, Message, Status
from sales_agent.service.contacts import add_contact
from sales_agent.store import Store
from sales_agent.store import constants as c
from tests.conftest import SHARED, random_ref

SAMPLE = SHARED / "samples" / "reviews.csv"
CAPSULES = "Капсулы Лунго 10 шт"


def _count_by_hand(product: str) -> tuple[int, int, int]:
    """(reviews, negative, negative about packaging) of one product, straight from the CSV."""
    rows = [r for r in csv.DictReader(SAMPLE.open(encoding="utf-8")) if r["product"] == product]
    negative = [r for r in rows if r["sentiment"] == "negative"]
    return len(rows), len(negative), sum(r["topic"] == "упаковка" for r in negative)


class TestImportSample:
    async def test_numbers_match_the_file_exactly(self, store: Store, tmp_path: Path) -> None:
        report = await import_reviews(store, SAMPLE)
        assert (report.added, report.skipped, report.bad) == (720, 0, [])
        facts = await company_facts(store, "ООО «Кофейная компания Бодрое утро»",
                                    charts_dir=tmp_path)
        assert facts is not None and facts.reviews == 720
        worst = facts.products[0]
        reviews, negative, packaging = _count_by_hand(CAPSULES)
        assert (worst.product, worst.reviews, worst.negative) == (CAPSULES, reviews, negative)
        assert worst.top_topic == "упаковка" and worst.top_topic_count == packaging
        assert format_share(worst.negative_share) == f"{round(100 * negative / reviews)}\u00a0%"
        assert facts.chart is not None and facts.chart.read_bytes()[:4] == b"\x89PNG"

    async def test_reimport_adds_nothing(self, store: Store) -> None:
        await import_reviews(store, SAMPLE)
        done: list[tuple[int, int]] = []
        again = await import_reviews(store, SAMPLE, batch=250,
                                     progress=lambda n, total: done.append((n, total)))
        assert (again.added, again.skipped) == (0, 720)
        assert await store.db[c.REVIEWS].count_documents({}) == 720
        assert done[-1] == (720, 720) and len(done) == 3
        assert [(x["company_key"], x["reviews"]) for x in await companies(store)] == [
            ("кофейная компания бодрое утро", 720)]

    async def test_facts_are_recomputed_when_an_import_adds_reviews(self, store: Store,
                                                                    tmp_path: Path) -> None:
        path = tmp_path / "a.csv"
        path.write_text("company,product,rating\nA,p,1\nA,p,5\n", "utf-8")
        await import_reviews(store, path)
        first = await company_facts(store, "A", chart=False)
        assert await company_facts(store, "A", chart=False) is first  # cached
        path.write_text("company,product,rating\nA,p,1\nA,p,2\n", "utf-8")  # one new row
        await import_reviews(store, path)
        again = await company_facts(store, "A", chart=False)
        assert (first.reviews, first.negative, again.reviews, again.negative) == (2, 1, 3, 2)

    async def test_unknown_company_has_no_facts(self, store: Store) -> None:
        await import_reviews(store, SAMPLE)
        assert await company_facts(store, "Сеть пекарен «Колосок»", chart=False) is None


class TestContactLink:
    async def test_reviews_follow_the_contacts_company(self, store: Store, tmp_path: Path):
        lead = await add_contact(store, name="Игорь", company="ООО «Колосок»",
                                 email=f"{random_ref('igor')}@kolosok.example")
        path = tmp_path / "kolosok.csv"
        path.write_text("Товар,Оценка,Тема\nБатон,1,свежесть\nБатон,5,вкус\nБулка,2,цена\n",
                        encoding="utf-8")
        report = await import_reviews(store, path, contact=lead.email)
        assert report.added == 3 and report.companies == {"колосок": "ООО «Колосок»"}
        facts = await company_facts(store, lead.company, chart=False)
        assert facts is not None and facts.negative == 2
        assert [(p.product, p.negative_share) for p in facts.products] == [("Булка", 1.0),
                                                                          ("Батон", 0.5)]
        doc = await store.db[c.REVIEWS].find_one({"product": "Булка"})
        assert doc["contact_id"] == lead.id


class TestChart:
    async def test_chart_is_reused_until_the_numbers_change(self, store: Store, tmp_path: Path):
        path = tmp_path / "r.csv"
        path.write_text("company,product,rating,topic\nA,p,1,цена\nA,p,5,вкус\n", "utf-8")
        await import_reviews(store, path)
        first = await company_facts(store, "A", charts_dir=tmp_path / "charts")
        again = await company_facts(store, "A", charts_dir=tmp_path / "charts")
        assert first.chart == again.chart
        path.write_text("company,product,rating,topic\nA,q,2,цена\n", "utf-8")
        await import_reviews(store, path)
        changed = await company_facts(store, "A", charts_dir=tmp_path / "charts")
        assert changed.chart != first.chart and changed.chart.exists()
        assert list((tmp_path / "charts").glob("*.png")) == [changed.chart]


class TestFunnel:
    async def test_counts_contacts_replies_intents_and_channels(self, store: Store) -> None:
        leads = [await add_contact(store, name=f"L{i}", email=f"{random_ref('l')}@x.example")
                 for i in range(3)]
        await store.contacts.update(leads[2].id, status=Status.DEMO)
        at = datetime(2026, 11, 20, tzinfo=UTC)
        plan = [(leads[0], Direction.OUT, Channel.EMAIL, None),
                (leads[0], Direction.IN, Channel.EMAIL, Intent.PRESENTATION),
                (leads[1], Direction.OUT, Channel.TELEGRAM, None),
                (leads[2], Direction.OUT, Channel.EMAIL, None),
                (leads[2], Direction.IN, Channel.EMAIL, Intent.DEMO)]
        for i, (lead, direction, channel, intent) in enumerate(plan):
            await store.messages.record(Message(
                id=random_ref(f"m{i}"), contact_id=lead.id, direction=direction,
                channel=channel, text="…", at=at, intent=intent))
        figures = await funnel(store)
        assert (figures["contacts"], figures["contacted"], figures["replied"]) == (3, 3, 2)
        assert figures["statuses"]["new"] == 2 and figures["statuses"]["demo"] == 1
        assert figures["intents"] == {"demo": 1, "presentation": 1}
        assert figures["channels"] == {"email": {"in": 2, "out": 2},
                                       "telegram": {"in": 0, "out": 1}}
        assert figures["stages"] == [("contacts", 3), ("contacted", 3), ("replied", 2),
                                     ("presentation", 1), ("demo", 1)]
