"""Contacts: the list with filters and search, one contact's conversation, add, reset, stop,
answer as the operator."""

from __future__ import annotations

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...errors import ContactError
from ...service.contacts import add_contact, reset_contact
from ...service.conversation import may_answer, send_operator_reply, stop_contact
from .. import views
from ..rendering import render
from ._deps import SettingsDep, StoreDep, note

router = APIRouter()


def _back(contact_id: str, code: str) -> RedirectResponse:
    return RedirectResponse(f"/contacts/{contact_id}?note={code}", status_code=303)


@router.get("/")
async def home() -> RedirectResponse:
    return RedirectResponse("/contacts", status_code=303)


@router.get("/contacts", response_class=HTMLResponse)
async def list_contacts(request: Request, store: StoreDep, status: str = "",
                        q: str = "") -> HTMLResponse:
    page = await views.contact_list(store, status or None, q)
    return render(request, "contacts.html", page=page, status=status, q=q)


@router.get("/contacts/new", response_class=HTMLResponse)
async def new_contact_form(request: Request) -> HTMLResponse:
    return render(request, "contact_form.html", form={}, error=None)


@router.post("/contacts", response_class=HTMLResponse)
async def create_contact(request: Request, store: StoreDep, name: str = Form(""),
                         company: str = Form(""), email: str = Form(""),
                         telegram: str = Form(""), products: str = Form(""),
                         source: str = Form("")):
    form = {"name": name, "company": company, "email": email, "telegram": telegram,
            "products": products, "source": source}
    try:
        contact = await add_contact(store, name=name, company=company, email=email or None,
                                    telegram=telegram or None,
                                    products=products.replace(";", "\n").splitlines(),
                                    source=source or None)
    except ContactError as e:
        return render(request, "contact_form.html", 422, form=form, error=str(e))
    return _back(contact.id, "added")


@router.get("/contacts/{key}", response_class=HTMLResponse)
async def show_contact(request: Request, key: str, store: StoreDep,
                       flash: str = Query("", alias="note")) -> HTMLResponse:
    page = await views.contact_page(store, key)
    return render(request, "contact.html", page=page, note=note(flash),
                  may_answer=await may_answer(store, page.contact))


@router.get("/contacts/{key}/chat", response_class=HTMLResponse)
async def contact_chat(request: Request, key: str, store: StoreDep) -> HTMLResponse:
    """The conversation alone: the page polls it to show new messages and the status."""
    page = await views.contact_page(store, key)
    return render(request, "_chat.html", page=page)


@router.post("/contacts/{key}/reset")
async def reset(key: str, store: StoreDep) -> RedirectResponse:
    contact = await store.contacts.get(key)
    try:
        await reset_contact(store, contact.id)
    except ContactError:  # the lead asked us to stop: only the CLI's --force lifts that
        return _back(contact.id, "stop_kept")
    return _back(contact.id, "reset")


@router.post("/contacts/{key}/stop")
async def stop(key: str, store: StoreDep) -> RedirectResponse:
    contact = await store.contacts.get(key)
    await stop_contact(store, contact.id)
    return _back(contact.id, "stopped")


@router.post("/contacts/{key}/reply")
async def operator_reply(key: str, store: StoreDep, settings: SettingsDep,
                         text: str = Form("")) -> RedirectResponse:
    contact = await store.contacts.get(key)
    if not text.strip():
        return _back(contact.id, "empty")
    try:
        await send_operator_reply(store, settings, contact.id, text.strip())
    except ContactError:
        return _back(contact.id, "stop_kept")
    return _back(contact.id, "replied")
