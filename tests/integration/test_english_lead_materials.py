"""An English lead, end to end through the engine: the English chart and the English deck."""

from __future__ import annotations

from datetime import timedelta

from sales_agent.analytics.importer import import_reviews
from sales_agent.store import Store
from tests.conftest import SHARED
from tests.integration.test_engine import WEDNESDAY, lead, outgoing, reply


async def test_english_lead_gets_the_english_chart_and_deck(store: Store) -> None:
    await import_reviews(store, SHARED / "samples" / "reviews.csv")
    c = await lead(store, name="Anna Berg", company="Кофейная компания «Бодрое утро»",
                   email="anna.berg@bodroe-utro.example", products=[])
    await reply(store, c.id, "Interesting. How would the service help with our products?")
    answer = (await outgoing(store, c.id))[-1]
    charts = [a for a in answer.attachments if a.endswith(".png")]
    assert charts and all("-en-" in a for a in charts), answer.attachments
    await reply(store, c.id, "Could you send us the presentation, please?",
                WEDNESDAY + timedelta(hours=2))
    deck = (await outgoing(store, c.id))[-1]
    assert "presentation_en.pdf" in deck.attachments, deck.attachments
    assert "presentation.pdf" not in deck.attachments


async def test_russian_lead_keeps_the_russian_chart_and_deck(store: Store) -> None:
    await import_reviews(store, SHARED / "samples" / "reviews.csv")
    c = await lead(store, company="Кофейная компания «Бодрое утро»",
                   email="olga@bodroe-utro.example")
    await reply(store, c.id, "Интересно. Чем сервис поможет нашим товарам?")
    answer = (await outgoing(store, c.id))[-1]
    charts = [a for a in answer.attachments if a.endswith(".png")]
    assert charts and all("-ru-" in a for a in charts), answer.attachments
    await reply(store, c.id, "Пришлите, пожалуйста, презентацию", WEDNESDAY + timedelta(hours=2))
    assert "presentation.pdf" in (await outgoing(store, c.id))[-1].attachments
