"""What routes take from the app: the store, the settings, an uploaded file on disk."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request, UploadFile

from ...settings import Settings
from ...store import Store

# Flash notes are codes, never text from the request, so nothing can be reflected into the page.
NOTES = {
    "added": "Контакт добавлен: агент напишет ему первым.",
    "reset": "Разговор начат заново: агент снова напишет первое сообщение.",
    "stopped": "Контакт остановлен: ему больше не пишем.",
    "replied": "Ответ поставлен в очередь отправки.",
    "said": "Сообщение лида отправлено агенту; ответ появится через пару секунд.",
    "closed": "Уведомление закрыто.",
    "empty": "Пустое сообщение не отправлено.",
    "corrected": "Исправление сохранено: агент поймёт так же следующий такой ответ, а "
                 "«sales-agent brain export» добавит его в обучение.",
    "not_corrected": "Исправление не сохранено: сообщение не найдено или намерение неизвестно.",
    "stop_kept": "Лид просил больше не писать — разговор не начат заново "
                 "(снять запрет: sales-agent contacts reset --force).",
}


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(_store)]
SettingsDep = Annotated[Settings, Depends(_settings)]


def note(code: str | None) -> str | None:
    return NOTES.get(code or "")


def upload_error(error: Exception, path: Path, upload: UploadFile) -> str:
    """The error as the operator knows the file: by its own name, not our temporary path."""
    return str(error).replace(str(path), upload.filename or "файл")


def save_upload(upload: UploadFile) -> Path:
    """The upload as a temporary file (the importers read paths); the caller removes it."""
    with tempfile.NamedTemporaryFile(prefix="sa-upload-", suffix=".csv", delete=False) as tmp:
        shutil.copyfileobj(upload.file, tmp)
    return Path(tmp.name)


@contextlib.contextmanager
def saved_upload(upload: UploadFile) -> Iterator[Path]:
    path = save_upload(upload)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
