"""`create_app(settings, store)`: the console's FastAPI application, nothing connects here."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import ContactNotFound
from ..settings import Settings
from ..store import Store
from .jobs import ImportJobs
from .rendering import render
from .routes import ROUTERS
from .security import CSRF_COOKIE, CsrfRejected, Gate, LoginRequired, guard

# Scripts and styles only from our own static folder: an injected <script> would not run even if
# escaping ever failed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}

LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def create_app(settings: Settings, store: Store) -> FastAPI:
    app = FastAPI(title="Napoleon Sales Agent", docs_url=None, redoc_url=None,
                  openapi_url=None, dependencies=[Depends(guard)])
    app.state.settings, app.state.store = settings, store
    password = settings.console_password
    app.state.gate = Gate(password.get_secret_value() if password else None)
    app.state.jobs = ImportJobs()
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _add_handlers(app)
    app.middleware("http")(_headers_and_csrf_cookie)
    if _loopback(settings.console_host):
        # Without a password the console trusts its address; refusing other Host headers stops
        # a web page from reading it through DNS rebinding.
        app.add_middleware(TrustedHostMiddleware,
                           allowed_hosts=[*LOCAL_HOSTS, *_public_host(settings)])
    return app


def _public_host(settings: Settings) -> list[str]:
    """The public base URL's host (a reverse proxy forwards the unsubscribe links to us)."""
    from urllib.parse import urlsplit

    host = urlsplit(settings.public_base_url or "").hostname
    return [host] if host else []


def _loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _headers_and_csrf_cookie(request: Request, call_next):  # type: ignore[no-untyped-def]
    response: Response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    new = getattr(request.state, "new_csrf", None)
    if new and not request.cookies.get(CSRF_COOKIE):
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(ContactNotFound)
    async def _no_contact(request: Request, exc: ContactNotFound) -> Response:
        return render(request, "error.html", 404, title="Контакт не найден",
                      detail=f"Нет контакта «{exc.key}».")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        title = "Страница не найдена" if exc.status_code == 404 else "Ошибка"
        return render(request, "error.html", exc.status_code, title=title,
                      detail=str(exc.detail) if exc.status_code != 404 else "")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return render(request, "error.html", 422, title="Форма заполнена не полностью",
                      detail="Вернитесь назад и проверьте поля (например, выбран ли файл).")

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        if request.method != "GET" or request.headers.get("x-requested-with") == "fetch":
            return render(request, "error.html", 401, title="Нужен вход", detail="")
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, exc: CsrfRejected) -> Response:
        return render(request, "error.html", 403, title="Форма устарела",
                      detail="Обновите страницу и отправьте форму ещё раз.")
