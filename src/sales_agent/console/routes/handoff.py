"""The hand-off queue: what waits for a human (demo requests, hand-offs, bounces, failures);
the operator answers here and the answer goes out through the outbox."""

from __future__ import annotations

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...errors import ContactError
from ...service.conversation import send_operator_reply
from .. import views
from ..rendering import render
from ._deps import SettingsDep, StoreDep, note

router = APIRouter()


@router.get("/handoff", response_class=HTMLResponse)
async def queue(request: Request, store: StoreDep,
                flash: str = Query("", alias="note")) -> HTMLResponse:
    items = await views.handoff_queue(store)
    return render(request, "handoff.html", items=items, note=note(flash))


@router.post("/handoff/{notice_id}/reply")
async def answer(notice_id: str, store: StoreDep, settings: SettingsDep,
                 text: str = Form("")) -> RedirectResponse:
    notice = await views.notice(store, notice_id)
    if notice is None:
        return RedirectResponse("/handoff", status_code=303)
    if not text.strip():
        return RedirectResponse("/handoff?note=empty", status_code=303)
    try:
        await send_operator_reply(store, settings, str(notice["contact_id"]), text.strip())
    except ContactError:  # erased, or stopped without writing again: nobody may write
        return RedirectResponse("/handoff?note=stop_kept", status_code=303)
    await store.notifications.close(notice_id)
    return RedirectResponse("/handoff?note=replied", status_code=303)


@router.post("/handoff/{notice_id}/close")
async def close(notice_id: str, store: StoreDep) -> RedirectResponse:
    await store.notifications.close(notice_id)
    return RedirectResponse("/handoff?note=closed", status_code=303)
