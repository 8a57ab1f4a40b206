"""A lead's company in numbers: the review facts, their chart, and a reviews CSV upload (run as
an import job, like the contacts import)."""

from __future__ import annotations

import re

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from ...analytics.importer import import_reviews
from ...analytics.service import company_facts
from ..jobs import ImportJobs
from ..rendering import render
from ._deps import SettingsDep, StoreDep, save_upload

router = APIRouter()
CHART_NAME = re.compile(r"^[A-Za-z0-9_-]{1,100}\.png$")


@router.get("/contacts/{key}/analytics", response_class=HTMLResponse)
async def show_analytics(request: Request, key: str, store: StoreDep,
                         settings: SettingsDep, job: str = "") -> HTMLResponse:
    contact = await store.contacts.get(key)
    facts = await company_facts(store, contact.company, charts_dir=settings.data_dir / "charts")
    return render(request, "analytics.html", contact=contact, facts=facts,
                  job=request.app.state.jobs.get(job))


@router.post("/contacts/{key}/reviews")
async def upload_reviews(request: Request, key: str, store: StoreDep,
                         file: UploadFile = File(...)) -> RedirectResponse:
    contact = await store.contacts.get(key)
    jobs: ImportJobs = request.app.state.jobs
    back = f"/contacts/{contact.id}/analytics"
    job = jobs.start(file.filename or "отзывы.csv", save_upload(file),
                     lambda path, progress: import_reviews(store, path, contact=contact.id,
                                                           progress=progress),
                     kind="reviews", back=back)
    return RedirectResponse(f"{back}?job={job.id}", status_code=303)


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
