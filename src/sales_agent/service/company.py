"""Company awareness: who else we talk to at a lead's company, and what that means for cold
outreach there. The engine asks it before a cold message; the console and `contacts show`
show the same answer, so the operator sees why a cold message waits or was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.decide import CompanyState
from ..domain.model import Contact, Status
from ..store.port import StorePort

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


def talking(other: Contact) -> bool:
    """A colleague in a live conversation with us. An out-of-office is not one: it snoozes them
    (LATER, waking to the cold sequence) or leaves them cold, with nothing asked."""
    if other.last_in_at is None or other.status in (Status.STOPPED, Status.IGNORED):
        return False
    if other.status is Status.LATER:
        return other.wake_reason == "reminder"  # asked us to write later, not away
    return other.warm or other.clarifications > 0 or other.status in (Status.DEMO,
                                                                      Status.HANDOFF)


async def company_of(store: StorePort, contact: Contact) -> Company:
    return _assess(await store.contacts.colleagues(contact))


async def company_state(store: StorePort, contact: Contact) -> CompanyState:
    """What a cold message to `contact` depends on, from the colleagues in touch only (the
    others can neither pause nor stop it): a few indexed reads, not the whole company."""
    return _assess(await store.contacts.colleagues_in_touch(contact)).state


def _assess(others: list[Contact]) -> Company:
    return Company(others, CompanyState(
        talking=any(talking(o) for o in others),
        stopped=any(o.status is Status.STOPPED and not o.note.startswith(CLOSED_POLITELY)
                    for o in others)))
