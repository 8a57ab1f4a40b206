"""The outgoing guard lets through only what the allowed facts contain."""

from __future__ import annotations

import pytest

from sales_agent.brain.guard import check_outgoing

ALLOWED = """Сервис анализирует отзывы на Wildberries, Ozon и Яндекс Маркет.
у «Капсулы Лунго 10 шт» 65\u00a0% негативных отзывов. Анна Соколова +7 900 123-45-67
https://cal.example/napoleon 15 декабря 2 декабря, 11:00"""


def _ok(text: str) -> bool:
    return check_outgoing(text, allowed=ALLOWED) == []


class TestAllowed:
    def test_text_made_of_facts_passes(self):
        assert _ok("У «Капсулы Лунго 10 шт» 65 % негативных отзывов на Wildberries и Ozon. "
                   "Напишем 15 декабря. Слот: 2 декабря, 11:00, ссылка https://cal.example/napoleon."
                   " Анна Соколова, +7 900 123-45-67")

    def test_plain_words_pass(self):
        assert _ok("Спасибо за ответ! Подскажите удобное время. Feel free to reply.")


class TestRejected:
    @pytest.mark.parametrize("text", [
        "Стоимость — 15 000 ₽ в месяц", "от 9900 руб.", "всего $99", "€ 50 per month",
        "It costs 200 dollars", "цена 5 тыс. рублей",
    ])
    def test_invented_prices(self, text):
        assert any("price" in v or "number" in v for v in check_outgoing(text, allowed=ALLOWED))

    @pytest.mark.parametrize("text", [
        "Дадим скидку новым клиентам", "Промокод на первый месяц", "Первый месяц бесплатно",
        "We offer a discount", "Try it for free", "free trial for a month",
    ])
    def test_invented_discounts_and_offers(self, text):
        assert any("discount" in v for v in check_outgoing(text, allowed=ALLOWED)), text

    @pytest.mark.parametrize("text", [
        "Негатива стало меньше на 30 %", "снижает возвраты на 12,5%", "в 40 процентах случаев",
        "65.5% negative",
    ])
    def test_invented_percentages(self, text):
        assert any("percentage" in v for v in check_outgoing(text, allowed=ALLOWED)), text

    @pytest.mark.parametrize("text", [
        "Подробнее: https://napoleon-it.example/prices", "www.evil.example", "t.me/other_bot",
        "see http://cal.example/napoleon-fake",
    ])
    def test_invented_urls(self, text):
        assert any("url" in v for v in check_outgoing(text, allowed=ALLOWED)), text

    def test_invented_email(self):
        assert any("email" in v for v in check_outgoing("Пишите boss@napoleon.example",
                                                         allowed=ALLOWED))

    @pytest.mark.parametrize("text", [
        "Созвонимся 20 декабря", "Подключим до конца недели", "Ответим завтра",
        "запуск 01.02.2027", "We will call you on December 20", "within 2 days",
        "встреча в 16:30", "пришлём в пятницу",
    ])
    def test_invented_date_promises(self, text):
        violations = check_outgoing(text, allowed=ALLOWED)
        assert any("date" in v for v in violations), (text, violations)

    @pytest.mark.parametrize("text", [
        "Есть интеграция с amoCRM и 1С", "Собираем отзывы с Avito", "У нас открытый API",
        "Сравним с конкурентами", "Гарантируем рост продаж", "Прогноз рейтинга на месяц",
        "We also cover Google Play reviews",
    ])
    def test_invented_feature_claims(self, text):
        assert any("claim" in v for v in check_outgoing(text, allowed=ALLOWED)), text

    @pytest.mark.parametrize("text", [
        "Работаем с 500 брендами", "Уже 12 лет на рынке", "Отвечаем за 2 часа",
    ])
    def test_invented_numbers(self, text):
        assert any("number" in v for v in check_outgoing(text, allowed=ALLOWED)), text

    @pytest.mark.parametrize("text", [
        "Как ИИ, я не могу", "Я бот компании", "As an AI language model", "Привет, {{ name }}",
    ])
    def test_bot_tells_and_template_residue(self, text):
        assert check_outgoing(text, allowed=ALLOWED), text

    def test_a_claim_in_the_facts_passes(self):
        assert check_outgoing("Интеграция с 1С есть", allowed="Интеграция с 1С есть") == []

    def test_each_violation_is_listed_once(self):
        v = check_outgoing("скидка, скидка, скидка", allowed=ALLOWED)
        assert v == ["discount/offer not in facts: скидка"]
