"""Company awareness: who else we talk to at a lead's company, and what that means for cold
outreach there. The engine asks it before a cold message; the console and `contacts show`
show the same answer, so the operator sees why a cold message waits or was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.decide import CompanyState
from ..domain.model import Contact, Status
from ..store import Store

CLOSED_POLITELY = "closed after"  # a "no" after an answered objection does not stop a company


@dataclass
class Company:
    colleagues: list[Contact] = field(default_factory=list)
    state: CompanyState = field(default_factory=CompanyState)

    @property
    def cold_outreach(self) -> str:
        """"stopped", "paused" or "open", as the operator reads it."""
        if self.state.stopped:
            return "stopped"
        return "paused" if self.state.talking else "open"


async def company_of(store: Store, contact: Contact) -> Company:
    others = await store.contacts.colleagues(contact)
    return Company(others, CompanyState(
        talking=any(o.last_in_at is not None and o.status not in (
            Status.STOPPED, Status.IGNORED) for o in others),
        stopped=any(o.status is Status.STOPPED and not o.note.startswith(CLOSED_POLITELY)
                    for o in others)))
