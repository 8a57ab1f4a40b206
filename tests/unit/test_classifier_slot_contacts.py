"""`read_slots` colleague: the address, the name in the nominative, and a foreign domain mark."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from sales_agent.brain.classifier.slots import read_slots, split_quote

NOW = datetime(2026, 11, 18, 11, 30, tzinfo=timezone(timedelta(hours=3)))
LEAD = "i.sidorov@shop.ru"
OURS = ("sales@napoleon.example",)


def _slots(text: str, sender: str | None = LEAD, **kwargs):
    lang = "en" if sum("a" <= ch.lower() <= "z" for ch in text) > len(text) / 2 else "ru"
    return read_slots(text, now=NOW, lang=lang, sender=sender, own_addresses=OURS, **kwargs)


@pytest.mark.parametrize(("text", "contact", "name"), [
    ("Это не ко мне, напишите Анне Петровой, a.petrova@shop.ru", "a.petrova@shop.ru",
     "Анна Петрова"),
    ("Напишите Виктору в телегу: @Viktor_Ops", "@viktor_ops", "Виктор"),
    ("Маркетингом занимается Павел — pavel.ivanov@shop.ru.", "pavel.ivanov@shop.ru", "Павел"),
    ("Обратитесь к Марии Ивановне Сидоровой: m.sidorova@shop.ru", "m.sidorova@shop.ru",
     "Мария Ивановна Сидорова"),
    ("Лучше пишите Ольге Смирновой (o.smirnova@shop.ru), она решает", "o.smirnova@shop.ru",
     "Ольга Смирнова"),
    ("По этому вопросу к Елене Викторовне Морозовой, e.morozova@shop.ru", "e.morozova@shop.ru",
     "Елена Викторовна Морозова"),
    ("пишите ivan@shop.ru (Иван Сергеевич)", "ivan@shop.ru", "Иван Сергеевич"),
    ("Добрый день!\nЭто не ко мне.\nНапишите Ивану:\nivan@shop.ru", "ivan@shop.ru", "Иван"),
    ("это к Наталье из маркетинга — n.petrova@shop.ru", "n.petrova@shop.ru", "Наталья"),
    ("Свяжитесь с Кузнецовым Андреем, a.kuznetsov@shop.ru", "a.kuznetsov@shop.ru",
     "Кузнецов Андрей"),
    ("это к нашему маркетологу anna@shop.ru", "anna@shop.ru", None),
    ("Please contact our CMO, Tom Baker, tom@shop.ru, he owns reviews.", "tom@shop.ru",
     "Tom Baker"),
    ("Reach out to Lisa Wong <lisa.wong@shop.ru> instead", "lisa.wong@shop.ru", "Lisa Wong"),
    ("Hi! I'm not the right person. Please email Sarah at sarah.j@shop.ru", "sarah.j@shop.ru",
     "Sarah"),
    ("это к @maria_smm", "@maria_smm", None),
    ("Я в отпуске. Замещает Ковалева Светлана, s.kovaleva@shop.ru", "s.kovaleva@shop.ru",
     "Ковалева Светлана"),
    ("это к Лене @lena_mkt", "@lena_mkt", "Лена"),
    ("Please reach out to my colleague, Dr. Emily Chen (emily.chen@shop.ru)",
     "emily.chen@shop.ru", "Emily Chen"),
    ("Я в отпуске до 11 января. По срочным вопросам — Олег Смирнов, o.smirnov@shop.ru",
     "o.smirnov@shop.ru", "Олег Смирнов"),
])
def test_the_colleague_and_their_name(text: str, contact: str, name: str | None) -> None:
    slots = _slots(text)
    assert (slots.contact, slots.contact_name) == (contact, name)
    assert not slots.contact_is_foreign_domain


@pytest.mark.parametrize(("text", "sender", "foreign"), [
    ("Пишите нашему партнёру: boss@rival.example", LEAD, True),
    ("Write to our agency, kate@agency.example", "tom@acme.example", True),
    ("Это к Маше, maria@gmail.com", LEAD, False),  # a free-mail box says nothing
    ("пишите коллеге ivan@msk.shop.ru", LEAD, False),  # a subdomain of the lead's company
    ("пишите коллеге ivan@shop.ru", "lead@yandex.ru", False),  # the lead writes from free mail
    ("пишите @ivan_ops", LEAD, False),  # a handle has no domain
    ("Напишите Ивану, ivan@factory.example\n\nС уважением,\nОльга\nolga@factory.example",
     "olga@gmail.com", False),  # the lead's company is read from the signature
])
def test_a_colleague_at_another_company_is_marked(text: str, sender: str, foreign: bool) -> None:
    slots = _slots(text, sender)
    assert slots.contact is not None
    assert slots.contact_is_foreign_domain is foreign


@pytest.mark.parametrize("text", [
    "Пишите мне напрямую: i.sidorov@shop.ru",  # the sender
    "Спасибо, не интересно.\n\n--\nИрина Котова\ni.kotova@shop.ru\n+7 900 000-00-00",
    "Thanks, not now.\n\nBest regards,\nJohn Smith\njohn@shop.ru",
    "Ответил вам на sales@napoleon.example",  # ours
    "Передал коллеге, она ответит",  # a redirect without an address
    "Не интересно.\nИрина Котова\nМенеджер по маркетингу\ni.kotova@shop.ru",  # no sign-off
    "Not now.\nJohn Smith\nMarketing Manager\njohn@shop.ru\n+1 555 0100",
    "Перешлите коллеге.\n\nИван Сидоров\nДиректор\nТел.: +7 900 000-00-00\nEmail: ivan@shop.ru",
])
def test_never_the_lead_nor_us(text: str) -> None:
    assert _slots(text).contact is None


def test_addresses_in_our_quoted_header_are_ours() -> None:
    text = ("Передал коллеге.\n\nОт: Наполеон <hello@napoleon.example>\n"
            "Отправлено: 17 ноября 2026 г. 10:00\nКому: i.sidorov@shop.ru\nТема: Отзывы\n\n"
            "Добрый день! Пишите на hello@napoleon.example или @napoleon_bot")
    assert _slots(text).contact is None


def test_quote_header_addresses_passed_in_are_excluded_in_a_bottom_post() -> None:
    text = "> Добрый день! Это Наполеон, team@napoleon.example\n\nпишите team@napoleon.example"
    slots = _slots(text, quote_header_addresses=["team@napoleon.example"])
    assert slots.contact is None


def test_a_colleague_below_our_quote_is_found() -> None:
    text = ("On Tue, 17 Nov 2026 at 10:00, Napoleon <sales@napoleon.example> wrote:\n"
            "> Кому переслать?\n\nНапишите Анне, anna@shop.ru")
    slots = _slots(text)
    assert (slots.contact, slots.contact_name) == ("anna@shop.ru", "Анна")


def test_split_quote_keeps_the_lead_lines_and_collects_header_addresses() -> None:
    own, addresses = split_quote("Ок, спасибо\n\nFrom: Napoleon <sales@napoleon.example>\n"
                                 "Sent: Tuesday\nSubject: hi\n\nour text")
    assert own.strip() == "Ок, спасибо" and addresses == {"sales@napoleon.example"}


@pytest.mark.parametrize("body", [None, b"\xff\xfe", "", "😀" * 50, "x" * 1_000_000,
                                  '{"intent": "redirect", "contact": "boss@rival.example"}'])
def test_bad_input_never_raises(body: object) -> None:
    slots = read_slots(body, now=NOW, lang="ru", sender=LEAD, tz="No/Such_Zone")
    assert slots.meeting is None and slots.until is None


@pytest.mark.parametrize(("text", "name"), [
    ("Маркетингом у нас занимается Мария Иванова", "Мария Иванова"),
    ("Я переслал ваше письмо Анне, она ответит", "Анна"),
    ("Обратитесь к нашему маркетологу Ольге Петровой", "Ольга Петрова"),
    ("Это к Сергею Павловичу", "Сергей Павлович"),
    ("I've forwarded this to Tom, he'll get back to you", "Tom"),
    ("Переслал коллеге, она ответит", None),
    ("Спасибо, Мария! Переслал коллеге.", None),  # our rep greeted, nobody named
    ("Вопрос к Москве, не к нам", None),
    ("Please talk to our Head of Marketing", None),
])
def test_a_colleague_named_without_an_address(text: str, name: str | None) -> None:
    slots = _slots(text)
    assert slots.contact is None and slots.contact_name == name


@pytest.mark.parametrize("text", [
    "Пересылаю.\n\nFrom: Napoleon <sales@napoleon.example>\nSent: Tuesday\n"
    "To: i.sidorov@shop.ru\nCc: boss@napoleon.example\nSubject: hi\n\n"
    "Напишите boss@napoleon.example",
    "ок\n\nср, 18 нояб. 2026 г. в 10:00, Napoleon <hello@napoleon.example>:\n"
    "> Пишите hello@napoleon.example",
    "Да\n\nВы писали 17 ноября 2026 г., 10:00:\nАС> Пишите на hi@napoleon.example",
    "Да\n\nОт кого: Наполеон hi@napoleon.example\nКому: i.sidorov@shop.ru\n\n"
    "Пишите hi@napoleon.example",
])
def test_every_client_quote_is_ours(text: str) -> None:
    assert _slots(text).contact is None


def test_a_date_line_written_by_the_lead_is_not_a_quote_header() -> None:
    assert _slots("Добрый день!\nДата: 15 декабря подходит").until is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("Автоответ. Я в отпуске до 14 декабря. По вопросам оплаты — buh@romashka.ru, по всем "
     "остальным — к Ольге Петровой, o.petrova@romashka.ru.", "o.petrova@romashka.ru"),
    ("Out of office until Dec 14. For billing, billing@acme.com; for anything else contact "
     "Jane Doe (jane@acme.com).", "jane@acme.com"),
    ("Я в отпуске до 14.12. По вопросам заказов — orders@shop.ru, по маркетингу — "
     "marketing@shop.ru.", "marketing@shop.ru"),
    ("Счета присылайте на buh@romashka.ru.", "buh@romashka.ru"),  # the only one stays
])
def test_an_address_for_payments_or_orders_yields_to_the_other_one(text: str,
                                                                   expected: str) -> None:
    assert _slots(text).contact == expected
