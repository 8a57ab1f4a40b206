"""A Telegram user-account send killed right after its history record: the next claim neither
sends again nor forgets the chat the send opened (the lead's replies come from that chat)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sales_agent.channels.base import AbstractChannel, OutgoingMessage, SentReceipt
from sales_agent.domain.model import Direction, Message
from sales_agent.service.contacts import add_contact
from sales_agent.store.items import OutboxItem
from sales_agent.store.memory import MemoryMessages, MemoryStore
from sales_agent.workers.clock import Clock
from sales_agent.workers.outbox_sender import OutboxSender

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
CHAT = 701
LEASE = 0.05  # seconds: leases run on the wall clock, not the frozen one


class Killed(BaseException):
    """The process dies: nothing in the sender catches it."""


class DiesAfterFirstRecord(MemoryMessages):
    def __init__(self) -> None:
        super().__init__()
        self.killed = False

    async def record(self, message: Message) -> bool:
        recorded = await super().record(message)
        if message.direction == Direction.OUT and not self.killed:
            self.killed = True
            raise Killed
        return recorded


class UserAccount(AbstractChannel):
    name = "telegram-user"

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, message: OutgoingMessage) -> SentReceipt:
        self.sent.append(message.key)
        return SentReceipt(message_id=f"tgu:{CHAT}:{len(self.sent)}", at=NOW)

    async def receive(self):  # never called here
        raise NotImplementedError
        yield


async def test_a_reclaimed_send_binds_the_chat_and_is_not_sent_again(tmp_path: Path) -> None:
    store = MemoryStore()
    store.messages = DiesAfterFirstRecord()
    lead = await add_contact(store, name="Ольга", company="Бодрое утро", telegram="@olga_bodroe")
    await store.outbox.put(OutboxItem(key="k1", route="telegram-user", channel="telegram",
                                      contact_id=lead.id, to="@olga_bodroe", kind="first",
                                      text="Ольга, добрый день!"), due=0.0)
    channel = UserAccount()

    def sender(owner: str) -> OutboxSender:
        return OutboxSender(store, channel, "telegram-user", clock=Clock(NOW, frozen=True),
                            owner=owner, attachments_dir=tmp_path, charts_dir=tmp_path,
                            lease=LEASE)

    with pytest.raises(Killed):
        await sender("dead").send_one()
    before = await store.contacts.get(lead.id)
    assert before is not None and before.telegram_chat_id is None  # died before binding

    await asyncio.sleep(LEASE * 2)  # the dead worker's lease ends
    later = sender("next")
    assert await later.send_one()
    assert channel.sent == ["k1"]  # once
    after = await store.contacts.get(lead.id)
    assert after is not None and after.telegram_chat_id == CHAT
    [recorded] = await store.messages.for_contact(lead.id)
    assert recorded.message_id == f"tgu:{CHAT}:1"
    item = await store.outbox.get("k1")
    assert item is not None and item.queue.status == "done"
