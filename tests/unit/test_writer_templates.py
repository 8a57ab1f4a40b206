"""Every kind renders in both languages, personalised, signed, and passes the guard."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sales_agent.brain.guard import check_outgoing
from sales_agent.brain.writer import KINDS, TO_MANAGER, ReplyWriter, WriteContext
from tests.fixtures.llm import coffee_facts, make_contact

VARIANTS = {
    "bare": {"products": None, "facts": False},
    "products": {"products": ["Кофе в зёрнах Эфиопия 1 кг"], "facts": False},
    "facts": {"products": ["Капсулы Лунго 10 шт"], "facts": True},
}
LOWER_YOU = re.compile(r"(?<![\w«])(вы|вас|вам|вами|ваш\w*)\b")


def _ctx(lang: str, variant: str, **kw: object) -> WriteContext:
    v = VARIANTS[variant]
    contact = make_contact(products=v["products"], language=lang)  # type: ignore[arg-type]
    facts = coffee_facts() if v["facts"] else None
    kw.setdefault("variant", 0)
    return WriteContext(contact=contact, language=lang, facts=facts, until=date(2026, 12, 15),
                        lead_text="Сколько стоит и есть ли интеграция?", **kw)  # type: ignore[arg-type]


@pytest.fixture
def writer(writer_settings, knowledge) -> ReplyWriter:
    return ReplyWriter(writer_settings(), knowledge)


class TestEveryKind:
    @pytest.mark.parametrize("variant", VARIANTS)
    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize("kind", KINDS)
    async def test_renders_signed_and_clean(self, writer, kind, lang, variant):
        d = await writer.write(kind, _ctx(lang, variant))
        assert d.kind == kind and d.subject and d.source == "template"
        assert "{{" not in d.text and "{%" not in d.text and "None" not in d.text
        signer = "Анна Соколова" if lang == "ru" else "Anna Sokolova"
        assert signer in d.text and "+7 900 123-45-67" in d.text
        assert "Napoleon IT" in d.text
        assert d.html and "<p>" in d.html
        assert len(d.text) < 1600

    @pytest.mark.parametrize("kind", KINDS)
    async def test_russian_letters_use_guillemets_and_capital_you(self, writer, kind):
        d = await writer.write(kind, _ctx("ru", "facts"))
        assert '"' not in d.text and "“" not in d.text
        body = d.text.replace("«Сколько стоит и есть ли интеграция?»", "")
        assert not LOWER_YOU.search(body), LOWER_YOU.search(body)

    @pytest.mark.parametrize("lang", ["ru", "en"])
    async def test_addresses_the_lead_by_first_name(self, writer, lang):
        d = await writer.write("first", _ctx(lang, "facts"))
        assert d.text.startswith("Ольга, добрый день!" if lang == "ru" else "Hi Olga,")
        assert "Капсулы Лунго" in d.subject and len(d.subject) <= 45

    async def test_patronymic_is_kept_in_the_address(self, writer):
        ctx = WriteContext(contact=make_contact(name="Смирнова Ольга Ивановна"), variant=0)
        d = await writer.write("first", ctx)
        assert d.text.startswith("Ольга Ивановна, добрый день!")


class TestPersonalNumbers:
    async def test_russian_first_letter_quotes_the_lead_numbers_exactly(self, writer):
        d = await writer.write("first", _ctx("ru", "facts"))
        assert "У товара «Капсулы Лунго 10 шт» негативных отзывов 65\u00a0%" in d.text
        assert "при 30\u00a0% в среднем по компании" in d.text
        assert "на упаковку" in d.text

    async def test_english_first_letter_quotes_the_lead_numbers_exactly(self, writer):
        d = await writer.write("first", _ctx("en", "facts"))
        assert "65% of the reviews of “Капсулы Лунго 10 шт” are negative" in d.text
        assert "packaging" in d.text and "упаковк" not in d.text

    async def test_the_product_that_stands_out_is_used_not_the_crm_order(self, writer):
        ctx = WriteContext(contact=make_contact(products=["кофе растворимый голд 95 г"]),
                           facts=coffee_facts(), variant=0)
        d = await writer.write("first", ctx)
        assert "«Капсулы Лунго 10 шт»" in d.text and "Голд" not in d.text

    async def test_manager_gets_company_totals_grouped(self, writer):
        d = await writer.write("manager_demo", _ctx("ru", "facts"))
        assert "1\u00a0480 отзывов, негативных — 30\u00a0%" in d.text


class TestKinds:
    async def test_followups_differ(self, writer):
        one = await writer.write("followup", _ctx("ru", "facts", attempt=1))
        two = await writer.write("followup", _ctx("ru", "facts", attempt=2))
        assert one.text != two.text and "последнее письмо" in two.text

    async def test_followup_keeps_the_thread_subject(self, writer):
        d = await writer.write("followup", _ctx("ru", "bare", thread_subject="Отзывы о кофе"))
        assert d.subject == "Re: Отзывы о кофе"

    async def test_first_offers_the_bot_link_when_given(self, writer):
        link = "https://t.me/napoleon_reviews_bot?start=tok123"
        d = await writer.write("first", _ctx("ru", "bare", bot_link=link))
        assert link in d.text and f'<a href="{link}">' in (d.html or "")

    async def test_presentation_attaches_the_pdf_by_name(self, writer):
        d = await writer.write("presentation", _ctx("ru", "bare"))
        assert d.attachments == ("presentation.pdf",) and "во вложении" in d.text

    async def test_presentation_without_the_file_promises_no_attachment(self, writer_settings,
                                                                       knowledge, tmp_path):
        w = ReplyWriter(writer_settings(attachments_dir=tmp_path / "none"), knowledge)
        d = await w.write("presentation", _ctx("ru", "bare"))
        assert d.attachments == () and "вложении" not in d.text

    async def test_demo_lists_slots_and_link_from_settings(self, writer_settings, knowledge):
        s = writer_settings(demo_slots=["2 декабря, 11:00", "3 декабря, 15:00"],
                            demo_url="https://cal.example/napoleon")
        d = await ReplyWriter(s, knowledge).write("demo", _ctx("ru", "bare"))
        assert "— 2 декабря, 11:00" in d.text and "https://cal.example/napoleon" in d.text

    async def test_demo_without_slots_asks_for_a_time(self, writer):
        d = await writer.write("demo", _ctx("ru", "bare"))
        assert "Когда Вам удобно" in d.text

    @pytest.mark.parametrize(("lang", "expected"), [("ru", "15 декабря"), ("en", "December 15")])
    async def test_later_ack_names_the_date(self, writer, lang, expected):
        d = await writer.write("later_ack", _ctx(lang, "bare"))
        assert expected in d.text

    async def test_stop_confirm_is_one_short_line(self, writer):
        d = await writer.write("stop_confirm", _ctx("ru", "bare"))
        assert len(d.text.split("\n\n")[0].splitlines()) == 1

    async def test_unknown_kind_is_refused(self, writer):
        with pytest.raises(ValueError):
            await writer.write("spam", _ctx("ru", "bare"))


class TestRedirectIntro:
    @pytest.mark.parametrize("lang", ["ru", "en"])
    async def test_never_names_the_referrer(self, writer, lang):
        colleague = make_contact(name="Мария Котова", language=lang)
        ctx = WriteContext(contact=colleague, language=lang, facts=coffee_facts(),
                           referrer_name="Ольга Смирнова", lead_text="Пишите Марии Котовой",
                           variant=0)
        d = await writer.write("redirect_intro", ctx)
        for word in ("Ольга", "Смирнова", "Ольги", "Смирновой", "посоветовал", "recommended"):
            assert word not in d.text and word not in d.subject and word not in (d.html or "")
        assert d.text.startswith("Мария, добрый день!" if lang == "ru" else "Hi Mariya,")


class TestEveryTemplatePassesTheGuard:
    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize("kind", KINDS)
    async def test_guard_finds_nothing(self, writer, knowledge, kind, lang):
        d = await writer.write(kind, _ctx(lang, "facts"))
        allowed = writer._allowed(kind, _ctx(lang, "facts"),
                                  writer._values(kind, _ctx(lang, "facts"), lang)[0])
        assert check_outgoing(f"{d.subject}\n{d.text}", allowed=allowed) == []


class TestChats:
    @pytest.mark.parametrize("lang", ["ru", "en"])
    @pytest.mark.parametrize("kind", sorted(set(KINDS) - TO_MANAGER))
    async def test_a_chat_gets_short_lines_no_signature_and_no_letter_words(self, writer, kind,
                                                                           lang):
        d = await writer.write(kind, _ctx(lang, "facts", channel="telegram"))
        assert 1 <= len(d.text.splitlines()) <= 3, d.text
        assert "С уважением" not in d.text and "+7 900" not in d.text
        assert "письм" not in d.text.lower() and "regards" not in d.text.lower()
