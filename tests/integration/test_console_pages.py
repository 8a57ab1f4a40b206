"""Console pages over the real store: lists, a contact's conversation, add, import, actions."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import httpx

from sales_agent.domain.model import Message
from sales_agent.service.contacts import add_contact
from sales_agent.store import Store
from tests.fixtures.browser import form_post

SAMPLES = "/work/shared/samples"


def _email() -> str:
    return f"lead-{secrets.token_hex(3)}@example.com"


async def _record(store: Store, contact_id: str, direction: str, text: str, **extra: object
                  ) -> None:
    await store.messages.record(Message(
        id=secrets.token_hex(6), contact_id=contact_id, direction=direction, channel="sandbox",
        text=text, at=datetime.now(UTC), **extra))


class TestContactList:
    async def test_lists_contacts_with_counts_per_status(self, console_client: httpx.AsyncClient,
                                                         store: Store) -> None:
        await add_contact(store, name="Ольга Смирнова", company="Бодрое утро", email=_email())
        page = await console_client.get("/contacts")
        assert page.status_code == 200
        assert "Ольга Смирнова" in page.text and "новый · 1" in page.text

    async def test_search_matches_company_and_handle(self, console_client: httpx.AsyncClient,
                                                     store: Store) -> None:
        await add_contact(store, name="Игорь", company="Колосок", telegram="@igor_kolosok")
        await add_contact(store, name="Anna", company="Northwind", email=_email())
        by_company = await console_client.get("/contacts", params={"q": "колос"})
        by_handle = await console_client.get("/contacts", params={"q": "@IGOR_k"})
        assert "Игорь" in by_company.text and "Anna" not in by_company.text
        assert "Игорь" in by_handle.text and "Anna" not in by_handle.text

    async def test_status_filter_shows_only_that_status(self, console_client: httpx.AsyncClient,
                                                        store: Store) -> None:
        kept = await add_contact(store, name="Пётр", email=_email())
        await add_contact(store, name="Остановленный", email=_email())
        await store.contacts.update(kept.id, status="handoff")
        page = await console_client.get("/contacts", params={"status": "handoff"})
        assert "Пётр" in page.text and "Остановленный" not in page.text
        assert "нужен человек · 1" in page.text and "новый · 1" in page.text
        assert "все · 2" in page.text


class TestAddContact:
    async def test_adds_and_redirects_to_its_page(self, console_client: httpx.AsyncClient,
                                                  store: Store) -> None:
        email = _email()
        answer = await form_post(console_client, "/contacts", {
            "name": "Мария", "company": "ООО Ромашка", "email": email,
            "products": "Чай\nКофе"})
        assert answer.status_code == 303
        contact = await store.contacts.get(email)
        assert answer.headers["location"].startswith(f"/contacts/{contact.id}")
        assert contact.products == ["Чай", "Кофе"]

    async def test_invalid_contact_shows_the_form_again(self, console_client: httpx.AsyncClient,
                                                        store: Store) -> None:
        answer = await form_post(console_client, "/contacts", {"name": "Без адреса"})
        assert answer.status_code == 422
        assert "нужен e-mail или Telegram-ник" in answer.text
        assert 'value="Без адреса"' in answer.text
        assert await store.contacts.list() == []

    async def test_duplicate_email_is_reported(self, console_client: httpx.AsyncClient,
                                               store: Store) -> None:
        email = _email()
        await add_contact(store, name="Первый", email=email)
        answer = await form_post(console_client, "/contacts", {"name": "Второй", "email": email})
        assert answer.status_code == 422
        assert f"контакт с e-mail &#39;{email}&#39; уже есть" in answer.text


class TestContactPage:
    async def test_shows_the_conversation_with_intent_and_why(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Анна", company="Кофе", email=_email())
        await _record(store, lead.id, "out", "Здравствуйте, Анна!", subject="Отзывы о кофе",
                      attachments=["presentation.pdf"], decision="first")
        await _record(store, lead.id, "in", "Пришлите презентацию", intent="presentation",
                      decision="rules: «пришлите презентацию»")
        page = await console_client.get(f"/contacts/{lead.id}")
        assert page.status_code == 200
        for shown in ("Здравствуйте, Анна!", "presentation.pdf", "Тема: Отзывы о кофе",
                      "Почему так понято: rules: «пришлите презентацию»", "Шаг: первое сообщение",
                      "презентация"):
            assert shown in page.text

    async def test_a_lead_message_with_html_is_shown_as_text(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="<b>Хакер</b>", email=_email())
        await _record(store, lead.id, "in", "<script>alert('x')</script><img src=x onerror=1>")
        for url in (f"/contacts/{lead.id}", f"/contacts/{lead.id}/chat", "/contacts"):
            body = (await console_client.get(url)).text
            assert "<script>alert" not in body and "<img src=x" not in body
            assert "<b>Хакер</b>" not in body
        body = (await console_client.get(f"/contacts/{lead.id}")).text
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in body

    async def test_unknown_contact_is_a_404_page(self, console_client: httpx.AsyncClient) -> None:
        for url in ("/contacts/nobody", "/contacts/nobody@example.com/chat",
                    "/sandbox/nobody", "/contacts/nobody/analytics"):
            page = await console_client.get(url)
            assert page.status_code == 404, url
            assert "Контакт не найден" in page.text and "Traceback" not in page.text

    async def test_unknown_page_is_a_404_page(self, console_client: httpx.AsyncClient) -> None:
        page = await console_client.get("/no/such/page")
        assert page.status_code == 404 and "Страница не найдена" in page.text

    async def test_can_be_opened_by_email_or_handle(self, console_client: httpx.AsyncClient,
                                                    store: Store) -> None:
        await add_contact(store, name="Тимур", telegram="@timur_t")
        page = await console_client.get("/contacts/@timur_t")
        assert page.status_code == 200 and "Тимур" in page.text


class TestStatusPage:
    async def test_shows_each_parts_health(self, console_client: httpx.AsyncClient,
                                           store: Store) -> None:
        from sales_agent.workers.health import Health

        health = Health(store, "worker-1")
        health.up("logic")
        health.down("email", "SMTP 127.0.0.1:1 unreachable: ConnectionRefusedError")
        health.stopped("telegram", "Telegram refused SALES_AGENT_TELEGRAM_BOT_TOKEN (401)")
        assert await health.publish()
        page = await console_client.get("/status")
        assert "<td>logic</td><td>работает</td>" in page.text
        assert "<td>email</td><td>недоступно, повторяем</td>" in page.text
        assert "<td>telegram</td><td>остановлено, нужен человек</td>" in page.text
        assert "ConnectionRefusedError" in page.text
