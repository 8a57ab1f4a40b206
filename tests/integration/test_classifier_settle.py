"""With an LLM configured (a local OpenAI-compatible server), only review verdicts go to it, and
its answer is used only when it parses and contradicts nothing certain."""

from __future__ import annotations

from datetime import date

import pytest

from sales_agent.brain.classifier import Classification
from sales_agent.brain.classifier.settle import settle
from sales_agent.brain.llm import LlmClient
from sales_agent.domain.model import Intent
from tests.fixtures.llm import FakeOpenAI

TODAY = date(2026, 11, 18)
UNSURE = Classification(Intent.QUESTION, 0.45, runner_up=Intent.DEMO, review=True)
MAYBE_REFUSAL = Classification(Intent.OTHER, 0.5, runner_up=Intent.STOP, review=True,
                               refusal_risk=True)


@pytest.fixture
def llm(fake_openai: FakeOpenAI, writer_settings) -> LlmClient:  # type: ignore[no-untyped-def]
    client = LlmClient.from_settings(writer_settings(llm_base_url=fake_openai.base_url,
                                                     llm_api_key="sk-test", llm_timeout=2.0),
                                     max_retries=0)
    assert client is not None
    return client


async def test_a_review_verdict_is_settled_and_the_reply_goes_as_data(
        llm: LlmClient, fake_openai: FakeOpenAI) -> None:
    fake_openai.reply({"intent": "demo", "contact": None, "until": None, "confidence": 0.9})
    got = await settle(llm, "Можно глянуть, как это работает?\n\nSent from my iPhone", UNSURE,
                       TODAY)
    assert (got.intent, got.review, got.confidence) == (Intent.DEMO, False, 0.9)
    sent = fake_openai.requests[-1]
    assert sent["response_format"]["type"] == "json_schema"
    assert "Можно глянуть" in sent["messages"][1]["content"]
    assert "iPhone" not in sent["messages"][1]["content"]  # boilerplate stays out
    assert sent["messages"][0]["role"] == "system" and "DATA" in sent["messages"][0]["content"]


async def test_acted_on_and_certain_verdicts_never_go_to_the_llm(
        llm: LlmClient, fake_openai: FakeOpenAI) -> None:
    sure = Classification(Intent.PRESENTATION, 0.95)
    certain = Classification(Intent.STOP, 0.99, review=True, certain=True)
    assert await settle(llm, "Вышлите презентацию", sure, TODAY) is sure
    assert await settle(llm, "Отпишите меня", certain, TODAY) is certain
    assert fake_openai.requests == []


async def test_a_possible_refusal_is_never_turned_into_a_sale(
        llm: LlmClient, fake_openai: FakeOpenAI) -> None:
    fake_openai.reply({"intent": "demo", "contact": None, "until": None, "confidence": 0.99})
    got = await settle(llm, "ну такое", MAYBE_REFUSAL, TODAY)
    assert (got.intent, got.review, got.refusal_risk) == (Intent.OTHER, True, True)
    fake_openai.reply({"intent": "stop", "contact": None, "until": None, "confidence": 0.9})
    got = await settle(llm, "ну такое", MAYBE_REFUSAL, TODAY)
    assert (got.intent, got.review) == (Intent.STOP, False)


async def test_an_unusable_answer_leaves_the_verdict_for_review(
        llm: LlmClient, fake_openai: FakeOpenAI) -> None:
    fake_openai.reply("not json at all")
    assert await settle(llm, "хм", UNSURE, TODAY) == UNSURE
    fake_openai.reply({"intent": "redirect", "contact": "boss@rival.example", "until": None,
                       "confidence": 0.95})  # an address the reply does not contain
    assert await settle(llm, "хм", UNSURE, TODAY) == UNSURE
    fake_openai.reply({"intent": "demo", "contact": None, "until": None, "confidence": 0.3})
    got = await settle(llm, "хм", UNSURE, TODAY)
    assert (got.intent, got.review) == (Intent.QUESTION, True)
