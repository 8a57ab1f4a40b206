"""With an LLM configured, a reply the offline brain marks for review is settled by it (over the
OpenAI HTTP API, a local server); when it fails, the offline result stands. The offline verdict
is fixed here, so the test does not depend on what the trained model says of one sentence."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sales_agent.brain.classifier import Classification
from sales_agent.domain.model import Intent
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.store.items import InboxItem
from sales_agent.workers import conversation_engine as engine_module
from sales_agent.workers.clock import Clock
from sales_agent.workers.wiring import build_engine
from tests.fixtures.llm import FakeOpenAI

AT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
TIE = Classification(Intent.QUESTION, 0.4, None, None, Intent.DEMO, ("tie",), review=True)


def item(text: str) -> InboxItem:
    return InboxItem(key="k1", text=text, at=AT.timestamp(), channel="email")


@pytest.fixture
def engine(store: Store, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(engine_module, "classify", lambda *a, **kw: TIE)
    monkeypatch.setenv("SALES_AGENT_LLM_BASE_URL", fake_openai.base_url)
    monkeypatch.setenv("SALES_AGENT_LLM_API_KEY", "sk-test-not-a-secret")
    return build_engine(store, load_settings(), Clock(AT))


async def test_the_llm_settles_a_tie(engine, fake_openai: FakeOpenAI) -> None:  # type: ignore[no-untyped-def]
    fake_openai.reply({"intent": "demo", "contact": None, "until": None, "confidence": 0.8})
    settled = await engine._classify_afresh(item("Можно глянуть, как это работает?"))
    assert settled.intent is Intent.DEMO and "settled by the LLM" in settled.reasons
    assert not settled.review
    sent = fake_openai.requests[-1]
    assert "Можно глянуть" in str(sent)


async def test_a_failing_llm_leaves_the_offline_answer(engine, fake_openai: FakeOpenAI) -> None:  # type: ignore[no-untyped-def]
    fake_openai.fail(500)
    fake_openai.fail(500)
    fake_openai.fail(500)
    settled = await engine._classify_afresh(item("Хм"))
    assert settled == TIE
