"""What an operator sees and may do around the playbook: where a contact came from, the
do-not-contact list on add and import, an erased person, messages that wait, the company."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from sales_agent.errors import DoNotContact
from sales_agent.service.contacts import add_contact, contact_history, import_contacts
from sales_agent.service.conversation import operator_command, submit_sandbox_reply
from sales_agent.settings import load_settings
from sales_agent.store import Store
from sales_agent.workers.clock import Clock
from sales_agent.workers.runner import run_workers
from tests.integration.test_cli_contacts import cli

WEDNESDAY = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 10:00 in Moscow
SATURDAY_NIGHT = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)


def load_settings_env() -> dict[str, str]:
    """The test's own environment (database, data dir) for a CLI subprocess."""
    import os

    return {k: v for k, v in os.environ.items() if k.startswith("SALES_AGENT_")}


def next_saturday_night() -> datetime:
    """The console reads the wall clock: a Saturday night still ahead of it."""
    now = datetime.now(UTC)
    return (now + timedelta(days=(5 - now.weekday()) % 7 + 7)).replace(
        hour=20, minute=0, second=0, microsecond=0)


async def run(store: Store, at: datetime, roles: frozenset[str] = frozenset(
        {"logic", "scheduler", "sandbox"})) -> None:
    await run_workers(store, load_settings(), set(roles), until_idle=True, clock=Clock(at))


@pytest.fixture
def email_on(monkeypatch: pytest.MonkeyPatch, settings_env: dict[str, str]) -> None:
    """The email route is switched on, but no email worker runs: its messages wait."""
    for key, value in {"SALES_AGENT_SMTP_HOST": "127.0.0.1", "SALES_AGENT_IMAP_HOST": "127.0.0.1",
                       "SALES_AGENT_FROM_EMAIL": "anna@napoleon.example"}.items():
        monkeypatch.setenv(key, value)


class TestSource:
    def test_add_with_a_source_is_shown(self, settings_env: dict[str, str]) -> None:
        added = cli(settings_env, "contacts", "add", "--name", "Ольга", "--email",
                    "olga@bodroe.example", "--source", "сайт компании, раздел «Контакты»")
        assert added.returncode == 0, added.stderr
        doc = json.loads(cli(settings_env, "contacts", "show", "olga@bodroe.example",
                             "--json").stdout)
        assert doc["source"] == "сайт компании, раздел «Контакты»"
        shown = cli(settings_env, "contacts", "show", "olga@bodroe.example").stdout
        assert "source: сайт компании" in shown

    async def test_import_reads_the_optional_source_column(self, store: Store,
                                                           tmp_path: Path) -> None:
        path = tmp_path / "leads.csv"
        path.write_text("name,email,source\nПётр,petr@romashka.example,выставка ПИР-2026\n"
                        "Анна,anna@romashka.example,\n")
        report = await import_contacts(store, str(path))
        assert [c.source for c in report.added] == ["выставка ПИР-2026", None]


class TestDoNotContact:
    def test_adding_a_stopped_address_again_is_refused_in_one_line(
            self, settings_env: dict[str, str]) -> None:
        args = ("contacts", "add", "--name", "Ольга", "--email", "olga@bodroe.example")
        contact_id = cli(settings_env, *args).stdout.strip()
        cli(settings_env, "contacts", "show", contact_id)
        import asyncio

        async def stop_and_delete() -> None:
            s = await Store.open(load_settings())
            try:
                await operator_command(s, await s.contacts.get(contact_id), "erase")
                await s.contacts.collection.delete_one({"_id": contact_id})
            finally:
                await s.close()

        asyncio.run(stop_and_delete())
        again = cli(settings_env, *args)
        assert again.returncode == 1
        assert again.stderr.strip().count("\n") == 0
        assert "do-not-contact" in again.stderr

    async def test_import_reports_a_blocked_row_and_adds_the_rest(self, store: Store,
                                                                  tmp_path: Path) -> None:
        stopped = await add_contact(store, name="Иван", telegram="@ivan_stop")
        await operator_command(store, stopped, "stop")
        await store.contacts.collection.delete_one({"_id": stopped.id})
        path = tmp_path / "leads.csv"
        path.write_text("name,telegram\nИван,@Ivan_Stop\nМария,@maria_ok\n")
        report = await import_contacts(store, str(path))
        assert [c.name for c in report.added] == ["Мария"]
        ((line, why),) = report.errors
        assert line == 2 and "do-not-contact" in why

    async def test_an_erased_address_stays_blocked_without_being_stored(self,
                                                                        store: Store) -> None:
        lead = await add_contact(store, name="Ольга", email="olga@erase.example")
        await operator_command(store, lead, "erase")
        entries = [d async for d in store.suppression.collection.find({})]
        assert entries and all("olga" not in json.dumps(d) for d in entries)
        with pytest.raises(DoNotContact):
            await add_contact(store, name="Ольга", email="OLGA@erase.example")


class TestErasure:
    async def test_show_after_a_deletion_request_has_no_name_and_no_texts(
            self, store: Store) -> None:
        lead = await add_contact(store, name="Ольга Смирнова", email="olga@bodroe.example")
        await run(store, WEDNESDAY)
        await submit_sandbox_reply(store, lead.id, "Какие у вас цены?", at=WEDNESDAY)
        await run(store, WEDNESDAY)
        await operator_command(store, await store.contacts.get(lead.id), "erase")
        doc = await contact_history(store, lead.id)
        assert doc["name"] == "" and doc["erased"] is True and doc["email"] is None
        assert len(doc["messages"]) >= 3
        assert all(m["text"] == "" and m["subject"] is None for m in doc["messages"])
        assert "Ольга" not in json.dumps(doc, ensure_ascii=False)
        shown = cli(load_settings_env(), "contacts", "show", lead.id)
        assert shown.returncode == 0 and "erased on request" in shown.stdout
        assert "Ольга" not in shown.stdout and "цены" not in shown.stdout


    async def test_a_deletion_request_keeps_no_text_or_address_after_the_apology(
            self, store: Store) -> None:
        lead = await add_contact(store, name="Ольга Смирнова", email="olga@bodroe.example",
                                 source="сайт компании")
        await run(store, WEDNESDAY)
        key = await submit_sandbox_reply(store, lead.id, "Удалите мои данные, Ольга Смирнова",
                                         at=WEDNESDAY)
        await store.inbox.collection.update_one({"key": key}, {"$set": {"classification": {
            "intent": "stop", "confidence": 0.95, "until": None, "contact": None,
            "runner_up": None, "reasons": ["given by the test"],
            "extra": {"tags": ["erase"]}}}})
        await run(store, WEDNESDAY)
        doc = await contact_history(store, lead.id)
        out = [m for m in doc["messages"] if m["direction"] == "out"]
        assert len(out) == 2 and "apology" in [m["decision"] for m in out]
        assert doc["name"] == "" and doc["status"] == "stopped"
        everything = [d async for d in store.outbox.collection.find({"internal": False})]
        everything += [d async for d in store.inbox.collection.find({})]
        everything += [d async for d in store.messages.collection.find({})]
        assert "Ольга" not in json.dumps(everything, ensure_ascii=False, default=str)
        assert "olga@bodroe.example" not in json.dumps(everything, default=str)
        with pytest.raises(DoNotContact):
            await add_contact(store, name="Ольга", email="olga@bodroe.example")


class TestWaiting:
    async def test_a_message_outside_the_window_says_when_and_why(self, store: Store,
                                                                 email_on: None) -> None:
        lead = await add_contact(store, name="Ольга", email="olga@bodroe.example")
        await run(store, SATURDAY_NIGHT, frozenset({"logic", "scheduler"}))
        doc = await contact_history(store, lead.id, now=SATURDAY_NIGHT)
        (waiting,) = doc["waiting"]
        assert waiting["kind"] == "first" and waiting["why"] == "window"
        assert waiting["due"].startswith("2026-11-30T09:00:00+03:00")

    async def test_the_console_shows_waiting_messages_and_the_company(
            self, store: Store, email_on: None, console_client: httpx.AsyncClient) -> None:
        olga = await add_contact(store, name="Ольга", company="Бодрое утро",
                                 email="olga@bodroe.example")
        await add_contact(store, name="Пётр", company="Бодрое утро",
                          email="petr@bodroe.example")
        night = next_saturday_night()
        await run(store, night, frozenset({"logic", "scheduler"}))
        await store.contacts.update(olga.id, last_in_at=night, warm=True)  # Olga is interested
        petr = await store.contacts.get("petr@bodroe.example")
        page = (await console_client.get(f"/contacts/{petr.id}")).text
        assert "Ждёт отправки" in page and "вне окна отправки" in page
        assert "Ольга" in page and "холодные письма на паузе" in page


class TestDraftFailures:
    async def test_the_hand_off_queue_shows_a_message_that_could_not_be_written(
            self, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            console_client: httpx.AsyncClient) -> None:
        import shutil

        from sales_agent.settings import PROJECT_ROOT

        templates = tmp_path / "templates"
        shutil.copytree(PROJECT_ROOT / "templates", templates)
        (templates / "ru" / "presentation.j2").unlink()
        monkeypatch.setenv("SALES_AGENT_TEMPLATES_DIR", str(templates))
        lead = await add_contact(store, name="Ольга", email="olga@bodroe.example")
        await run(store, WEDNESDAY)
        await submit_sandbox_reply(store, lead.id, "Пришлите презентацию", at=WEDNESDAY)
        await run(store, WEDNESDAY)
        page = (await console_client.get("/handoff")).text
        assert "не удалось написать ответ" in page and "presentation" in page
        assert (await store.contacts.get(lead.id)).status.value == "handoff"


class TestStoppedLeadWritesAgain:
    async def test_a_human_may_answer_and_the_stop_stays(
            self, store: Store, console_client: httpx.AsyncClient) -> None:
        from tests.fixtures.browser import form_post

        lead = await add_contact(store, name="Денис", email="denis@zaitsev.example")
        await run(store, WEDNESDAY)
        await submit_sandbox_reply(store, lead.id, "Не пишите больше.", at=WEDNESDAY)
        await run(store, WEDNESDAY)
        page = (await console_client.get(f"/contacts/{lead.id}")).text
        assert "Ответить как оператор" not in page  # stopped: nobody writes
        await submit_sandbox_reply(store, lead.id, "Пришлите всё-таки презентацию",
                                   at=WEDNESDAY + timedelta(days=1))
        await run(store, WEDNESDAY + timedelta(days=1))
        page = (await console_client.get(f"/contacts/{lead.id}")).text
        assert "Ответить как оператор" in page
        await form_post(console_client, f"/contacts/{lead.id}/reply",
                        {"text": "Денис, презентация во вложении — Анна."})
        await run(store, datetime.now(UTC) + timedelta(minutes=1))  # the console's clock is real
        out = [m.text for m in await store.messages.for_contact(lead.id)
               if m.direction == "out"]
        assert out[-1] == "Денис, презентация во вложении — Анна."
        assert (await store.contacts.get(lead.id)).status.value == "stopped"
        assert not [n for n in await store.notifications.open()
                    if n["contact_id"] == lead.id and n["kind"] == "manager_stopped_wrote"]


class TestCompany:
    async def test_a_colleague_out_of_office_does_not_pause_the_company(
            self, store: Store) -> None:
        olga = await add_contact(store, name="Ольга", company="Бодрое утро",
                                 email="olga@bodroe.example")
        await run(store, WEDNESDAY)
        await submit_sandbox_reply(store, olga.id, "Я в отпуске до 7 декабря, письма прочитаю "
                                   "после возвращения.", at=WEDNESDAY)
        await run(store, WEDNESDAY)
        assert (await store.contacts.get(olga.id)).status.value == "later"
        petr = await add_contact(store, name="Пётр", company="Бодрое утро",
                                 email="petr@bodroe.example")
        await run(store, WEDNESDAY + timedelta(hours=1))
        doc = await contact_history(store, petr.id, now=WEDNESDAY)
        assert doc["cold_outreach"] == "open"
        assert [m["decision"] for m in doc["messages"]] == ["first"]

    async def test_a_colleague_who_asks_a_question_pauses_cold_messages(
            self, store: Store) -> None:
        olga = await add_contact(store, name="Ольга", company="Бодрое утро",
                                 email="olga@bodroe.example")
        await run(store, WEDNESDAY)
        await submit_sandbox_reply(store, olga.id, "Пришлите презентацию", at=WEDNESDAY)
        await run(store, WEDNESDAY)
        petr = await add_contact(store, name="Пётр", company="Бодрое утро",
                                 email="petr@bodroe.example")
        await run(store, WEDNESDAY + timedelta(hours=1))
        doc = await contact_history(store, petr.id, now=WEDNESDAY)
        assert doc["cold_outreach"] == "paused" and doc["messages"] == []
