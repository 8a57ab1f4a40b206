"""Letters a lead answers, read as a busy owner would: short, specific, new in every touch, in
the lead's language and channel. Every kind × language × channel is rendered to
tests/snapshots/letters/ for reading; `SALES_AGENT_UPDATE_SNAPSHOTS=1` rewrites the files."""

from __future__ import annotations

import csv
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sales_agent.analytics.facts import CompanyFacts
from sales_agent.analytics.stats import compute_facts
from sales_agent.brain import rules, story
from sales_agent.brain.writer import KINDS, TO_MANAGER, Draft, ReplyWriter, WriteContext
from sales_agent.domain.model import Contact
from tests.conftest import SHARED

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots" / "letters"
UPDATE = os.environ.get("SALES_AGENT_UPDATE_SNAPSHOTS") == "1"
COMPANY = "Кофейная компания «Бодрое утро»"
QUESTIONS = {"answer": "С какими маркетплейсами работаете и есть ли интеграция с 1С?",
             "objection": "У нас уже есть сервис для отзывов",
             "redirect_thanks": "Этим занимается Мария Котова, пишите ей: maria@bodroe.example"}
STEPS = [(k, 1) for k in KINDS if k != "followup"] + [("followup", 1), ("followup", 2)]
MEETING = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)  # a booked demo, for demo_confirm


def coffee() -> CompanyFacts:
    with (SHARED / "samples" / "reviews.csv").open(encoding="utf-8") as f:
        return compute_facts(list(csv.DictReader(f)))


def person(name: str = "Смирнова Ольга", *, cid: str = "c1", lang: str = "ru",
           company: str = COMPANY, products: list[str] | None = None,
           email: str | None = "olga@bodroe-utro.example") -> Contact:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    return Contact(id=cid, name=name, company=company, email=email, language=lang,
                   products=products if products is not None else ["Капсулы Лунго 10 шт"],
                   created_at=now, updated_at=now)


@pytest.fixture
def writer(writer_settings, knowledge) -> ReplyWriter:
    s = writer_settings(from_phone="+7 900 123-45-67", from_site="napoleonit.example",
                        from_telegram="@anna_reviews",
                        demo_slots=["2 декабря, 11:00", "3 декабря, 15:00"])
    return ReplyWriter(s, knowledge)


def body_of(d: Draft) -> str:
    """The text without the signature (a chat has none)."""
    return d.text.split("\n\nС уважением,")[0].split("\n\nBest regards,")[0]


def render(d: Draft) -> str:
    out = [f"Subject: {d.subject}", f"Attachments: {', '.join(d.attachments) or '-'}"]
    if d.chart:
        out.append(f"Chart: {d.caption}")
    return "\n".join(out) + "\n\n" + d.text + "\n"


class TestSnapshots:
    @pytest.mark.parametrize("channel", ["email", "telegram"])
    @pytest.mark.parametrize("lang", ["ru", "en"])
    async def test_every_kind_reads_as_in_its_snapshot(self, writer, lang, channel):
        facts, changed = coffee(), []
        for kind, attempt in STEPS:
            ctx = WriteContext(contact=person(lang=lang), language=lang, facts=facts,
                               attempt=attempt, channel=channel, until=date(2026, 12, 15),
                               lead_text=QUESTIONS.get(kind, "Сколько стоит?"), variant=0,
                               chart=kind in ("interested", "followup"), meeting=MEETING)
            text = render(await writer.write(kind, ctx))
            name = f"{kind}{attempt if kind == 'followup' else ''}"
            path = SNAPSHOTS / lang / channel / f"{name}.txt"
            if UPDATE or not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            elif path.read_text(encoding="utf-8") != text:
                changed.append(name)
        assert not changed, f"differ from tests/snapshots/letters/{lang}/{channel}: {changed}"

    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize(("shape", "company", "products"), [
        ("marketplace", "ООО «Северный мёд»", ["Мёд гречишный 500 г"]),
        ("maps", "Кофейня «Зерно»", []),
    ])
    async def test_first_letters_without_review_data_read_as_in_their_snapshots(
            self, writer, lang, shape, company, products):
        ctx = WriteContext(contact=person("Игорь Белов", lang=lang, company=company,
                                          products=products), language=lang, variant=1)
        text = render(await writer.write("first", ctx))
        path = SNAPSHOTS / lang / "email" / f"first-no-data-{shape}.txt"
        if UPDATE or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text


class TestFirstLetter:
    @pytest.mark.parametrize("variant", range(3))
    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize("data", [True, False])
    async def test_is_60_to_100_words_with_a_short_subject(self, writer, lang, variant, data):
        for company in (COMPANY, "Пекарня «Колосок»"):
            ctx = WriteContext(contact=person(lang=lang, company=company), language=lang,
                               facts=coffee() if data else None, variant=variant)
            d = await writer.write("first", ctx)
            low, high = rules.FIRST_WORDS
            assert low <= rules.words(body_of(d)) <= high, body_of(d)
            assert 0 < len(d.subject) <= 45, d.subject

    async def test_names_the_product_that_stands_out_with_a_real_quote(self, writer):
        facts = coffee()
        d = await writer.write("first", WriteContext(contact=person(products=[
            "Кофе в зёрнах Эфиопия 1 кг"]), facts=facts, variant=0))
        top = story.standout(facts)
        assert top is not None and top.product == "Капсулы Лунго 10 шт"
        assert f"«{top.quotes[0][0]}»" in d.text and "Эфиопия" not in d.text
        assert "«Капсулы Лунго»" in d.subject

    async def test_asks_for_interest_not_a_meeting(self, writer):
        for v in range(3):
            d = await writer.write("first", WriteContext(contact=person(), facts=coffee(),
                                                         variant=v))
            assert "«да»" in d.text
            assert not re.search(r"встреч|созвон|демонстрац", body_of(d), re.IGNORECASE)

    async def test_a_cafe_without_data_gets_the_maps_pitch_and_no_unconfirmed_claim(
            self, writer):
        d = await writer.write("first", WriteContext(
            contact=person(company="Кофейня «Зерно»", products=[]), variant=0))
        assert "картах" in d.text and "подтвердит менеджер" in d.text
        assert "Wildberries" not in d.text

    async def test_a_seller_without_data_gets_the_marketplace_pitch(self, writer):
        d = await writer.write("first", WriteContext(
            contact=person(company="ООО «Северный мёд»", products=[]), variant=0))
        assert "Wildberries" in d.text and "карт" not in d.text


class TestThread:
    async def _thread(self, writer, lang: str, variant: int) -> list[Draft]:
        facts, history, out = coffee(), [], []
        for kind, attempt in [("first", 1), ("followup", 1), ("followup", 2), ("reminder", 1)]:
            d = await writer.write(kind, WriteContext(
                contact=person(lang=lang), language=lang, facts=facts, attempt=attempt,
                history=tuple(history), variant=variant))
            history.append(d.text)
            out.append(d)
        return out

    @pytest.mark.parametrize("variant", range(3))
    @pytest.mark.parametrize("lang", ["ru", "en"])
    async def test_no_figure_is_repeated_in_a_thread(self, writer, lang, variant):
        seen: dict[str, str] = {}
        products = [p.product for p in coffee().products]
        for d in await self._thread(writer, lang, variant):
            numbers = story.used_numbers([f"{d.subject}\n{body_of(d)}"], products)
            for n in numbers:
                assert n not in seen or seen[n] == d.kind, (n, seen.get(n), d.kind)
                seen.setdefault(n, d.kind)

    async def test_each_touch_brings_its_own_kind_of_fact(self, writer):
        first, one, two, _ = await self._thread(writer, "ru", 0)
        assert first.told[0] == "standout" and one.told[0] == "quote"
        assert two.told[0] in ("marketplaces", "trend")
        assert one.told[-1] not in first.text  # a new quote

    async def test_the_chart_is_explained_in_one_line_where_it_goes(self, writer):
        d = await writer.write("interested", WriteContext(contact=person(), facts=coffee(),
                                                          chart=True, variant=0))
        assert d.chart and d.caption and d.caption in d.text and "\n" not in d.caption
        d = await writer.write("interested", WriteContext(contact=person(), facts=coffee(),
                                                          chart=False, variant=0))
        assert not d.chart and "график" not in d.text.lower()


class TestVariants:
    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize("kind", sorted(set(KINDS) - TO_MANAGER - {"non_text"}))
    async def test_three_phrasings_per_kind(self, writer, kind, lang):
        texts = set()
        for v in range(3):
            ctx = WriteContext(contact=person(lang=lang), language=lang, facts=coffee(),
                               variant=v, lead_text=QUESTIONS.get(kind, "Дорого"),
                               until=date(2026, 12, 15))
            texts.add((await writer.write(kind, ctx)).text)
        assert len(texts) == 3

    async def test_colleagues_at_one_company_get_different_letters(self, writer):
        from sales_agent.brain.writer import variant_of

        base = variant_of(COMPANY)  # what the engine passes: the company's, plus the place
        texts = {(await writer.write("first", WriteContext(
            contact=person(name, cid=f"c{i}"), facts=coffee(), variant=base + i))).text
            for i, name in enumerate(["Ольга Смирнова", "Игорь Белов", "Анна Котова"])}
        assert len(texts) == 3


class TestEnglish:
    @pytest.mark.parametrize("channel", ["email", "telegram"])
    @pytest.mark.parametrize(("kind", "attempt"), STEPS)
    async def test_no_russian_outside_the_product_names(self, writer, kind, attempt, channel):
        if kind in TO_MANAGER:
            return  # our own manager reads Russian
        contact = person("Смирнова Ольга", lang="en")
        d = await writer.write(kind, WriteContext(
            contact=contact, language="en", facts=coffee(), attempt=attempt, channel=channel,
            lead_text=QUESTIONS.get(kind, "How much is it?"), until=date(2026, 12, 15),
            variant=0, chart=True, meeting=MEETING))
        products = [n for p in coffee().products for n in (p.product, story.short_product(
            p.product))]
        assert rules.cyrillic_outside(f"{d.subject}\n{d.text}", products) == []
        assert "Otzyvy" not in d.text and "«" not in d.text


class TestChat:
    async def test_greets_once_a_day(self, writer):
        ctx = dict(contact=person(), facts=coffee(), channel="telegram", variant=0)
        first = await writer.write("interested", WriteContext(**ctx, greet=True))
        again = await writer.write("interested", WriteContext(**ctx, greet=False))
        assert first.text.startswith("Ольга, добрый день!")
        assert "Ольга" not in again.text and "добрый день" not in again.text.lower()

    @pytest.mark.parametrize("kind", ["demo_confirm", "handoff_ack", "later_ack", "answer"])
    async def test_no_kind_greets_twice_a_day(self, writer, kind):
        d = await writer.write(kind, WriteContext(contact=person(), channel="telegram",
                                                  greet=False, variant=0, meeting=MEETING,
                                                  lead_text="Какие площадки?"))
        assert "добрый день" not in d.text.lower() and d.text.strip()

    async def test_the_chart_caption_is_not_in_the_lines(self, writer):
        d = await writer.write("interested", WriteContext(
            contact=person(), facts=coffee(), channel="telegram", chart=True, variant=0))
        assert d.chart and d.caption and d.caption not in d.text


class TestAnswers:
    @pytest.mark.parametrize(("question", "starts"), [
        ("С какими маркетплейсами работаете?", "Мы анализируем отзывы с маркетплейсов"),
        ("Сколько стоит?", "Стоимость и условия зависят от объёма задач"),
        ("Как проходит демо?", "Демонстрация — онлайн-встреча"),
    ])
    async def test_the_first_sentence_answers(self, writer, question, starts):
        d = await writer.write("answer", WriteContext(contact=person(), facts=coffee(),
                                                      lead_text=question, variant=0))
        assert d.text.startswith(starts)
        assert "Например, по Вашим данным" not in d.text and "%" not in d.text

    async def test_two_questions_get_two_paragraphs(self, writer):
        d = await writer.write("answer", WriteContext(
            contact=person(), lead_text="Какие площадки и есть ли интеграция с 1С?", variant=0))
        paragraphs = body_of(d).split("\n\n")
        assert paragraphs[0].startswith("Мы анализируем") and "интеграции" in paragraphs[1]

    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize(("doubt", "topic"), [
        ("У нас уже есть сервис", "have_service"), ("Дорого", "expensive"),
        ("Сейчас нет бюджета", "no_budget"), ("Чем вы лучше?", "why_better"),
        ("У нас мало отзывов", "few_reviews"),
    ])
    async def test_objections_get_the_difference_a_fact_and_one_easy_step(
            self, writer, knowledge, lang, doubt, topic):
        kb = knowledge.answer(doubt, lang)
        assert kb is not None and kb.topics == (topic,) and kb.objection
        d = await writer.write("answer", WriteContext(contact=person(lang=lang), language=lang,
                                                      lead_text=doubt, variant=0))
        assert d.text.startswith(kb.parts[0]) and kb.next_step in d.text
        assert not d.handoff and len(body_of(d).split("\n\n")) == 2
