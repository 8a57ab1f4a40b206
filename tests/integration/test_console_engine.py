"""The console with the real engine: what the agent does shows up on the operator's pages."""

from __future__ import annotations

import httpx

from sales_agent.service.contacts import add_contact
from sales_agent.settings import Settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures.browser import form_post, working_hour


async def run_engine(store: Store, settings: Settings) -> None:
    await run_workers(store, settings, {"logic", "scheduler", "sandbox"},
                      until_idle=True, clock=Clock(working_hour()))


async def test_a_demo_request_played_in_the_sandbox_reaches_the_handoff_queue(
        console_client: httpx.AsyncClient, store: Store, console_settings: Settings) -> None:
    lead = await add_contact(store, name="Игорь Лебедев", company="Колосок",
                             email="igor@kolosok.example")
    await run_engine(store, console_settings)
    await form_post(console_client, f"/sandbox/{lead.id}",
                    {"text": "Давайте созвонимся, покажите демо на этой неделе"})
    await run_engine(store, console_settings)
    chat = (await console_client.get(f"/contacts/{lead.id}/chat")).text
    assert 'class="badge in-demo"' in chat and "Шаг: ответ на запрос демо" in chat
    queue = (await console_client.get("/handoff")).text
    assert "запрос демо" in queue and "лид просит демо" in queue and "Игорь Лебедев" in queue
