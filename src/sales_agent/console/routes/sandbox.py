"""The sandbox chat: the operator plays a lead; the logic worker answers within a second."""

from __future__ import annotations

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...service.conversation import submit_sandbox_reply
from .. import views
from ..rendering import render
from ._deps import StoreDep, note

router = APIRouter()


@router.get("/sandbox", response_class=HTMLResponse)
async def pick_lead(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    page = await views.contact_list(store, None, q)
    return render(request, "sandbox_pick.html", page=page, q=q)


@router.get("/sandbox/{key}", response_class=HTMLResponse)
async def chat(request: Request, key: str, store: StoreDep,
               flash: str = Query("", alias="note")) -> HTMLResponse:
    page = await views.contact_page(store, key)
    return render(request, "sandbox.html", page=page, note=note(flash))


@router.post("/sandbox/{key}")
async def say(key: str, store: StoreDep, text: str = Form("")) -> RedirectResponse:
    contact = await store.contacts.get(key)
    code = "empty"
    if text.strip():
        await submit_sandbox_reply(store, contact.id, text.strip())
        code = "said"
    return RedirectResponse(f"/sandbox/{contact.id}?note={code}", status_code=303)
