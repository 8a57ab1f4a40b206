"""Russian names for what the store keeps as codes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

STATUSES = {
    "new": "новый", "active": "ждём ответа", "later": "отложен", "stopped": "остановлен",
    "redirected": "передан коллеге", "demo": "демо", "ignored": "не ответил",
    "handoff": "нужен человек",
}
INTENTS = {
    "stop": "стоп", "presentation": "презентация", "demo": "демо",
    "redirect": "перенаправление", "later": "позже", "question": "вопрос",
    "interested": "интерес", "auto_reply": "автоответ", "other": "другое",
}
CHANNELS = {"email": "почта", "telegram": "Telegram", "sandbox": "песочница"}
STAGES = {
    "contacts": "все контакты", "contacted": "написали", "replied": "ответили",
    "presentation": "презентация", "demo": "демо",
}
NOTICES = {"demo": "запрос демо", "handoff": "нужен человек", "bounce": "письмо не дошло",
           "failed": "не отправлено"}


def label(table: dict[str, str], code: object) -> str:
    return table.get(str(code), str(code)) if code is not None else "—"


def when(value: datetime | float | None, tz: str = "Europe/Moscow") -> str:
    """A moment in the operator's zone: "25.11.2026 09:30"."""
    if value is None:
        return "—"
    if not isinstance(value, datetime):
        value = datetime.fromtimestamp(float(value), ZoneInfo("UTC"))
    return value.astimezone(ZoneInfo(tz)).strftime("%d.%m.%Y %H:%M")
