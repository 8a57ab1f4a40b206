"""The funnel and the per-intent, per-channel and per-status charts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import views
from ..rendering import render
from ._deps import StoreDep

router = APIRouter()


@router.get("/funnel", response_class=HTMLResponse)
async def show_funnel(request: Request, store: StoreDep) -> HTMLResponse:
    page = await views.funnel_page(store)
    return render(request, "funnel.html", page=page)
