"""Contact extraction: the colleague the lead names, never the lead's own signature or address."""

from __future__ import annotations

import pytest

from sales_agent.brain.classifier.contacts import extract_contact


@pytest.mark.parametrize(("text", "expected"), [
    ("это к нашему маркетологу anna@shop.example", "anna@shop.example"),
    ("пишите @petrov", "@petrov"),
    ("Напишите Виктору в телегу: @Viktor_Ops", "@viktor_ops"),
    ("Please contact our CMO, Tom@Acme-Foods.example, he owns reviews.", "tom@acme-foods.example"),
    ("не мне, напишите коллеге ivan@x.ru", "ivan@x.ru"),
    ("Маркетингом занимается Павел — pavel.ivanov@kolos.example.", "pavel.ivanov@kolos.example"),
    ("Reach out to <lisa.wong@acme.example> instead", "lisa.wong@acme.example"),
    ("Email me at j.smith+sales@corp.co.uk or my deputy", "j.smith+sales@corp.co.uk"),
    ("это не ко мне, а к @marina_smm", "@marina_smm"),
])
def test_finds_the_named_colleague(text: str, expected: str) -> None:
    assert extract_contact(text)[0] == expected


@pytest.mark.parametrize("text", [
    "Спасибо, не интересно.\n\n--\nИрина Котова\ni.kotova@kofeinya.example\n+7 900 000-00-00",
    "Не актуально.\nС уважением,\nОльга\nolga@bakery.example",
    "Thanks, not now.\n\nBest regards,\nJohn Smith\njohn@corp.example",
    "Пришлите презентацию",
    "Стоимость от 5000 руб @ месяц",
    "see you@ 5pm",
])
def test_ignores_signatures_and_non_addresses(text: str) -> None:
    assert extract_contact(text)[0] is None


def test_the_senders_own_address_is_not_a_colleague() -> None:
    text = "Пишите мне напрямую: me@shop.example"
    assert extract_contact(text, sender="ME@shop.example")[0] is None


def test_a_colleague_beats_the_signature_address() -> None:
    text = ("Передайте информацию руководителю: quality@kofeinya.example\n\n--\n"
            "С уважением, Ирина\ni.kotova@kofeinya.example")
    assert extract_contact(text)[0] == "quality@kofeinya.example"


def test_prefers_the_address_after_a_person_word() -> None:
    text = "Моя почта old@shop.example больше не читается; по делу пишите коллеге new@shop.example"
    assert extract_contact(text)[0] == "new@shop.example"


def test_a_telegram_link_is_a_handle() -> None:
    assert extract_contact("Это к нашему SMM: t.me/Olya_SMM")[0] == "@olya_smm"
