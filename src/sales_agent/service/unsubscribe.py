"""One-click unsubscribe (RFC 8058): a signed per-lead link, honoured as the lead's own stop.

The link is `{SALES_AGENT_PUBLIC_BASE_URL}/unsubscribe/{contact id}.{signature}`; the signature
is an HMAC-SHA256 over the contact id with `SALES_AGENT_UNSUBSCRIBE_SECRET` (or, unset, a random
key created once in the data dir), so nobody can unsubscribe a lead whose link they did not get.
A POST to it puts a stop into the inbox — the same path as a lead writing "stop", so `decide()`
alone changes the status, and the logic worker acts on it within a poll.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import time
from collections.abc import Callable

from ..domain import keys
from ..settings import Settings
from ..store import Store
from ..store.items import InboxItem

KEY_FILE = "unsubscribe.key"
SIG_CHARS = 32


def secret_key(settings: Settings) -> bytes:
    if settings.unsubscribe_secret:
        return settings.unsubscribe_secret.get_secret_value().encode()
    path = settings.data_dir / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):  # another process made it first: use that
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def _sign(key: bytes, contact_id: str) -> str:
    return hmac.new(key, f"unsubscribe:{contact_id}".encode(), hashlib.sha256).hexdigest()[
        :SIG_CHARS]


def make_token(key: bytes, contact_id: str) -> str:
    return f"{contact_id}.{_sign(key, contact_id)}"


def check_token(key: bytes, token: str) -> str | None:
    """The contact id the token was made for, or None when it is not ours."""
    contact_id, _, signature = token.rpartition(".")
    if not contact_id or not hmac.compare_digest(signature, _sign(key, contact_id)):
        return None
    return contact_id


def url_maker(settings: Settings) -> Callable[[str], str] | None:
    """contact id -> its one-click URL; None without a public HTTPS base URL."""
    if not settings.public_base_url:
        return None
    key, base = secret_key(settings), settings.public_base_url

    def url_for(contact_id: str) -> str:
        return f"{base}/unsubscribe/{make_token(key, contact_id)}"

    return url_for


async def request_stop(store: Store, contact_id: str) -> bool:
    """Queue the lead's stop; False when there is no such contact. Once per conversation: a
    mail provider that POSTs twice (or a lead who clicks twice) queues it once."""
    contact = await store.contacts.find_by(_id=contact_id)
    if contact is None:
        return False
    now = time.time()
    await store.inbox.put(InboxItem(
        key=keys.unsubscribe(contact.id, contact.epoch), type="reply", channel="email",
        route="email", contact_id=contact.id, sender=contact.email or contact.id,
        text="List-Unsubscribe: one-click", command="/stop", at=now, kind="text",
    ), due=0.0)  # due under any clock, first in line: a stop goes before everything else
    return True
