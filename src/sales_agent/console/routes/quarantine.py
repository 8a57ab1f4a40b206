"""Mail the agent did not read (past a size cap, or its parsing ran out of time): what, from whom,
why. It is marked seen on the mail server, so the operator reads it there if it matters."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..rendering import render
from ._deps import StoreDep

router = APIRouter()


@router.get("/quarantine", response_class=HTMLResponse)
async def quarantined(request: Request, store: StoreDep) -> HTMLResponse:
    items = await store.quarantine.latest(limit=200)
    return render(request, "quarantine.html", items=items)
