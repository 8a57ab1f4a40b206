"""Certain rules: an address the lead says is not to be written to is never the contact (their own
mailbox that is not read or forwarded, a former colleague); a sound of hesitation is no answer."""

from __future__ import annotations

import pytest

from sales_agent.brain.classifier.contacts import extract_contact
from sales_agent.brain.classifier.rules import stop_command, unreadable
from sales_agent.brain.classifier.text import own_text


@pytest.mark.parametrize(("text", "expected"), [
    ("Этот ящик (ivan@shop.ru) временно не проверяется до 14.12. По всем вопросам — olga@shop.ru.",
     "olga@shop.ru"),
    ("I'm away until Dec 14. Emails to john@shop.com are not forwarded; please resend to "
     "mary@shop.com.", "mary@shop.com"),
    ("В отпуске до 14.12. Ранее вопросами рекламы занимался petrov@shop.ru, теперь — "
     "ivanova@shop.ru.", "ivanova@shop.ru"),
    ("Письма на адрес sidorov@shop.ru не читаются. Пишите Марии: m.petrova@shop.ru.",
     "m.petrova@shop.ru"),
    ("This mailbox (old.sales@shop.com) is no longer monitored.", None),
    ("Пишите на ivanova@shop.ru (копию — на petrov@shop.ru).", "ivanova@shop.ru"),
    ("Previously Tom handled this (tom@shop.com); now it's Anna at anna@shop.com.",
     "anna@shop.com"),
])
def test_a_mailbox_not_to_write_to_is_not_the_contact(text: str, expected: str | None) -> None:
    assert extract_contact(text)[0] == expected


@pytest.mark.parametrize(("text", "sound"), [
    ("Хм.", True), ("Эээ...", True), ("hmm", True), ("Ну...", True),
    ("Ну не знаю", True), ("Посмотрим...", True), ("hmm, not sure", True),
    ("Ну давайте", False), ("Ммм интересно", False), ("Well, sure", False),
    ("Не знаю, пришлите презентацию", False),
])
def test_a_sound_of_hesitation_is_no_answer(text: str, sound: bool) -> None:
    assert (unreadable(text) is not None) is sound


@pytest.mark.parametrize(("text", "stop"), [
    ("Ещё раз напишете — пожалуюсь.", True),
    ("Если не прекратите, обращусь в Роскомнадзор.", True),
    ("Помечу вас как спам, так и знайте.", True),
    ("One more email and I'll report you.", True),
    ("We will flag this as spam if it continues.", True),
    ("I'm going to file a complaint.", True),
    ("Это не спам? Проверяю адрес.", False),
    ("Is this spam? Just checking if this address is monitored.", False),
    ("Клиенты часто жалуются на доставку, поэтому отзывы важны.", False),
])
def test_a_threat_to_complain_is_a_stop_command(text: str, stop: bool) -> None:
    assert (stop_command(text) is not None) is stop


def test_a_sentence_repeated_word_for_word_is_read_once() -> None:
    text = "Пришлите презентацию, пожалуйста.\n\n" + "Наша компания работает давно. " * 500
    assert own_text(text) == "Пришлите презентацию, пожалуйста.\n\nНаша компания работает давно."
    assert own_text("Да. Да. Нет!") == "Да. Да. Нет!"  # short answers may repeat
