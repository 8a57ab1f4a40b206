"""CSV import of contacts, with a report of the rows that were not added."""

from __future__ import annotations

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse

from ...errors import SalesAgentError
from ...service.contacts import import_contacts
from ..rendering import render
from ._deps import StoreDep, saved_upload, upload_error

router = APIRouter()


@router.get("/import", response_class=HTMLResponse)
async def import_form(request: Request) -> HTMLResponse:
    return render(request, "import.html", report=None, error=None)


@router.post("/import", response_class=HTMLResponse)
async def import_file(request: Request, store: StoreDep,
                      file: UploadFile = File(...)) -> HTMLResponse:
    with saved_upload(file) as path:
        try:
            report = await import_contacts(store, str(path))
        except SalesAgentError as e:
            error = upload_error(e, path, file)
            return render(request, "import.html", 422, report=None, error=error)
    return render(request, "import.html", report=report, error=None, filename=file.filename)
