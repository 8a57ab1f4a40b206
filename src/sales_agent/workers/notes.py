"""The plain note to a human: built without templates, so it can always be written."""

from __future__ import annotations

from ..domain.actions import NotifyManager
from ..domain.model import Contact

TITLES = {
    "manager_demo": "Запрос демонстрации",
    "manager_booking": "Демонстрация назначена",
    "manager_handoff": "Нужен ответ человека",
    "manager_complaint": "Жалоба или вопрос о данных — писать больше нельзя",
    "manager_stopped_wrote": "Лид, который просил не писать, написал снова",
}


def plain_note(action: NotifyManager, contact: Contact, lead_text: str | None,
               summary: str) -> str:
    card = [f"{TITLES.get(action.kind, action.kind)}: {contact.name or contact.id}"
            + (f", {contact.company}" if contact.company else "")]
    if action.reason:
        card.append(f"Причина: {action.reason}")
    card += [f"{label}: {value}" for label, value in (
        ("E-mail", contact.email), ("Telegram", contact.telegram),
        ("Источник", contact.source), ("Товары", "; ".join(contact.products)))
        if value]
    if lead_text:
        card += ["", "Сообщение лида:", lead_text.strip()[:3000]]
    if summary:
        card += ["", "Переписка:", summary]
    return "\n".join(card)
