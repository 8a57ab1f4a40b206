"""The status panel: queue depths, which channels are on. Never a secret."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import views
from ..rendering import render
from ._deps import SettingsDep, StoreDep

router = APIRouter()


@router.get("/status", response_class=HTMLResponse)
async def show_status(request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    panel = await views.status_panel(store, settings)
    return render(request, "status.html", panel=panel)
