"""Console access: CSRF on every POST, the password when set, no secret shown, safe headers."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from sales_agent.console.app import create_app
from sales_agent.console.security import CSRF_COOKIE, CSRF_FIELD, Gate
from sales_agent.service.contacts import add_contact
from sales_agent.settings import Settings
from sales_agent.store import Store
from tests.fixtures.browser import form_post

PASSWORD = "correct horse battery"
Client = httpx.AsyncClient


@pytest.fixture
async def locked_client(store: Store, console_settings: Settings
                        ) -> AsyncIterator[httpx.AsyncClient]:
    settings = console_settings.model_copy(update={
        "console_password": SecretStr(PASSWORD), "smtp_password": SecretStr("smtp-SECRET-1"),
        "telegram_bot_token": SecretStr("123:TG-SECRET-2")})
    app = create_app(settings, store)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://127.0.0.1") as client:
        yield client


class TestCsrf:
    async def test_post_without_token_is_rejected(self, console_client: httpx.AsyncClient,
                                                  store: Store) -> None:
        await console_client.get("/contacts")
        answer = await console_client.post("/contacts", data={"name": "X", "email": "x@ex.com"})
        assert answer.status_code == 403 and "Форма устарела" in answer.text
        assert await store.contacts.list() == []

    async def test_post_with_a_token_from_another_browser_is_rejected(
            self, console_client: httpx.AsyncClient, store: Store) -> None:
        lead = await add_contact(store, name="Цель", email="target@example.com")
        await console_client.get("/contacts")
        answer = await console_client.post(f"/contacts/{lead.id}/stop",
                                           data={CSRF_FIELD: secrets.token_urlsafe(32)})
        assert answer.status_code == 403
        assert str((await store.contacts.get(lead.id)).status) == "new"

    async def test_the_cookie_is_strict_and_http_only(
            self, console_client: httpx.AsyncClient) -> None:
        page = await console_client.get("/contacts/new")
        cookie = page.headers["set-cookie"]
        assert cookie.startswith(f"{CSRF_COOKIE}=") and "SameSite=strict" in cookie
        assert "HttpOnly" in cookie
        assert f'name="{CSRF_FIELD}" value="{console_client.cookies[CSRF_COOKIE]}"' in page.text


class TestPassword:
    async def test_pages_redirect_to_login_without_a_session(self, locked_client: Client) -> None:
        page = await locked_client.get("/contacts")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/contacts"
        assert (await locked_client.get("/contacts/x/chat")).status_code == 303
        assert (await form_post(locked_client, "/contacts", {"name": "X"})).status_code == 401

    async def test_wrong_password_is_refused(self, locked_client: Client) -> None:
        answer = await form_post(locked_client, "/login", {"password": "guess"})
        assert answer.status_code == 401 and "Неверный пароль" in answer.text
        assert (await locked_client.get("/contacts")).status_code == 303

    async def test_right_password_opens_the_console(self, locked_client: Client) -> None:
        answer = await form_post(locked_client, "/login",
                                 {"password": PASSWORD, "next": "/funnel"})
        assert answer.status_code == 303 and answer.headers["location"] == "/funnel"
        assert (await locked_client.get("/contacts")).status_code == 200

    async def test_a_poll_without_a_session_gets_401(self, locked_client: Client) -> None:
        answer = await locked_client.get("/contacts/x/chat",
                                         headers={"X-Requested-With": "fetch"})
        assert answer.status_code == 401

    async def test_login_needs_the_csrf_token_too(self, locked_client: Client) -> None:
        await locked_client.get("/login")
        answer = await locked_client.post("/login", data={"password": PASSWORD})
        assert answer.status_code == 403

    async def test_next_cannot_leave_the_site(self, locked_client: Client) -> None:
        answer = await form_post(locked_client, "/login",
                                 {"password": PASSWORD, "next": "//evil.example/x"})
        assert answer.headers["location"] == "/"

    def test_a_forged_or_expired_session_is_refused(self) -> None:
        gate = Gate(PASSWORD)
        good = gate.new_session(now=1000.0)
        assert gate.session_ok(good, now=1001.0)
        assert not gate.session_ok(good, now=1000.0 + 13 * 3600)
        assert not Gate(PASSWORD).session_ok(good, now=1001.0)  # another process's key
        assert not gate.session_ok("99999999999.deadbeef")


class TestHosts:
    async def test_a_foreign_host_header_is_refused_on_loopback(
            self, console_client: httpx.AsyncClient) -> None:
        answer = await console_client.get("/contacts", headers={"Host": "attacker.example"})
        assert answer.status_code == 400
        assert (await console_client.get("/contacts", headers={"Host": "localhost:8000"})
                ).status_code == 200


class TestNoSecrets:
    async def test_status_page_shows_channels_not_secrets(self, locked_client: Client) -> None:
        await form_post(locked_client, "/login", {"password": PASSWORD})
        page = await locked_client.get("/status")
        assert "<td>Telegram-бот</td><td>включено</td>" in page.text
        assert "<td>Почта (SMTP + IMAP)</td><td>выключено</td>" in page.text
        for secret in (PASSWORD, "smtp-SECRET-1", "TG-SECRET-2"):
            assert secret not in page.text

    async def test_pages_forbid_inline_scripts_and_framing(
            self, console_client: httpx.AsyncClient) -> None:
        page = await console_client.get("/contacts")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-frame-options"] == "DENY"
