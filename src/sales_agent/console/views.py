"""Reads for the pages: straight from the store, no domain logic (writes go to the service)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..analytics.funnel import funnel
from ..domain.model import Contact, Message, Status
from ..service.company import Company, company_of
from ..service.corrections import InboundVerdict, inbound_verdicts
from ..service.waiting import Waiting, waiting_for
from ..settings import Settings
from ..store import Store
from ..store.timeutil import now_utc
from ..workers.routing import enabled_routes
from .charts import Bars, bars

LIST_LIMIT = 500


@dataclass
class ContactList:
    contacts: list[Contact]
    counts: dict[str, int]
    total: int
    shown_limit: int


async def contact_list(store: Store, status: str | None, query: str) -> ContactList:
    """Newest first; the search looks at name, company, email and handle (case-insensitive)."""
    counts = await status_counts(store)
    chosen = Status(status) if status in Status._value2member_map_ else None
    needle = query.strip().casefold().lstrip("@")
    found = await store.contacts.newest(chosen, limit=0 if needle else LIST_LIMIT)
    if needle:
        found = [c for c in found if needle in _haystack(c)]
    return ContactList(found[:LIST_LIMIT], counts, sum(counts.values()), LIST_LIMIT)


async def status_counts(store: Store) -> dict[str, int]:
    return await store.contacts.count_by_status()


def _haystack(c: Contact) -> str:
    return " ".join(x for x in (c.name, c.company, c.email, c.telegram) if x).casefold()


@dataclass
class ContactPage:
    contact: Contact
    messages: list[Message]
    notices: list[dict[str, Any]]
    referred_by: Contact | None
    last_intent: str | None
    waiting: list[Waiting]  # what the outbox still holds for this lead, when and why
    company: Company  # colleagues at the same company and the state of cold outreach there
    verdicts: dict[str, InboundVerdict]  # by message id: how each inbound one was understood


async def contact_page(store: Store, key: str) -> ContactPage:
    contact = await store.contacts.get(key)
    messages = await store.messages.for_contact(contact.id)
    notices = [n for n in await store.notifications.open() if n.get("contact_id") == contact.id]
    referred = await store.contacts.find(contact.referred_by) if contact.referred_by else None
    verdicts = await inbound_verdicts(store, messages)
    last_intent = next((_understood(m, verdicts) for m in reversed(messages) if m.intent), None)
    return ContactPage(contact, messages, notices, referred, last_intent,
                       await waiting_for(store, contact.id, now_utc()),
                       await company_of(store, contact), verdicts)


def _understood(m: Message, verdicts: dict[str, InboundVerdict]) -> str:
    """The operator's correction when there is one, else the agent's reading."""
    v = verdicts.get(m.id)
    return v.correction.intent if v and v.correction else str(m.intent)


async def handoff_queue(store: Store) -> list[tuple[dict[str, Any], Contact | None]]:
    notices = await store.notifications.open()
    return [(n, await store.contacts.find(str(n.get("contact_id", "")))) for n in notices]


async def notice(store: Store, notice_id: str) -> dict[str, Any] | None:
    return await store.notifications.get(notice_id)


@dataclass
class FunnelPage:
    figures: dict[str, Any]
    stages: Bars
    intents: Bars
    channels: Bars
    statuses: Bars


async def funnel_page(store: Store) -> FunnelPage:
    from . import labels

    f = await funnel(store)
    sides = {"out": "от нас", "in": "от лидов"}
    channel_rows = [(f"{labels.label(labels.CHANNELS, ch)} — {sides[d]}", n[d])
                    for ch, n in f["channels"].items() for d in ("out", "in")]
    return FunnelPage(
        figures=f,
        stages=bars([(labels.label(labels.STAGES, k), n) for k, n in f["stages"]],
                    share_of_first=True),
        intents=bars([(labels.label(labels.INTENTS, k), n) for k, n in f["intents"].items()]),
        channels=bars(channel_rows),
        statuses=bars([(labels.label(labels.STATUSES, k), n) for k, n in f["statuses"].items()]),
    )


@dataclass
class StatusPanel:
    inbox: dict[str, int]
    outbox: dict[str, int]
    channels: list[tuple[str, bool]]
    llm: bool
    open_notices: int
    store_address: str
    console_address: str
    password_set: bool
    health: dict[str, dict[str, Any]]


async def status_panel(store: Store, settings: Settings) -> StatusPanel:
    routes = enabled_routes(settings)
    channels = [("Песочница", True), ("Почта (SMTP + IMAP)", "email" in routes),
                ("Telegram-бот", "telegram" in routes),
                ("Telegram-аккаунт", "telegram-user" in routes)]
    return StatusPanel(
        inbox=await store.inbox.depth(), outbox=await store.outbox.depth(),
        channels=channels, llm=settings.llm_enabled,
        open_notices=len(await store.notifications.open()),
        store_address="встроенное хранилище" if store.embedded else "внешний MongoDB",
        console_address=f"{settings.console_host}:{settings.console_port}",
        password_set=settings.console_password is not None,
        health=await store.health.read(),
    )
