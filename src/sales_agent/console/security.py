"""Who may use the console and which POSTs are genuine.

- Password: only when `SALES_AGENT_CONSOLE_PASSWORD` is set (settings demand it off loopback).
  The login form sets a signed, expiring session cookie (HMAC over a per-process key, so a
  restart logs everyone out); the password itself is compared with `secrets.compare_digest`.
- CSRF: double submit. Every browser gets a random token in a SameSite=Strict cookie; each form
  carries the same token in a hidden field (or an `X-CSRF-Token` header) and every POST must
  match it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from fastapi import Request

CSRF_COOKIE = "sa_csrf"
CSRF_FIELD = "csrf_token"
SESSION_COOKIE = "sa_session"
SESSION_SECONDS = 12 * 3600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PATHS = ("/login", "/static/", "/unsubscribe/")
# RFC 8058 one-click: the lead's mail provider POSTs here with no session and no cookie; the
# signed per-lead token in the path is the whole authorisation, so no CSRF token applies.
PUBLIC_POST_PATHS = ("/unsubscribe/",)


class LoginRequired(Exception):
    """No valid session: a page redirects to the login form."""


class CsrfRejected(Exception):
    """A POST whose form token does not match the cookie."""


class Gate:
    def __init__(self, password: str | None) -> None:
        self.password = password
        self._key = secrets.token_bytes(32)

    @property
    def enabled(self) -> bool:
        return bool(self.password)

    def password_ok(self, given: str) -> bool:
        assert self.password is not None
        return secrets.compare_digest(given.encode(), self.password.encode())

    def new_session(self, now: float | None = None) -> str:
        expires = str(int((now or time.time()) + SESSION_SECONDS))
        return f"{expires}.{self._sign(expires)}"

    def session_ok(self, value: str | None, now: float | None = None) -> bool:
        if not value or "." not in value:
            return False
        expires, signature = value.split(".", 1)
        if not secrets.compare_digest(signature, self._sign(expires)):
            return False
        return expires.isdigit() and int(expires) > (now or time.time())

    def _sign(self, text: str) -> str:
        return hmac.new(self._key, text.encode(), hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    """This browser's token: from its cookie, or a new one the middleware will set."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


async def guard(request: Request) -> None:
    """Applied to every route: the session when a password is set, the CSRF token on POST."""
    gate: Gate = request.app.state.gate
    open_path = request.url.path.startswith(OPEN_PATHS)
    if gate.enabled and not open_path and not gate.session_ok(request.cookies.get(SESSION_COOKIE)):
        raise LoginRequired()
    if request.method not in SAFE_METHODS and not request.url.path.startswith(PUBLIC_POST_PATHS):
        await check_csrf(request)


async def check_csrf(request: Request) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not cookie or not sent or not secrets.compare_digest(cookie.encode(), sent.encode()):
        raise CsrfRejected()
