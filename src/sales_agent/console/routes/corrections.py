"""The operator corrects how the agent understood one of the lead's messages."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from ...errors import InputError
from ...service.corrections import correct_intent
from ._deps import StoreDep

router = APIRouter()


@router.post("/contacts/{key}/correct")
async def correct(key: str, store: StoreDep, message_id: str = Form(...),
                  intent: str = Form(...), colleague: str = Form(""),
                  until: str = Form("")) -> RedirectResponse:
    """`colleague` and `until` are optional: by default the slots the agent read are kept."""
    contact = await store.contacts.get(key)
    code = "corrected"
    try:
        if contact.erased:
            raise InputError("the lead's texts were erased")
        day = date.fromisoformat(until) if until.strip() else None
        await correct_intent(store, contact.id, message_id, intent,
                             contact=colleague.strip() or None, until=day)
    except (InputError, ValueError):  # ValueError: a date the browser would not send
        code = "not_corrected"
    return RedirectResponse(f"/contacts/{contact.id}?note={code}#chat", status_code=303)
