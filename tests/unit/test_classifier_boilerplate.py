"""The lead's own words: quotes in every client format, banners, disclaimers and signatures go;
inline and bottom-posted answers stay, in order."""

from __future__ import annotations

import pytest

from sales_agent.brain.classifier.boilerplate import own_words, split_signature

OURS = "Предлагаем демо и презентацию сервиса «Отзывы». Интересно?"


@pytest.mark.parametrize("quote", [
    "От: Napoleon IT <sales@napoleon.example>\nОтправлено: 18 ноября 2026 г.\nТема: Отзывы\n\n"
    + OURS,
    f"On Wed, Nov 18, 2026 at 10:00 AM Napoleon IT <sales@n.example> wrote:\n> {OURS}",
    f'18.11.2026, 10:00, "Napoleon IT" <sales@n.example>:\n> {OURS}',
    f"-------- Исходное сообщение --------\nОт: Мария <m@n.example>\n{OURS}",
    f"-----Original Message-----\nFrom: Maria <m@n.example>\nSent: Monday\n{OURS}",
    f"Вы писали 18 ноября 2026 г., 11:30:10:\n\nАС> {OURS}\nАС> Пишите",
    f"От кого: Мария Белова <m@n.example>\nКому: lead@shop.example\n{OURS}",
    f"Мария Белова <m@n.example> писала:\n> {OURS}",
])
def test_quoted_history_is_cut_in_every_client_format(quote: str) -> None:
    assert own_words(f"Спасибо, не актуально.\n\n{quote}") == "Спасибо, не актуально."


def test_inline_answers_keep_the_leads_lines_in_order() -> None:
    text = ("> Хотите презентацию?\nДа, пришлите.\n> А демо?\nДемо не нужно.\n"
            "> Кому ещё написать?\nНикому.")
    assert own_words(text) == "Да, пришлите.\nДемо не нужно.\nНикому."


def test_a_reply_written_below_a_prefixed_quote_is_kept() -> None:
    text = f"On Mon, Nov 30, 2026 at 9:14 AM Alexey <a@n.example> wrote:\n> {OURS}\n\nLet's talk."
    assert own_words(text) == "Let's talk."


def test_a_reply_below_a_plain_quote_block_is_kept() -> None:
    text = (f"________________________________\nОт: Мария <m@n.example>\nОтправлено: пятница\n"
            f"Тема: Re: Отзывы\n\n{OURS}\n\nПришлите коммерческое предложение.")
    assert own_words(text) == "Пришлите коммерческое предложение."


@pytest.mark.parametrize("noise", [
    "ВНИМАНИЕ: письмо получено от внешнего отправителя. Не переходите по ссылкам.",
    "*** ВНЕШНЕЕ ПИСЬМО *** Проверьте адрес отправителя перед ответом.",
    "CAUTION: This email originated from outside of the organization.",
    "[EXTERNAL]",
])
def test_external_sender_banners_are_dropped(noise: str) -> None:
    assert own_words(f"{noise}\n\nПришлите презентацию.") == "Пришлите презентацию."


@pytest.mark.parametrize("tail", [
    "Sent from my iPhone", "Отправлено с iPhone", "Отправлено из мобильной Почты Mail.ru",
    "Get Outlook for Android",
    "Это письмо и вложения конфиденциальны и предназначены исключительно для адресата.",
    "This e-mail is confidential and intended solely for the addressee. If you received this "
    "in error, delete it.",
])
def test_mobile_lines_and_disclaimers_are_dropped(tail: str) -> None:
    assert own_words(f"Давайте созвонимся в четверг.\n\n{tail}") == "Давайте созвонимся в четверг."


def test_a_signature_block_is_split_off() -> None:
    body, signature = split_signature(
        "Не интересно.\n\nС уважением,\nИрина Котова\nдиректор\n+7 900 000-00-00\ni@k.example")
    assert body == "Не интересно." and "i@k.example" in signature


def test_a_thank_you_before_a_real_ask_is_not_a_signature() -> None:
    text = "Добрый день!\nСпасибо!\nПришлите, пожалуйста, презентацию и цены."
    assert own_words(text) == text


def test_only_a_quote_leaves_nothing() -> None:
    assert own_words(f"> {OURS}\n> Пишите") == ""
