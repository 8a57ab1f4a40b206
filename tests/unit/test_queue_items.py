"""Queue documents: one codec each, tolerant of documents written before a field existed, and
keys in the formats existing stores hold."""

from __future__ import annotations

from sales_agent.domain import keys
from sales_agent.store.items import InboxItem, OutboxItem


class TestInboxItem:
    def test_an_old_start_document_reads_with_defaults(self) -> None:
        doc = {"_id": "x1", "key": "start:c1:0", "type": "start", "contact_id": "c1",
               "epoch": 0, "status": "pending", "received_at": 5.0, "attempts": 2,
               "owner": "h:1:2", "lease_until": 9.0, "created_at": 5.0}
        item = InboxItem.from_doc(doc)
        assert (item.id, item.type, item.epoch, item.due) == ("x1", "start", 0, 5.0)
        assert (item.queue.attempts, item.queue.owner, item.queue.status) == (2, "h:1:2",
                                                                              "pending")
        assert (item.text, item.references, item.headers, item.channel) == ("", (), {},
                                                                            "email")

    def test_a_round_trip_keeps_fields_it_does_not_know(self) -> None:
        item = InboxItem.from_doc({"key": "k", "text": "hi", "references": ["<a@b>"],
                                   "future_field": {"x": 1}})
        doc = item.to_doc()
        assert doc["future_field"] == {"x": 1} and doc["references"] == ["<a@b>"]
        assert InboxItem.from_doc(doc) == item

    def test_the_queue_s_bookkeeping_is_not_written_by_a_producer(self) -> None:
        doc = InboxItem.from_doc({"_id": "x", "key": "k", "status": "done", "attempts": 3,
                                  "received_at": 1.0, "outcome": "decided"}).to_doc()
        assert not {"_id", "status", "attempts", "received_at", "outcome"} & set(doc)


class TestOutboxItem:
    def test_an_erased_document_reads_with_defaults(self) -> None:
        item = OutboxItem.from_doc({"_id": "o", "key": "k#0", "route": "email", "to": None,
                                    "to_name": None, "text": "[x]", "attachments": None,
                                    "due_at": 7.0, "outage_claims": 2})
        assert (item.to, item.to_name, item.attachments, item.due) == (None, "", (), 7.0)
        assert item.queue.outage_claims == 2 and item.internal is False


class TestKeys:
    def test_formats_stay_byte_identical(self) -> None:
        assert keys.conversation_start("c", 2) == "start:c:2"
        assert keys.wake_up("c", 0, 1764050400.4) == "wake:c:0:1764050400"
        assert keys.unsubscribe("c", 1) == "unsubscribe:c:1"
        assert keys.action("start:c:0", 1) == "start:c:0#1"
        assert keys.unwritten("email:<m@x>") == "email:<m@x>#unwritten"
        assert keys.manager_copy("k#2") == "k#2:manager"
        assert keys.note("k", "bounce") == "k:bounce"
        assert keys.unmatched("k") == "unmatched:k"
        assert keys.delivery_failed("k#0") == "failed:k#0"
        assert keys.message_in("k") == "in:k" and keys.message_out("k#0") == "out:k#0"
        assert keys.email_received("<m@x>") == "email:<m@x>"
        assert keys.telegram_received("tgu", 5, 7) == "tgu:5:7"
        assert keys.operator_command("c", "stop", 12.6) == "operator:c:stop:13"
        assert keys.channel_stopped("email", 12.6) == "channel_stopped:email:12"
        assert keys.route_address("email", "a@b") == "email:a@b"
        assert keys.route_address("telegram", "@x") == "tg:@x"
