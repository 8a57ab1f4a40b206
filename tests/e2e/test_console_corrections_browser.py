"""In real headless Chromium: the operator corrects how the agent read a reply, in one click."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from sales_agent.console import labels
from sales_agent.service.contacts import add_contact
from sales_agent.service.conversation import submit_sandbox_reply
from sales_agent.store import Store
from tests.e2e.test_console_browser import run_engine, shot, wait
from tests.fixtures.browser import working_hour

pytestmark = pytest.mark.e2e


async def test_operator_corrects_an_intent_on_the_conversation_page(
        chrome: Any, console_server: str, store: Store) -> None:
    lead = await add_contact(store, name="Вера Котова", company="Ромашка",
                             email="vera@romashka.example")
    await run_engine(store, working_hour())
    # a reply the model is unsure of (marked for review)
    await submit_sandbox_reply(store, lead.id, "Не уверен, что нам это сейчас актуально")
    await run_engine(store, working_hour())

    chrome.get(f"{console_server}/contacts/{lead.id}")
    message = chrome.find_element(By.CSS_SELECTOR, ".msg.in")
    assert message.find_element(By.CSS_SELECTOR, ".review").text == "на проверку"
    assert message.find_element(By.CSS_SELECTOR, ".confidence").text.endswith("%")
    Select(message.find_element(By.NAME, "intent")).select_by_value("interested")
    message.find_element(By.CSS_SELECTOR, "form.correct button").click()
    wait(chrome).until(lambda d: "note=corrected" in d.current_url)

    [correction] = await store.corrections.all()
    assert correction.intents == ("interested",) and correction.old.intent != "interested"
    assert correction.old.review is True
    corrected = chrome.find_element(By.CSS_SELECTOR, ".msg.in")
    assert "исправлено оператором" in corrected.text
    assert corrected.find_element(By.CSS_SELECTOR, ".in-interested").text \
        == labels.INTENTS["interested"]
    chrome.execute_script("document.querySelector('.chat').scrollTop = 0;"
                          "document.querySelector('.correct details').open = true")
    shot(chrome, "correction")
