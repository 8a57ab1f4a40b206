"""CSV import of contacts: the upload runs as a job with progress; then a report of the rows that
were not added."""

from __future__ import annotations

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ...service.contacts import import_contacts
from ..jobs import ImportJob, ImportJobs
from ..rendering import render
from ._deps import StoreDep, save_upload

router = APIRouter()


def _job(request: Request, job_id: str) -> ImportJob:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404)
    return job  # type: ignore[no-any-return]


@router.get("/import", response_class=HTMLResponse)
async def import_form(request: Request) -> HTMLResponse:
    return render(request, "import.html", job=None)


@router.post("/import")
async def import_file(request: Request, store: StoreDep,
                      file: UploadFile = File(...)) -> RedirectResponse:
    jobs: ImportJobs = request.app.state.jobs
    job = jobs.start(file.filename or "файл.csv", save_upload(file),
                     lambda path, progress: import_contacts(store, str(path), progress))
    return RedirectResponse(f"/import/{job.id}", status_code=303)


@router.get("/import/{job_id}", response_class=HTMLResponse)
async def import_page(request: Request, job_id: str) -> HTMLResponse:
    return render(request, "import.html", job=_job(request, job_id))


@router.get("/import/{job_id}/progress", response_class=HTMLResponse)
async def import_progress(request: Request, job_id: str) -> HTMLResponse:
    return render(request, "_import_job.html", job=_job(request, job_id))
