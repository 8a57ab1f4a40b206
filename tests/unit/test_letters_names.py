"""Names as CRMs and people write them, and leads that would break a careless template."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sales_agent.analytics.facts import CompanyFacts, ProductFacts
from sales_agent.analytics.stats import compute_facts
from sales_agent.brain import names, rules
from sales_agent.brain.writer import KINDS, TO_MANAGER, ReplyWriter, WriteContext
from sales_agent.domain.model import Contact


@pytest.fixture
def writer(writer_settings, knowledge) -> ReplyWriter:
    return ReplyWriter(writer_settings(from_telegram="@anna_reviews"), knowledge)


def lead(name: str, *, lang: str = "ru", company: str = "Бодрое утро",
         products: list[str] | None = None, email: str = "lead@bodroe.example") -> Contact:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    return Contact(id="c-" + str(abs(hash(name)) % 10**6), name=name, company=company,
                   email=email, language=lang, products=products or [],
                   created_at=now, updated_at=now)


# (full name as given, Russian greeting name, English greeting name); "" = neutral greeting
SHAPES = [
    ("Ольга Смирнова", "Ольга", "Olga"),
    ("Смирнова Ольга", "Ольга", "Olga"),
    ("Соколова Вера Николаевна", "Вера Николаевна", "Vera"),
    ("Вера Николаевна Соколова", "Вера Николаевна", "Vera"),
    ("Марина Королева", "Марина", "Marina"),
    ("Королева Марина", "Марина", "Marina"),
    ("Римская-Корсакова Анна", "Анна", "Anna"),
    ("Анна Римская-Корсакова", "Анна", "Anna"),
    ("Иванов Роман Петрович", "Роман Петрович", "Roman"),
    ("Айша Султанова", "Айша", "Aysha"),
    ("Anna Berg", "Anna", "Anna"),
    ("Smirnova Olga", "Olga", "Olga"),
    ("Smith, John", "John", "John"),
    ("Королева М.", "", ""),
    ("М. В. Королева", "", ""),
    ("Королева", "", ""),
    ("olga.smirnova", "", ""),
    ("ОЛЬГА СМИРНОВА", "Ольга", "Olga"),
    ("Ольга 🌸 Смирнова", "Ольга", "Olga"),
    ("🌸🌸", "", ""),
]


class TestGreetings:
    @pytest.mark.parametrize(("raw", "ru", "en"), SHAPES)
    def test_twenty_name_shapes(self, raw, ru, en):
        assert names.greeting_name(raw, "ru") == ru
        assert names.greeting_name(raw, "en") == en

    @pytest.mark.parametrize(("raw", "ru", "en"), SHAPES)
    async def test_letters_greet_by_the_name_or_neutrally(self, writer, raw, ru, en):
        for lang, expected in (("ru", ru), ("en", en)):
            d = await writer.write("first", WriteContext(contact=lead(raw, lang=lang),
                                                         language=lang, variant=0))
            first_line = d.text.splitlines()[0]
            if expected:
                assert first_line in (f"{expected}, добрый день!", f"Hi {expected},")
            else:
                assert first_line in ("Добрый день!", "Hello,")

    def test_the_email_local_part_is_never_a_greeting(self):
        assert names.greeting_name("ivanov", "ru", email="ivanov@x.example") == ""
        assert names.greeting_name("Anna Berg", "en", email="anna.berg@x.example") == "Anna"


class TestColleagueNames:
    @pytest.mark.parametrize(("text", "nominative", "dative"), [
        ("Это не ко мне, напишите Анне Петровой: anna@x.example", "Анна Петрова",
         "Анне Петровой"),
        ("Пишите Марии Котовой, maria@x.example", "Мария Котова", "Марии Котовой"),
        ("Лучше к Петру Сидорову: petr@x.example", "Пётр Сидоров", "Петру Сидорову"),
        ("Свяжитесь с Ольгой Ивановной Смирновой", "Ольга Ивановна Смирнова",
         "Ольге Ивановне Смирновой"),
        ("please write to John Smith at j@x.example", "John Smith", "John Smith"),
        ("Напишите на a@x.example", "", ""),
    ])
    def test_taken_from_the_redirect_and_declined(self, text, nominative, dative):
        found = names.colleague_from_text(text)
        assert found == nominative
        if found:
            assert names.dative(found) == dative

    async def test_thanks_name_the_colleague_in_the_dative(self, writer):
        d = await writer.write("redirect_thanks", WriteContext(
            contact=lead("Ольга Смирнова"), lead_text="Пишите Марии Котовой, maria@x.example",
            variant=0))
        assert "Напишу Марии Котовой" in d.text

    async def test_english_thanks_transliterate_a_russian_colleague(self, writer):
        d = await writer.write("redirect_thanks", WriteContext(
            contact=lead("Anna Berg", lang="en"), language="en", variant=0,
            lead_text="Пишите Марии Котовой, maria@x.example"))
        assert "Mariya Kotova" in d.text and not rules.cyrillic_outside(d.text, [])


def one_review() -> CompanyFacts:
    return compute_facts([{"company": "Бодрое утро", "marketplace": "Ozon",
                           "product": "Капсулы Лунго 10 шт", "date": "2026-11-01",
                           "sentiment": "negative", "topic": "упаковка",
                           "text": "Пакет пришёл порванный"}])


class TestBadInput:
    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize("case", ["no name", "long company", "fifty products", "one review",
                                      "emoji name"])
    async def test_every_kind_still_reads_right(self, writer, lang, case):
        name = {"no name": "—", "emoji name": "🔥 Ольга 🔥"}.get(case, "Ольга Смирнова")
        company = "Очень " * 50 + "длинная компания" if case == "long company" else "Бодрое утро"
        products = [f"Товар номер {i}" for i in range(50)] if case == "fifty products" else []
        facts = one_review() if case == "one review" else None
        for kind in KINDS:
            if kind in TO_MANAGER:
                continue
            d = await writer.write(kind, WriteContext(
                contact=lead(name, lang=lang, company=company, products=products),
                language=lang, facts=facts, variant=0, lead_text="Сколько стоит?"))
            assert 0 < len(d.subject) <= 45, d.subject
            assert "🔥" not in d.text and "—," not in d.text and "Очень Очень" not in d.text
            assert "Товар номер 7" not in d.text and "100" not in d.text  # one review is no share
            if kind == "first":
                assert rules.FIRST_WORDS[0] <= rules.words(d.text.split("\n\nС уважением")[0]
                                                           .split("\n\nBest regards")[0]) <= 100

    async def test_one_review_is_no_insight_but_the_pitch(self, writer):
        d = await writer.write("first", WriteContext(contact=lead("Ольга Смирнова"),
                                                     facts=one_review(), variant=0))
        assert "Wildberries" in d.text and "%" not in d.text

    async def test_a_product_with_a_huge_name_keeps_the_subject_short(self, writer):
        long = "Капсулы " + "Лунго " * 20 + "10 шт"
        facts = CompanyFacts(company="Бодрое утро", reviews=100, positive_share=0.6,
                             neutral_share=0.1, negative_share=0.3,
                             products=(ProductFacts(long, 50, 0.6, "упаковка", 0.5, 30, 15,
                                                    (("Пакет пришёл порванный", 9),)),))
        for v in range(3):
            d = await writer.write("first", WriteContext(contact=lead("Ольга Смирнова"),
                                                         facts=facts, variant=v))
            assert len(d.subject) <= 45 and "Лунго Лунго" not in d.subject
