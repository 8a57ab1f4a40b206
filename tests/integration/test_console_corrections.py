"""The operator corrects a reply's intent in the console: stored, used by the running engine at
once, exported as training data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import httpx

from sales_agent.brain.classifier.corpus import parse_item
from sales_agent.brain.classifier.text import own_text
from sales_agent.domain.model import Contact
from sales_agent.service.contacts import add_contact
from sales_agent.service.conversation import submit_sandbox_reply
from sales_agent.service.privacy import erase_contact
from sales_agent.settings import Settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.logic import LogicWorker
from sales_agent.workers.runner import run_workers
from sales_agent.workers.wiring import build_engine
from tests.fixtures.browser import form_post, working_hour

# The model is unsure of this one and it may be a refusal (for review); the operator says the
# lead is interested. Being a possible refusal, only an identical reply may take the correction.
UNSURE = "Не уверен, что нам это сейчас актуально"


async def _lead_who_replied(store: Store, settings: Settings, text: str) -> Contact:
    lead = await add_contact(store, name="Вера Котова", company="Ромашка",
                             email=f"vera-{os.urandom(3).hex()}@romashka.example")
    clock = Clock(working_hour())
    await run_workers(store, settings, {"logic", "scheduler", "sandbox"}, until_idle=True,
                      clock=clock)
    await submit_sandbox_reply(store, lead.id, text)
    return lead


async def _drain(worker: LogicWorker) -> None:
    while await worker.process_one():
        pass


async def _inbound(store: Store, contact_id: str) -> list:
    return [m for m in await store.messages.for_contact(contact_id) if str(m.direction) == "in"]


async def test_a_correction_is_stored_and_used_by_the_running_engine_at_once(
        console_client: httpx.AsyncClient, store: Store, console_settings: Settings) -> None:
    lead = await _lead_who_replied(store, console_settings, UNSURE)
    clock = Clock(working_hour())
    worker = LogicWorker(store, build_engine(store, console_settings, clock), clock=clock,
                         owner="logic-test")
    await _drain(worker)
    [first] = await _inbound(store, lead.id)
    read_as = str(first.intent)  # whatever the model makes of it, it is marked for review:

    chat = (await console_client.get(f"/contacts/{lead.id}/chat")).text
    assert "на проверку" in chat and 'name="intent"' in chat and first.id in chat
    answer = await form_post(console_client, f"/contacts/{lead.id}/correct",
                             {"message_id": first.id, "intent": "interested"})
    assert answer.status_code == 303 and "note=corrected" in answer.headers["location"]
    stored = await store.corrections.get(first.id)
    assert stored is not None and stored.intents == ("interested",)
    assert stored.text == own_text(UNSURE)
    assert stored.old.intent == read_as != "interested" and stored.old.review is True
    assert stored.channel == "sandbox" and stored.language == "ru" and stored.n == 1
    chat = (await console_client.get(f"/contacts/{lead.id}/chat")).text
    assert "исправлено оператором" in chat and 'class="badge in-interested"' in chat

    # The same worker, not restarted: the identical reply takes the operator's label...
    await submit_sandbox_reply(store, lead.id, UNSURE + ".")
    # ...a near one that the model reads as a possible refusal does not.
    await submit_sandbox_reply(store, lead.id, UNSURE + ", спасибо большое")
    await _drain(worker)
    first_again, second, third = await _inbound(store, lead.id)
    assert first_again.id == first.id
    assert str(second.intent) == "interested" and "operator correction c-1" in second.decision
    assert str(third.intent) != "interested"
    item = await store.inbox.get(second.id.removeprefix("in:"))
    assert item is not None and item.classification is not None
    assert item.classification["extra"]["review"] is False
    assert item.classification["confidence"] >= 0.95


async def test_a_second_correction_replaces_the_first(
        console_client: httpx.AsyncClient, store: Store, console_settings: Settings) -> None:
    lead = await _lead_who_replied(store, console_settings, "Пришлите, пожалуйста, прайс")
    await run_workers(store, console_settings, {"logic"}, until_idle=True,
                      clock=Clock(working_hour()))
    [reply] = await _inbound(store, lead.id)
    for intent in ("question", "later"):
        await form_post(console_client, f"/contacts/{lead.id}/correct",
                        {"message_id": reply.id, "intent": intent, "until": "2027-01-15",
                         "colleague": "boss@romashka.example"})
    [stored] = await store.corrections.all()
    assert stored.intents == ("later",) and stored.n == 1
    assert stored.until == date(2027, 1, 15) and stored.contact is None  # later has no contact
    bad_date = await form_post(console_client, f"/contacts/{lead.id}/correct",
                               {"message_id": reply.id, "intent": "demo", "until": "15.01"})
    assert "note=not_corrected" in bad_date.headers["location"]
    assert (await store.corrections.get(reply.id)).intents == ("later",)  # type: ignore[union-attr]


async def test_bad_corrections_are_refused(console_client: httpx.AsyncClient, store: Store,
                                           console_settings: Settings) -> None:
    lead = await _lead_who_replied(store, console_settings, "Пришлите презентацию")
    await run_workers(store, console_settings, {"logic"}, until_idle=True,
                      clock=Clock(working_hour()))
    [reply] = await _inbound(store, lead.id)
    unknown = await form_post(console_client, f"/contacts/{lead.id}/correct",
                              {"message_id": reply.id, "intent": "buy_now"})
    ours = [m for m in await store.messages.for_contact(lead.id) if str(m.direction) == "out"]
    not_inbound = await form_post(console_client, f"/contacts/{lead.id}/correct",
                                  {"message_id": ours[0].id, "intent": "stop"})
    for answer in (unknown, not_inbound):
        assert "note=not_corrected" in answer.headers["location"]
    no_token = await console_client.post(f"/contacts/{lead.id}/correct",
                                          data={"message_id": reply.id, "intent": "stop"})
    assert no_token.status_code == 403
    assert await store.corrections.all() == []


async def test_export_writes_corpus_lines_and_a_deletion_request_removes_them(
        console_client: httpx.AsyncClient, store: Store, console_settings: Settings,
        settings_env: dict[str, str], tmp_path: Path) -> None:
    lead = await _lead_who_replied(store, console_settings,
                                   "Напишите нашему директору, ivan.petrov@romashka.example")
    await run_workers(store, console_settings, {"logic"}, until_idle=True,
                      clock=Clock(working_hour()))
    [reply] = await _inbound(store, lead.id)
    await form_post(console_client, f"/contacts/{lead.id}/correct",
                    {"message_id": reply.id, "intent": "redirect"})
    out = tmp_path / "corrections.jsonl"
    done = subprocess.run([sys.executable, "-m", "sales_agent.cli", "brain", "export",
                           "--out", str(out)], env={**os.environ, **settings_env},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "exported 1 corrections" in done.stderr
    [line] = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    item = parse_item(record)  # the corpus reader accepts it as it is
    assert item.id == "c-1" and item.intents == ("redirect",) and item.lang == "ru"
    assert item.text.startswith("Напишите нашему директору")
    assert item.contact == "ivan.petrov@romashka.example" and item.channel == "telegram"
    assert datetime.fromisoformat(record["date"]).tzinfo is not None

    await erase_contact(store, lead, datetime.now(UTC))
    assert await store.corrections.all() == []


def test_export_never_overwrites_the_held_out_split(settings_env: dict[str, str],
                                                    tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sales_agent.cli", "brain", "export",
                           "--out", str(tmp_path / "holdout.jsonl")],
                          env={**os.environ, **settings_env}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode != 0 and "another corpus file" in done.stderr
    assert not (tmp_path / "holdout.jsonl").exists()


async def test_a_correction_to_stop_stops_the_next_lead_who_writes_nearly_the_same(
        console_client: httpx.AsyncClient, store: Store, console_settings: Settings) -> None:
    text = "У нас сейчас другой подрядчик по отзывам, работаем с ним уже три года"
    first = await _lead_who_replied(store, console_settings, text)
    clock = Clock(working_hour())
    worker = LogicWorker(store, build_engine(store, console_settings, clock), clock=clock,
                         owner="logic-test")
    await _drain(worker)
    [reply] = await _inbound(store, first.id)
    assert str(reply.intent) != "stop"
    await form_post(console_client, f"/contacts/{first.id}/correct",
                    {"message_id": reply.id, "intent": "stop"})

    second = await _lead_who_replied(store, console_settings, text + ", так что спасибо")
    await _drain(worker)
    [theirs] = await _inbound(store, second.id)
    assert str(theirs.intent) == "stop" and "operator correction c-1" in theirs.decision
    assert str((await store.contacts.get(second.id)).status) == "stopped"
