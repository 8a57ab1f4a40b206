"""The operator corrects how the agent understood a reply; corrections become training data.

`correct_intent` stores the operator's verdict on one inbound message (the running agent uses it
for the next similar reply, workers/corrections.py); `corpus_records` turns the corrections into
lines of the brain corpus (data/brain/LABELS.md) for `sales-agent brain export`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..brain.classifier.text import detect_language, own_text
from ..domain.model import Direction, Intent, Message
from ..errors import InputError
from ..store import Store
from ..store.corrections import Correction, OldVerdict
from ..store.items import InboxItem
from ..store.timeutil import from_ts, now_utc, to_ts

CONTACT_INTENTS = {Intent.REDIRECT.value, Intent.AUTO_REPLY.value}  # the corpus slots they carry
DATE_INTENTS = {Intent.LATER.value, Intent.AUTO_REPLY.value, Intent.REDIRECT.value}
HOLDOUT_SIMILARITY = 0.85  # the split check's bar (brain/corpus_check.py)


@dataclass(frozen=True)
class InboundVerdict:
    """How the agent read one inbound message, and the operator's correction if any."""

    intent: str | None
    confidence: float | None
    review: bool
    correction: Correction | None = None


async def correct_intent(store: Store, contact_id: str, message_id: str, intent: str, *,
                         operator: str = "console", contact: str | None = None,
                         until: date | None = None) -> Correction:
    """Store the operator's intent for one of the lead's messages (a second correction of the
    same message replaces the first). InputError for an unknown intent or message."""
    if intent not in Intent._value2member_map_:
        raise InputError(f"unknown intent {intent!r}")
    message = next((m for m in await store.messages.for_contact(contact_id)
                    if m.id == message_id), None)
    if message is None or message.direction is not Direction.IN:
        raise InputError(f"no message {message_id!r} from this lead")
    item = await _inbox_item(store, message)
    text = own_text((item.text if item else "") or message.text)
    kept = (item.classification if item else None) or {}  # the slots the agent read
    contact = (contact or kept.get("contact") or "").strip().lower() or None
    until = until or (date.fromisoformat(kept["until"]) if kept.get("until") else None)
    return await store.corrections.save(Correction(
        message_id=message.id, contact_id=contact_id, text=text,
        channel=str(message.channel), language=detect_language(text),
        written_at=to_ts(message.at) or 0.0, intents=(intent,), old=_old_verdict(item, message),
        operator=operator, at=now_utc().timestamp(), subject=message.subject,
        contact=contact if intent in CONTACT_INTENTS else None,
        until=until if intent in DATE_INTENTS else None))


async def inbound_verdicts(store: Store, messages: list[Message]) -> dict[str, InboundVerdict]:
    """For the conversation page: each inbound message's verdict (the confidence and the review
    flag are kept on its inbox item) with the operator's correction."""
    inbound = [m for m in messages if m.direction is Direction.IN]
    corrections = await store.corrections.for_messages([m.id for m in inbound])
    out = {}
    for m in inbound:
        old = _old_verdict(await _inbox_item(store, m), m)
        out[m.id] = InboundVerdict(old.intent, old.confidence, bool(old.review),
                                   corrections.get(m.id))
    return out


async def _inbox_item(store: Store, message: Message) -> InboxItem | None:
    # An inbound message's id is "in:" + the key of the inbox item it came from.
    key = message.id.removeprefix("in:")
    return await store.inbox.get(key) if key != message.id else None


def _old_verdict(item: InboxItem | None, message: Message) -> OldVerdict:
    kept = (item.classification if item else None) or {}
    if not kept:
        return OldVerdict(str(message.intent) if message.intent else None)
    return OldVerdict(kept.get("intent"), float(kept.get("confidence") or 0.0),
                      bool((kept.get("extra") or {}).get("review")))


def corpus_record(c: Correction) -> dict[str, Any]:
    """One line of the brain corpus (data/brain/LABELS.md); a sandbox chat counts as Telegram
    style."""
    written = from_ts(c.written_at) or now_utc()
    record: dict[str, Any] = {
        "id": c.corpus_id, "text": c.text, "date": written.isoformat(timespec="seconds"),
        "channel": "email" if c.channel == "email" else "telegram"}
    if c.channel == "email" and c.subject:
        record["subject"] = c.subject
    day = c.until.isoformat() if c.until else None
    record.update(intents=list(c.intents), contact=c.contact,
                  until=[day, day] if day else None, lang=c.language)
    return record


async def corpus_records(store: Store, holdout: Path | None = None
                         ) -> tuple[list[dict[str, Any]], list[str]]:
    """The corrections as corpus lines, and the ids left out because they nearly copy a
    held-out reply (training on them would make the benchmark measure memory)."""
    records = [corpus_record(c) for c in await store.corrections.all() if c.text.strip()]
    if holdout is None or not holdout.exists():
        return records, []
    from ..brain.classifier.corpus import read_items
    from ..brain.corpus_check import near_duplicates

    held = [i.text for i in read_items(holdout)]
    leaks = {d.train_index for d in near_duplicates([r["text"] for r in records], held,
                                                     HOLDOUT_SIMILARITY)}
    kept = [r for n, r in enumerate(records) if n not in leaks]
    return kept, [r["id"] for n, r in enumerate(records) if n in leaks]
