"""Letters through the real engine and store: a thread never repeats a figure, the chart goes
once, a redirect's colleague is named and declined right, colleagues get different letters."""

from __future__ import annotations

from datetime import timedelta

from sales_agent.analytics.importer import import_reviews
from sales_agent.brain.story import used_numbers
from sales_agent.store import Store
from tests.conftest import SHARED
from tests.integration.test_engine import WEDNESDAY, lead, outgoing, reply, run_until_idle

COMPANY = "Кофейная компания «Бодрое утро»"
PRODUCTS = ["Капсулы Лунго 10 шт", "Кофе молотый Бразилия 250 г", "Кофе растворимый Голд 95 г",
            "Дрип-пакеты Колумбия 10 шт", "Кофе в зёрнах Эфиопия 1 кг"]


def body(text: str) -> str:
    return text.split("\n\nС уважением,")[0]


class TestThreadMemory:
    async def test_first_and_two_follow_ups_never_repeat_a_figure(self, store: Store) -> None:
        await import_reviews(store, SHARED / "samples" / "reviews.csv")
        c = await lead(store, company=COMPANY, email="olga@bodroe-utro.example")
        for days in (5, 20):
            await run_until_idle(store, WEDNESDAY + timedelta(days=days))
        thread = await outgoing(store, c.id)
        assert [m.decision for m in thread] == ["first", "followup", "followup"]
        seen: set[str] = set()
        for m in thread:
            numbers = used_numbers([body(m.text)], PRODUCTS)
            assert not numbers & seen, (m.decision, numbers & seen)
            seen |= numbers
        assert "«Пакет пришёл порванный»" in thread[0].text
        assert len(thread[0].subject or "") <= 45

    async def test_the_chart_goes_once_per_thread(self, store: Store) -> None:
        await import_reviews(store, SHARED / "samples" / "reviews.csv")
        c = await lead(store, company=COMPANY, email="olga@bodroe-utro.example")
        await reply(store, c.id, "Интересно. Чем сервис поможет нашим товарам?")
        await reply(store, c.id, "А как работает? Что умеет сервис?",
                    WEDNESDAY + timedelta(hours=2))
        charts = [a for m in await outgoing(store, c.id) for a in m.attachments
                  if a.endswith(".png")]
        assert len(charts) == 1


class TestRedirect:
    async def test_the_colleague_named_in_the_reply_is_greeted_and_thanked_for_by_name(
            self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Это не ко мне, напишите Анне Петровой: anna.p@bodroe.example")
        colleague = await store.contacts.get("anna.p@bodroe.example")
        assert colleague.name == "Анна Петрова"
        thanks = (await outgoing(store, c.id))[-1]
        assert thanks.decision == "redirect_thanks" and "Анне Петровой" in thanks.text
        (intro,) = await outgoing(store, colleague.id)
        assert intro.text.startswith("Анна, добрый день!")

    async def test_an_address_alone_gives_a_neutral_greeting(self, store: Store) -> None:
        c = await lead(store)
        await reply(store, c.id, "Напишите на marketing.lead@bodroe.example")
        colleague = await store.contacts.get("marketing.lead@bodroe.example")
        (intro,) = await outgoing(store, colleague.id)
        assert intro.text.startswith("Добрый день!") and "Marketing" not in intro.text


class TestColleagues:
    async def test_three_people_at_one_company_get_three_different_letters(
            self, store: Store) -> None:
        firsts = []
        for i, name in enumerate(["Ольга Смирнова", "Игорь Белов", "Вера Котова"]):
            c = await lead(store, name=name, email=f"p{i}@bodroe.example")
            (first,) = await outgoing(store, c.id)
            firsts.append(first.text.split("\n", 1)[1])  # without the greeting
        assert len(set(firsts)) == 3


class TestMemoryFromHistory:
    async def test_a_chat_greets_once_a_day_and_a_sent_chart_is_remembered(
            self, store: Store) -> None:
        from sales_agent.domain.model import Channel, Direction, Message
        from sales_agent.workers.thread_history import thread_memory

        c = await lead(store)
        now = WEDNESDAY + timedelta(hours=3)
        assert not (await thread_memory(store, c, "telegram", now)).greeted_today
        await store.messages.record(Message(
            id="out:tg1", contact_id=c.id, direction=Direction.OUT, channel=Channel.TELEGRAM,
            text="Ольга, добрый день! …", at=WEDNESDAY + timedelta(hours=1),
            attachments=["reviews-abc-123.png"]))
        memory = await thread_memory(store, c, "telegram", now)
        assert memory.greeted_today and memory.chart_sent and len(memory.texts) == 2
        tomorrow = await thread_memory(store, c, "telegram", now + timedelta(days=1))
        assert not tomorrow.greeted_today
