"""Adding, importing, showing and resetting contacts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.identity import normalize_email, normalize_handle
from ..domain.model import Contact, Status
from ..errors import ContactError, DoNotContact, InvalidContact
from ..store.contacts import new_contact_id
from ..store.port import StorePort
from ..store.suppression import addresses
from ..store.timeutil import now_utc
from .csvread import read_csv_rows

CONTACT_COLUMNS = ("name", "company", "email", "telegram", "products", "source")
_CYRILLIC = re.compile(r"[а-яё]", re.I)


def build_contact(name: str, company: str = "", email: str | None = None,
                  telegram: str | None = None, products: Iterable[str] = (),
                  *, referred_by: str | None = None, language: str | None = None,
                  source: str | None = None, now: datetime | None = None) -> Contact:
    """Validate and normalise; raises InvalidContact with the reason."""
    name, company = (name or "").strip(), (company or "").strip()
    if not name:
        raise InvalidContact("a name is required")
    email = normalize_email(email) if email and email.strip() else None
    telegram = normalize_handle(telegram) if telegram and telegram.strip() else None
    if not email and not telegram:
        raise InvalidContact("an email or a Telegram handle is required")
    now = now or now_utc()
    # Russian first; a lead whose name and company are written only in Latin letters
    # ("Anna Berg", "Northwind Cafe") is greeted in English until they write themselves.
    language = language or ("ru" if _CYRILLIC.search(name + company) else "en")
    return Contact(
        id=new_contact_id(), name=name, company=company, email=email, telegram=telegram,
        products=[p.strip() for p in products if p and p.strip()], referred_by=referred_by,
        language=language, source=(source or "").strip() or None, created_at=now,
        updated_at=now,
    )


async def add_contact(store: StorePort, **fields: Any) -> Contact:
    """Add a lead; an address or handle on the do-not-contact list is refused (DoNotContact):
    adding it back, even as `stopped`, would store again the data of a person who asked to be
    forgotten."""
    contact = build_contact(**fields)
    for address in addresses(contact):
        if await store.suppression.blocks(address):
            raise DoNotContact(address.split(":", 1)[1])
    return await store.contacts.add(contact)


@dataclass
class ImportReport:
    added: list[Contact] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


async def import_contacts(store: StorePort, path: str,
                          progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Add every good row; report each bad one with its line number. Rows are independent."""
    table = read_csv_rows(path, required=("name",), known=CONTACT_COLUMNS)
    report = ImportReport(errors=list(table.errors))
    for done, (line, row) in enumerate(table.rows, 1):
        try:
            products = (row.get("products") or "").replace("|", ";").split(";")
            report.added.append(await add_contact(
                store, name=row.get("name", ""), company=row.get("company", ""),
                email=row.get("email"), telegram=row.get("telegram"), products=products,
                source=row.get("source"),
            ))
        except ContactError as e:
            report.errors.append((line, str(e)))
        if progress:
            progress(done, len(table.rows))
    report.errors.sort()
    return report


async def reset_contact(store: StorePort, key: str, *, force: bool = False) -> Contact:
    """Start over from the first message: history cleared, pending sends cancelled.

    A lead who asked us to stop stays stopped: only `force` (an operator who knows the lead
    asked to hear from us again) lifts the do-not-contact entries."""
    contact = await store.contacts.get(key)
    if await store.suppression.blocks(*addresses(contact)):
        if not force:
            raise ContactError(f"{key} asked not to be contacted; use --force to lift that")
        await store.suppression.remove_for(contact.id)
    now = now_utc()
    await store.outbox.cancel({"contact_id": contact.id}, reason="reset", now=now.timestamp())
    await store.messages.delete_for_contact(contact.id)
    updated = await store.contacts.update(
        contact.id, status=Status.NEW, until=None, followups_sent=0, clarifications=0,
        wake_at=None, wake_reason=None, last_out_at=None, last_in_at=None,
        epoch=contact.epoch + 1, updated_at=now,
    )
    assert updated is not None
    return updated


async def contact_history(store: StorePort, key: str,
                          now: datetime | None = None) -> dict[str, Any]:
    """The `contacts show --json` document (CONTRACT.md), plus what waits in the outbox and the
    company's state. After a deletion request: no name and no message texts."""
    from .company import company_of
    from .waiting import waiting_for

    contact = await store.contacts.get(key)
    messages = await store.messages.for_contact(contact.id)
    zone = ZoneInfo(contact.timezone)
    company = await company_of(store, contact)
    return {
        "id": contact.id, "name": contact.name, "company": contact.company,
        "email": contact.email, "telegram": contact.telegram, "products": contact.products,
        "status": str(contact.status),
        "until": contact.local(contact.until).isoformat() if contact.until else None,
        "referred_by": contact.referred_by, "source": contact.source,
        "erased": contact.erased,
        "messages": [
            {"direction": str(m.direction), "channel": str(m.channel),
             "text": "" if contact.erased else m.text,
             "at": m.at.isoformat(), "intent": str(m.intent) if m.intent else None,
             "attachments": m.attachments, "subject": None if contact.erased else m.subject,
             "decision": m.decision}
            for m in messages
        ],
        "waiting": [w.as_json(zone) for w in await waiting_for(store, contact.id,
                                                                 now or now_utc())],
        "colleagues": [{"id": o.id, "name": o.name, "status": str(o.status)}
                       for o in company.colleagues],
        "cold_outreach": company.cold_outreach,
    }
