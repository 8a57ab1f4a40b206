"""Console actions through the use cases: reset, stop, operator reply, sandbox, imports."""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime
from pathlib import Path

import httpx

from sales_agent.domain.model import Message
from sales_agent.service.contacts import add_contact
from sales_agent.store import Store
from tests.fixtures.browser import form_post

SAMPLES = Path("/work/shared/samples")


def _email() -> str:
    return f"lead-{secrets.token_hex(3)}@example.com"


class TestActions:
    async def test_stop_marks_the_contact_stopped_and_suppressed(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Стоп", email=_email())
        answer = await form_post(console_client, f"/contacts/{lead.id}/stop")
        assert answer.status_code == 303
        assert str((await store.contacts.get(lead.id)).status) == "stopped"
        assert await store.suppression.blocks(f"email:{lead.email}")

    async def test_reset_starts_over(self, console_client: httpx.AsyncClient,
                                     store: Store) -> None:
        lead = await add_contact(store, name="Сброс", email=_email())
        await store.contacts.update(lead.id, status="ignored")
        await form_post(console_client, f"/contacts/{lead.id}/reset")
        after = await store.contacts.get(lead.id)
        assert str(after.status) == "new" and after.epoch == lead.epoch + 1

    async def test_reset_keeps_a_leads_stop(self, console_client: httpx.AsyncClient,
                                            store: Store) -> None:
        lead = await add_contact(store, name="Стоп", email=_email())
        await form_post(console_client, f"/contacts/{lead.id}/stop")
        response = await form_post(console_client, f"/contacts/{lead.id}/reset")
        assert "stop_kept" in str(response.headers.get("location", response.url))
        assert str((await store.contacts.get(lead.id)).status) == "stopped"

    async def test_operator_reply_goes_to_the_outbox_and_closes_the_handoff(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Человек", email=_email())
        await store.contacts.update(lead.id, status="handoff")
        await store.notifications.add("h1", contact_id=lead.id, kind="handoff",
                                      reason="сложный вопрос", text="А скидки?", at=1.0)
        queue = await console_client.get("/handoff")
        assert "сложный вопрос" in queue.text and "А скидки?" in queue.text
        answer = await form_post(console_client, "/handoff/h1/reply", {"text": "Да, 10 %"})
        assert answer.status_code == 303
        after = await console_client.get(answer.headers["location"])
        assert "Ответ поставлен в очередь отправки" in after.text
        sent = await store.outbox.collection.find_one({"contact_id": lead.id})
        assert sent["text"] == "Да, 10 %" and sent["kind"] == "operator"
        assert await store.notifications.open() == []
        assert str((await store.contacts.get(lead.id)).status) == "active"

    async def test_empty_operator_reply_is_not_sent(self, console_client: httpx.AsyncClient,
                                                    store: Store) -> None:
        lead = await add_contact(store, name="Пусто", email=_email())
        answer = await form_post(console_client, f"/contacts/{lead.id}/reply", {"text": "  "})
        assert answer.headers["location"].endswith("note=empty")
        assert await store.outbox.count() == 0

    async def test_sandbox_reply_enters_the_inbox(self, console_client: httpx.AsyncClient,
                                                  store: Store) -> None:
        lead = await add_contact(store, name="Лид", email=_email())
        answer = await form_post(console_client, f"/sandbox/{lead.id}",
                                 {"text": "Пришлите презентацию"})
        assert answer.status_code == 303
        item = await store.inbox.collection.find_one({"contact_id": lead.id})
        assert item["text"] == "Пришлите презентацию" and item["channel"] == "sandbox"


async def import_until_done(client: httpx.AsyncClient, name: str, csv: bytes,
                            seen: list[str] | None = None) -> str:
    """Upload, follow to the job's page, poll its progress fragment until the report is there;
    `seen` collects the job page as first shown."""
    started = await form_post(client, "/import", files={"file": (name, csv, "text/csv")})
    assert started.status_code == 303 and started.headers["location"].startswith("/import/")
    job_page = await client.get(started.headers["location"])
    assert job_page.status_code == 200
    if seen is not None:
        seen.append(job_page.text)
    for _ in range(200):
        fragment = (await client.get(started.headers["location"] + "/progress")).text
        if "Импорт идёт" not in fragment:
            return fragment
        await asyncio.sleep(0.05)
    raise AssertionError("the import did not finish")


class TestImports:
    async def test_contacts_csv_adds_good_rows_and_reports_bad(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        csv = (SAMPLES / "contacts.csv").read_bytes()
        page = await import_until_done(console_client, "contacts.csv", csv)
        added = len(await store.contacts.list())
        assert added >= 2 and f'class="added">{added}<' in page
        assert "<td>не указано имя</td>" in page  # the bad row's reason, in Russian

    async def test_unreadable_csv_is_an_error_on_the_form(
            self, console_client: httpx.AsyncClient) -> None:
        page = await import_until_done(console_client, "x.csv", b"foo,bar\n1,2\n")
        assert "в файле x.csv нет колонок: name (есть: foo, bar)" in page
        assert "sa-upload" not in page  # our temporary path is not shown

    async def test_a_big_file_shows_progress_and_finishes(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        rows = "".join(f"Лид {i},Компания,lead{i}@big.example,,\n" for i in range(300))
        first: list[str] = []
        page = await import_until_done(console_client, "big.csv",
                                       ("name,company,email,telegram,products\n" + rows).encode(),
                                       first)
        assert "Импорт идёт" in first[0] and "<progress" in first[0]
        assert 'data-poll="/import/' in first[0]
        assert 'class="added">300<' in page
        assert (await store.contacts.count_by_status())["new"] == 300
        assert (await console_client.get("/import/unknown-job")).status_code == 404

    async def test_reviews_upload_shows_the_company_numbers_and_chart(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Ольга", company="Кофейная компания «Бодрое утро»",
                                 email=_email())
        csv = (SAMPLES / "reviews.csv").read_bytes()
        started = await form_post(console_client, f"/contacts/{lead.id}/reviews",
                                  files={"file": ("reviews.csv", csv, "text/csv")})
        job_url = started.headers["location"]
        assert job_url.startswith(f"/contacts/{lead.id}/analytics?job=")
        job = job_url.split("job=")[1]
        for _ in range(400):
            fragment = (await console_client.get(f"/import/{job}/progress")).text
            if "Готово" in fragment:
                break
            await asyncio.sleep(0.05)
        assert 'class="rows">720<' in fragment and 'class="bad">0<' in fragment
        page = await console_client.get(f"/contacts/{lead.id}/analytics")
        assert page.status_code == 200 and "негативных" in page.text
        chart = page.text.split('src="/charts/', 1)[1].split('"', 1)[0]
        image = await console_client.get(f"/charts/{chart}")
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


    async def test_a_reviews_file_without_ratings_is_reported(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Ольга", company="Бодрое утро", email=_email())
        started = await form_post(console_client, f"/contacts/{lead.id}/reviews",
                                  files={"file": ("bad.csv", b"author,text\nx,y\n", "text/csv")})
        job = started.headers["location"].split("job=")[1]
        for _ in range(100):
            fragment = (await console_client.get(f"/import/{job}/progress")).text
            if "Импорт идёт" not in fragment:
                break
            await asyncio.sleep(0.05)
        assert "error-text" in fragment and "bad.csv" in fragment and "sa-upload" not in fragment


    async def test_an_upload_without_a_file_is_a_page_not_json(
            self, console_client: httpx.AsyncClient) -> None:
        page = await form_post(console_client, "/import")
        assert page.status_code == 422 and "Форма заполнена не полностью" in page.text


class TestOverviews:
    async def test_funnel_draws_bars_for_stages_intents_channels(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Один", email=_email())
        for direction, intent in (("out", None), ("in", "demo")):
            await store.messages.record(Message(
                id=secrets.token_hex(6), contact_id=lead.id, direction=direction,
                channel="email", text="…", at=datetime.now(UTC), intent=intent))
        page = await console_client.get("/funnel")
        assert page.status_code == 200 and page.text.count("<svg") == 4
        for shown in ("все контакты", "ответили", "почта — от лидов", "демо"):
            assert shown in page.text

    async def test_charts_route_serves_nothing_outside_the_charts_folder(
            self, console_client: httpx.AsyncClient) -> None:
        for name in ("..%2F..%2Fetc%2Fpasswd", "../settings.py", "x.txt", "%2Fetc%2Fpasswd.png"):
            assert (await console_client.get(f"/charts/{name}")).status_code == 404
