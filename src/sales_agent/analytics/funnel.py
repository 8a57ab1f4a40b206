"""Funnel figures for the console: how many leads reached each step, by intent and by channel."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..domain.model import Status
from ..store import Store

# Intents that move a lead down the funnel, in funnel order.
_STAGE_INTENTS = ("presentation", "demo")


async def funnel(store: Store) -> dict[str, Any]:
    """{"contacts", "statuses", "contacted", "replied", "reply_share", "stages", "intents",
    "channels"}: counts of contacts, except `intents` (inbound messages per intent) and
    `channels` ({channel: {"in": n, "out": n}} messages)."""
    statuses = await store.contacts.count_by_status()
    total = sum(statuses.values())
    out_contacts: set[str] = set()
    in_contacts: set[str] = set()
    reached: dict[str, set[str]] = defaultdict(set)
    intents: Counter[str] = Counter()
    channels: dict[str, Counter[str]] = defaultdict(Counter)
    async for m in store.messages.envelopes():
        who, direction = m.contact_id, m.direction
        channels[str(m.channel)][str(direction)] += 1
        if direction == "out":
            out_contacts.add(who)
        elif direction == "in":
            in_contacts.add(who)
            if m.intent:
                intents[m.intent] += 1
                reached[m.intent].add(who)
    reached["demo"].update(await store.contacts.ids_with_status(Status.DEMO))  # told the manager
    stages = [("contacts", total), ("contacted", len(out_contacts)),
              ("replied", len(in_contacts))]
    stages += [(intent, len(reached[intent])) for intent in _STAGE_INTENTS]
    return {
        "contacts": total, "statuses": statuses,
        "contacted": len(out_contacts), "replied": len(in_contacts),
        "reply_share": len(in_contacts) / len(out_contacts) if out_contacts else 0.0,
        "stages": stages,
        "intents": dict(sorted(intents.items(), key=lambda kv: (-kv[1], kv[0]))),
        "channels": {ch: {"in": n["in"], "out": n["out"]} for ch, n in sorted(channels.items())},
    }
