"""A lead's company in numbers: the review facts, their chart, and a reviews CSV upload."""

from __future__ import annotations

import re

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse

from ...analytics.importer import import_reviews
from ...analytics.service import company_facts
from ...errors import ContactNotFound, SalesAgentError
from ..rendering import render
from ._deps import SettingsDep, StoreDep, saved_upload, upload_error

router = APIRouter()
CHART_NAME = re.compile(r"^[A-Za-z0-9_-]{1,100}\.png$")


async def _page(request: Request, store: StoreDep, settings: SettingsDep, key: str,
                status_code: int = 200, **extra: object) -> HTMLResponse:
    contact = await store.contacts.get(key)
    facts = await company_facts(store, contact.company, charts_dir=settings.data_dir / "charts")
    return render(request, "analytics.html", status_code, contact=contact, facts=facts,
                  **{"report": None, "error": None, **extra})


@router.get("/contacts/{key}/analytics", response_class=HTMLResponse)
async def show_analytics(request: Request, key: str, store: StoreDep,
                         settings: SettingsDep) -> HTMLResponse:
    return await _page(request, store, settings, key)


@router.post("/contacts/{key}/reviews", response_class=HTMLResponse)
async def upload_reviews(request: Request, key: str, store: StoreDep, settings: SettingsDep,
                         file: UploadFile = File(...)) -> HTMLResponse:
    contact = await store.contacts.get(key)
    with saved_upload(file) as path:
        try:
            report = await import_reviews(store, path, contact=contact.id)
        except ContactNotFound:
            raise
        except SalesAgentError as e:
            error = upload_error(e, path, file)
            return await _page(request, store, settings, key, 422, error=error)
    return await _page(request, store, settings, key, report=report)


@router.get("/charts/{name}")
async def chart(name: str, settings: SettingsDep) -> FileResponse:
    """Only PNGs directly inside data_dir/charts: the name is checked, then the resolved path."""
    folder = (settings.data_dir / "charts").resolve()
    if not CHART_NAME.match(name):
        raise HTTPException(404)
    path = (folder / name).resolve()
    if path.parent != folder or not path.is_file():
        raise HTTPException(404)
    return FileResponse(path, media_type="image/png")
