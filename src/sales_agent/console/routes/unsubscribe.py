"""The public one-click unsubscribe endpoint (RFC 8058): no login, no cookie, no CSRF token.

POST /unsubscribe/{token} — what a mail provider sends for `List-Unsubscribe-Post`; queues the
lead's stop and answers at once. GET shows a page with one button that POSTs the same: link
scanners follow GET links, so a GET never unsubscribes anyone.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from ...service.unsubscribe import check_token, request_stop, secret_key
from ._deps import SettingsDep, StoreDep

router = APIRouter()

PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="robots" content="noindex"><title>{title}</title></head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""
ASK = ('<p>Больше не получать писем от нас? / Stop receiving our emails?</p>'
       '<form method="post" action="{action}"><input type="hidden" name="List-Unsubscribe" '
       'value="One-Click"><button type="submit">Отписаться / Unsubscribe</button></form>')
DONE = "<p>Готово: мы больше не напишем. / Done: you will not hear from us again.</p>"
BAD = "<p>Ссылка недействительна. / This link is not valid.</p>"


@router.get("/unsubscribe/{token}", response_class=HTMLResponse)
async def confirm_page(token: str, settings: SettingsDep) -> HTMLResponse:
    if check_token(secret_key(settings), token) is None:
        return _page("Отписка / Unsubscribe", BAD, 404)
    body = ASK.format(action=escape(f"/unsubscribe/{token}", quote=True))
    return _page("Отписка / Unsubscribe", body, 200)


@router.post("/unsubscribe/{token}", response_class=HTMLResponse)
async def one_click(token: str, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    contact_id = check_token(secret_key(settings), token)
    if contact_id is None or not await request_stop(store, contact_id):
        return _page("Отписка / Unsubscribe", BAD, 404)
    return _page("Отписка / Unsubscribe", DONE, 200)


def _page(title: str, body: str, status: int) -> HTMLResponse:
    return HTMLResponse(PAGE.format(title=title, body=body), status_code=status)
