"""The console in real headless Chromium: add a lead, watch the first message arrive, play the
lead in the sandbox, see the intent and status change, open the funnel; screenshots of the main
pages go to test-artifacts/ (look at them)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from sales_agent.console import labels
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.fixtures.browser import ARTIFACTS, working_hour

pytestmark = pytest.mark.e2e
SAMPLES = Path("/work/shared/samples")


async def run_engine(store: Store, at: datetime) -> None:
    await run_workers(store, load_settings(), {"logic", "scheduler", "sandbox"},
                      until_idle=True, clock=Clock(at))


def wait(driver: Any, seconds: float = 10) -> WebDriverWait:
    return WebDriverWait(driver, seconds, poll_frequency=0.2)


def shot(driver: Any, name: str) -> None:
    """A full-page screenshot: the window grows to the page's height for the picture."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(900, min(int(height), 4000)))
    driver.save_screenshot(str(ARTIFACTS / f"console-{name}.png"))
    driver.set_window_size(1280, 900)


def text_of(driver: Any, css: str) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)


async def test_operator_adds_a_lead_and_plays_it_in_the_sandbox(
        chrome: Any, console_server: str, store: Store) -> None:
    at = working_hour()
    chrome.get(f"{console_server}/contacts/new")
    form = {"name": "Ольга Смирнова", "company": "Кофейная компания «Бодрое утро»",
            "email": "olga@bodroe-utro.example", "products": "Капсулы Лунго 10 шт"}
    for field, value in form.items():
        chrome.find_element(By.NAME, field).send_keys(value)
    shot(chrome, "add-contact")
    chrome.find_element(By.CSS_SELECTOR, "#contact-form button").click()
    wait(chrome).until(lambda d: "/contacts/" in d.current_url and "note=added" in d.current_url)
    contact = await store.contacts.get("olga@bodroe-utro.example")

    await run_engine(store, at)  # the agent writes first; the open page polls it in
    wait(chrome).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".msg.out"))
    assert "Ольга" in text_of(chrome, ".msg.out .text")
    assert text_of(chrome, ".chat-head .badge") == labels.STATUSES["active"]
    shot(chrome, "contact")

    chrome.get(f"{console_server}/sandbox/{contact.id}")
    chrome.find_element(By.NAME, "text").send_keys("Добрый день! Пришлите презентацию.")
    chrome.find_element(By.CSS_SELECTOR, "#say button").click()
    wait(chrome).until(lambda d: "note=said" in d.current_url)
    assert await store.inbox.collection.find_one({"contact_id": contact.id, "channel": "sandbox"})

    await run_engine(store, at + timedelta(minutes=5))
    wait(chrome).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".msg.in .in-presentation"))
    wait(chrome).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".msg.out")) >= 2)
    status = str((await store.contacts.get(contact.id)).status)
    assert text_of(chrome, ".chat-head .badge") == labels.STATUSES[status]
    shot(chrome, "sandbox")

    chrome.get(f"{console_server}/funnel")
    assert "Воронка" in chrome.title
    assert "презентация" in text_of(chrome, "main")
    shot(chrome, "funnel")


async def test_main_pages_render_and_lead_html_stays_text(
        chrome: Any, console_server: str, store: Store) -> None:
    chrome.get(f"{console_server}/import")
    chrome.find_element(By.NAME, "file").send_keys(str(SAMPLES / "contacts.csv"))
    chrome.find_element(By.CSS_SELECTOR, "form.form button").click()
    wait(chrome, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report .finished"))
    assert int(text_of(chrome, "#report .added")) >= 2
    shot(chrome, "import")

    lead = await store.contacts.get("olga.smirnova@bodroe-utro.example")
    await store.contacts.update(lead.id, status="handoff")
    await store.notifications.add("n1", contact_id=lead.id, kind="handoff",
                                  reason="вопрос вне базы знаний",
                                  text="<script>window.__xss = 1</script> А есть API?",
                                  at=datetime.now(UTC).timestamp())
    chrome.get(f"{console_server}/handoff")
    assert "<script>window.__xss = 1</script>" in text_of(chrome, ".notice-card blockquote")
    assert chrome.execute_script("return window.__xss") is None
    shot(chrome, "handoff")

    chrome.get(f"{console_server}/contacts/{lead.id}/analytics")
    chrome.find_element(By.NAME, "file").send_keys(str(SAMPLES / "reviews.csv"))
    chrome.find_element(By.CSS_SELECTOR, "form.form button").click()
    wait(chrome, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report a.refresh"))
    chrome.find_element(By.CSS_SELECTOR, "#report a.refresh").click()
    wait(chrome, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "img.chart-img"))
    assert chrome.execute_script(
        "return document.querySelector('img.chart-img').naturalWidth") > 0
    shot(chrome, "analytics")

    for page in ("contacts", "status"):
        chrome.get(f"{console_server}/{page}")
        shot(chrome, page)
    chrome.get(f"{console_server}/contacts")
    assert "Ольга Смирнова" in text_of(chrome, "table.list")
