"""Opening the store: a given MongoDB URI, or the embedded server under the data dir."""

from __future__ import annotations

import logging
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import PyMongoError

from ..errors import StoreError
from ..settings import Settings
from . import constants as c
from .contacts import ContactRepository
from .corrections import CorrectionRepository
from .embedded import EmbeddedServer, ensure_embedded
from .health import HealthBoard
from .items import InboxItem, OutboxItem
from .messages import MessageRepository
from .notifications import Notifications
from .quarantine import QuarantineRepository
from .queue import LeasedQueue
from .reviews import ReviewRepository
from .suppression import SuppressionList

log = logging.getLogger(__name__)


class Store:
    """The agent's MongoDB: repositories over one database. Connects only in `open`."""

    def __init__(self, client: AsyncMongoClient[Any], db_name: str,
                 embedded: EmbeddedServer | None = None) -> None:
        self.client = client
        self.db: AsyncDatabase[Any] = client[db_name]
        self.embedded = embedded
        self.contacts = ContactRepository(self.db[c.CONTACTS])
        self.messages = MessageRepository(self.db[c.MESSAGES])
        self.inbox = LeasedQueue(self.db[c.INBOX], codec=InboxItem)
        self.outbox = LeasedQueue(self.db[c.OUTBOX], codec=OutboxItem)
        self.suppression = SuppressionList(self.db[c.SUPPRESSION])
        self.notifications = Notifications(self.db[c.NOTIFICATIONS])
        self.quarantine = QuarantineRepository(self.db[c.QUARANTINE])
        self.health = HealthBoard(self.db[c.HEALTH])
        self.corrections = CorrectionRepository(self.db[c.CORRECTIONS], self.db[c.META])
        self.reviews = ReviewRepository(self.db[c.REVIEWS], self.db[c.REVIEW_COMPANIES])

    @property
    def address(self) -> str:
        return self.embedded.uri if self.embedded else "(MONGODB_URI)"

    @property
    def location(self) -> str:
        """The server and the database: what a cache across `Store` instances is keyed by."""
        return f"{self.address}/{self.db.name}"

    @classmethod
    async def open(cls, settings: Settings) -> Store:
        embedded = None
        uri = settings.mongodb_uri
        if uri is None:
            embedded = ensure_embedded(settings.data_dir)
            uri = embedded.uri
        client: AsyncMongoClient[Any] = AsyncMongoClient(
            uri, serverSelectionTimeoutMS=5000, connectTimeoutMS=5000, tz_aware=True
        )
        store = cls(client, settings.mongodb_db, embedded)
        try:
            await store.db.command("ping")
            await store.ensure_indexes()
        except PyMongoError as e:
            await store.close()
            raise StoreError(f"cannot reach MongoDB at {_redact(uri)}: {_first_line(e)}") from e
        return store

    async def ensure_indexes(self) -> None:
        await self.contacts.ensure_indexes()
        await self.messages.ensure_indexes()
        await self.inbox.ensure_indexes()
        await self.outbox.ensure_indexes()
        await self.reviews.ensure_indexes()
        await self.notifications.ensure_indexes()
        await self.quarantine.ensure_indexes()
        await self.corrections.ensure_indexes()

    async def close(self) -> None:
        await self.client.close()
        if self.embedded and self.embedded.owned:
            self.embedded.stop()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def _redact(uri: str) -> str:
    # mongodb://user:secret@host -> mongodb://user:***@host: passwords never reach a log line.
    if "@" in uri and "://" in uri:
        scheme, rest = uri.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return uri


def _first_line(e: Exception) -> str:
    return str(e).splitlines()[0][:200] if str(e) else type(e).__name__
