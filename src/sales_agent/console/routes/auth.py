"""Log in with the operator password (only when one is set) and out again."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..rendering import render
from ..security import SESSION_COOKIE, SESSION_SECONDS, Gate

router = APIRouter()


def _safe_next(target: str) -> str:
    # Only paths on this site: "//evil.example" or "https://…" would be an open redirect.
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login")
async def login(request: Request, password: str = Form(""), next: str = Form("/")) -> Response:
    gate: Gate = request.app.state.gate
    if not gate.enabled:
        return RedirectResponse(_safe_next(next), status_code=303)
    if not gate.password_ok(password):
        await asyncio.sleep(0.5)  # slows guessing down
        return render(request, "login.html", 401, next=_safe_next(next),
                      error="Неверный пароль.")
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, gate.new_session(), max_age=SESSION_SECONDS,
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
async def logout() -> RedirectResponse:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
