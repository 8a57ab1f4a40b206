"""A deletion request handled while a message to that lead is in flight: the erasure spares what
is still pending, so the sender wipes after itself. The in-memory store lets the erasure run at
the exact step of the send it has to survive."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sales_agent.channels.sandbox import SandboxChannel
from sales_agent.domain.model import Direction, Message
from sales_agent.service.contacts import add_contact
from sales_agent.service.privacy import ERASED, erase_contact
from sales_agent.store.items import OutboxItem
from sales_agent.store.memory import MemoryMessages, MemoryStore
from sales_agent.workers.clock import Clock
from sales_agent.workers.outbox_sender import OutboxSender

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


class ErasureDuringRecord(MemoryMessages):
    """The erasure runs once, just before or just after the sender records its message."""

    def __init__(self, store: MemoryStore, when: str) -> None:
        super().__init__()
        self.store, self.when, self.done = store, when, False

    async def record(self, message: Message) -> bool:
        erase_now = message.direction == Direction.OUT and not self.done
        if erase_now and self.when == "before":
            await self._erase(message.contact_id)
        recorded = await super().record(message)
        if erase_now and self.when == "after":
            await self._erase(message.contact_id)
        return recorded

    async def _erase(self, contact_id: str) -> None:
        self.done = True
        await erase_contact(self.store, await self.store.contacts.get(contact_id), NOW)


@pytest.mark.parametrize("when", ["before", "after"])
async def test_an_erasure_during_the_send_leaves_no_text_of_it(when: str, tmp_path: Path) -> None:
    store = MemoryStore()
    lead = await add_contact(store, name="Ольга", company="Бодрое утро",
                             email="olga@bodroe.example")
    store.messages = ErasureDuringRecord(store, when)
    await store.outbox.put(OutboxItem(key="k1", route="sandbox", channel="sandbox",
                                      contact_id=lead.id, to=lead.email, kind="first",
                                      text="Ольга, добрый день!"), due=0.0)
    sender = OutboxSender(store, SandboxChannel(), "sandbox", clock=Clock(NOW, frozen=True),
                          owner="t", attachments_dir=tmp_path, charts_dir=tmp_path)
    assert await sender.send_one() and sender.sent == 1
    [recorded] = await store.messages.for_contact(lead.id)
    assert recorded.text == ERASED
    item = await store.outbox.get("k1")
    assert item is not None and item.queue.status == "done"
    assert (item.text, item.to) == (ERASED, None)
