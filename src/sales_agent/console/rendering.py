"""Templates: one Jinja2 environment (autoescaped) with the console's filters and globals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..analytics.format import format_share
from . import labels
from .security import CSRF_FIELD, csrf_token

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
_env = TEMPLATES.env
_env.filters.update(
    status=lambda c: labels.label(labels.STATUSES, c),
    intent=lambda c: labels.label(labels.INTENTS, c),
    channel=lambda c: labels.label(labels.CHANNELS, c),
    stage=lambda c: labels.label(labels.STAGES, c),
    notice=lambda c: labels.label(labels.NOTICES, c),
    step=lambda c: labels.label(labels.STEPS, c),
    wake=lambda c: labels.label(labels.WAKE, c),
    waits=lambda c: labels.label(labels.WAITS, c),
    cold=lambda c: labels.label(labels.COLD, c),
    reason=labels.reason_ru,
    when=labels.when,
    share=format_share,
)
_env.globals["CSRF_FIELD"] = CSRF_FIELD
_env.globals["INTENT_CODES"] = list(labels.INTENTS)  # the correction menu, in contract order


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("csrf", csrf_token(request))
    context.setdefault("login_enabled", request.app.state.gate.enabled)
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)
