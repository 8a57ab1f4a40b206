"""Russian names for what the store keeps as codes."""

from __future__ import annotations

import re
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
NOTICES = {
    "manager_demo": "запрос демо", "manager_handoff": "нужен человек", "demo": "запрос демо",
    "handoff": "нужен человек", "bounce": "письмо не дошло", "send_failed": "не отправлено",
    "other": "нужен человек", "manager_booking": "демо назначено",
    "manager_complaint": "жалоба или вопрос о данных", "manager_stopped_wrote":
    "остановленный лид написал снова", "draft_failed": "не удалось написать ответ",
    "unmatched": "письмо от незнакомца",
}
WAITS = {"window": "вне окна отправки — уйдёт в начале рабочего времени",
         "pace": "пауза перед ответом, как у человека", "retry": "канал отказал, повтор",
         "cap": "ждёт лимита отправки или запуска канала", "queued": "в очереди на отправку"}
COLD = {"open": "холодные письма идут", "paused": "холодные письма на паузе: коллега "
        "переписывается с нами", "stopped": "холодные письма остановлены: компания просила "
        "не писать"}
# What step of the conversation an outgoing message was (the `kind` the engine records).
STEPS = {
    "first": "первое сообщение", "followup": "повторное письмо: лид не ответил",
    "reminder": "напоминание в условленный срок", "answer": "ответ на вопрос из базы знаний",
    "clarify": "уточняющий вопрос: намерение неясно", "demo": "ответ на запрос демо",
    "interested": "ответ на интерес", "later_ack": "подтверждение: напишем позже",
    "non_text": "ответ на не-текстовое сообщение", "presentation": "отправка презентации",
    "redirect_intro": "письмо коллеге по рекомендации",
    "redirect_thanks": "благодарность за контакт коллеги",
    "stop_confirm": "подтверждение отписки", "operator": "ответ оператора",
    "demo_confirm": "подтверждение демо с приглашением", "demo_cancelled": "отмена демо",
    "apology": "извинение", "close": "вежливое завершение", "handoff_ack": "передано человеку",
    "nudge": "тёплое напоминание", "objection": "ответ на возражение",
}
WAKE = {"followup": "повторное письмо", "reminder": "напоминание", "nudge": "тёплое напоминание",
        "start": "первое письмо после паузы компании"}


def label(table: dict[str, str], code: object) -> str:
    return table.get(str(code), str(code)) if code is not None else "—"


def when(value: datetime | float | None, tz: str = "Europe/Moscow") -> str:
    """A moment in the operator's zone: "25.11.2026 09:30"."""
    if value is None:
        return "—"
    if not isinstance(value, datetime):
        value = datetime.fromtimestamp(float(value), ZoneInfo("UTC"))
    return value.astimezone(ZoneInfo(tz)).strftime("%d.%m.%Y %H:%M")


# The use cases speak English (CLI, logs); the operator reads Russian. Unknown texts pass as is.
_REASONS = [
    (r"a name is required", "не указано имя"),
    (r"an email or a Telegram handle is required", "нужен e-mail или Telegram-ник"),
    (r"invalid email (.+?): .*", r"неверный e-mail \1"),
    (r"invalid Telegram handle (.+)", r"неверный Telegram-ник \1"),
    (r"a contact with email (.+) already exists", r"контакт с e-mail \1 уже есть"),
    (r"a contact with telegram (.+) already exists", r"контакт с Telegram-ником \1 уже есть"),
    (r"(\d+) fields, the header has (\d+)", r"полей в строке: \1, а в заголовке: \2"),
    (r"the file is neither UTF-8 nor Windows-1251 text",
     "файл не в кодировке UTF-8 или Windows-1251"),
    (r"(.+?) is empty", r"файл \1 пуст"),
    (r"no answer in the knowledge base", "в базе знаний нет ответа"),
    (r"the lead wrote again while waiting for a human", "лид написал снова, пока ждёт человека"),
    (r"the lead wrote again about the demo", "лид снова пишет о демо"),
    (r"demo requested", "лид просит демо"),
    (r"the agent could not understand the lead", "агент не понял лида"),
    (r"bounce", "письмо не доставлено"),
    (r"(.+?): missing column\(s\): (.+); found: (.*)", r"в файле \1 нет колонок: \2 (есть: \3)"),
]


def reason_ru(text: str) -> str:
    for pattern, russian in _REASONS:
        if (m := re.fullmatch(pattern, text, flags=re.S)) is not None:
            return m.expand(russian)
    return text
