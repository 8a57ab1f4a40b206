"""The operator corrects how the agent understood one of the lead's messages."""

from __future__ import annotations

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from ...errors import InputError
from ...service.corrections import correct_intent
from ._deps import StoreDep

router = APIRouter()


@router.post("/contacts/{key}/correct")
async def correct(key: str, store: StoreDep, message_id: str = Form(...),
                  intent: str = Form(...)) -> RedirectResponse:
    contact = await store.contacts.get(key)
    code = "corrected"
    if contact.erased:
        code = "not_corrected"
    else:
        try:
            await correct_intent(store, contact.id, message_id, intent)
        except InputError:
            code = "not_corrected"
    return RedirectResponse(f"/contacts/{contact.id}?note={code}#chat", status_code=303)
