"""`EmailChannel`: SMTP out (with a copy in Sent), IMAP in (IDLE, polling fallback), by UID.

A message is yielded while still UNSEEN and marked \\Seen only in `acknowledge`, after the engine
stored it; a crash in between yields it again on the next start (the inbox dedups by Message-ID).
Within one run a yielded, unacknowledged message is not yielded again until `redeliver_after`.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from ...domain import keys
from ...errors import ChannelError, ChannelUnavailable
from ..base import AbstractChannel, DeliveryCheck, IncomingMessage, OutgoingMessage, SentReceipt
from .compose import build_message
from .imap import ImapAuthError, ImapConfig, ImapConnectionLost, ImapSession
from .incoming import to_incoming
from .limits import DEFAULT_LIMITS, ParseLimits
from .parse import MAX_BYTES, ParsedEmail
from .pool import ParsePool
from .smtp import SmtpConfig, SmtpSession

if TYPE_CHECKING:
    from ...settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


class EmailChannel(AbstractChannel, DeliveryCheck):
    """Knobs: `idle_timeout` (re-issue IDLE this often), `poll_interval` (no IDLE on the server),
    `max_backoff` (reconnect delays double up to this), `connect_attempts` (first connection
    tries before a wrong host is reported), `max_bytes` (bigger mail is fetched truncated),
    `use_idle` (False: poll every `poll_interval` even when the server offers IDLE), `limits`
    (what one mail may cost to parse; past it the mail is quarantined, not read).

    Mail is parsed in worker processes (`ParsePool`), never on the event loop."""

    name = "email"

    def __init__(self, smtp: SmtpConfig, imap: ImapConfig, *, from_email: str, from_name: str = "",
                 inbox: str = "INBOX", sent_folder: str = "Sent",
                 ssl_context: ssl.SSLContext | None = None, idle_timeout: float = 300.0,
                 poll_interval: float = 30.0, max_backoff: float = 60.0,
                 connect_attempts: int = 3, redeliver_after: float = 600.0,
                 max_bytes: int = MAX_BYTES, use_idle: bool = True,
                 limits: ParseLimits = DEFAULT_LIMITS) -> None:
        self.smtp, self.imap = smtp, imap
        self.from_email, self.from_name = from_email, from_name
        self.inbox, self.sent_folder = inbox, sent_folder
        self.tls = ssl_context
        self.idle_timeout, self.poll_interval = idle_timeout, poll_interval
        self.max_backoff, self.connect_attempts = max_backoff, connect_attempts
        self.redeliver_after, self.max_bytes = redeliver_after, max_bytes
        self.use_idle = use_idle
        self.parser = ParsePool(limits.with_raw_bytes(max_bytes))
        self._smtp = SmtpSession(smtp, ssl_context)  # kept open between sends
        self._pending: dict[str, int] = {}  # key -> UID, yielded and not yet acknowledged
        self._yielded_at: dict[int, float] = {}  # UID -> when it was yielded
        self._cmd: ImapSession | None = None  # for append / search / \Seen; receive has its own
        self._cmd_lock = asyncio.Lock()
        self._sessions: set[ImapSession] = set()

    @classmethod
    def from_settings(cls, s: Settings, **knobs: object) -> EmailChannel:
        if not s.email_enabled:
            raise ChannelError("email is off: set SALES_AGENT_SMTP_HOST and SALES_AGENT_IMAP_HOST")
        secret = lambda v: v.get_secret_value() if v else None  # noqa: E731
        smtp = SmtpConfig(s.smtp_host, s.smtp_port, s.smtp_user, secret(s.smtp_password),
                          s.smtp_security)
        imap = ImapConfig(s.imap_host, s.imap_port, s.imap_user or s.from_email,
                          secret(s.imap_password) or "", s.imap_security)
        knobs.setdefault("limits", ParseLimits.from_settings(s))
        knobs.setdefault("max_bytes", s.email_max_bytes)
        return cls(smtp, imap, from_email=s.from_email, from_name=s.from_name,
                   inbox=s.imap_folder, sent_folder=s.imap_sent_folder, **knobs)  # type: ignore[arg-type]

    # sending ---------------------------------------------------------------------------------
    async def send(self, message: OutgoingMessage) -> SentReceipt:
        message_id = message.message_id or keys.email_message_id(self.from_email)
        msg = build_message(message, from_email=self.from_email, from_name=self.from_name,
                            message_id=message_id)
        await self._smtp.send(msg, self.from_email, [message.to])
        return SentReceipt(message_id=message_id, at=datetime.now(UTC), raw=msg.as_bytes())

    async def keep_copy(self, receipt: SentReceipt) -> None:
        if receipt.raw is None:
            return
        raw = receipt.raw
        try:  # the mail is out; a missing Sent copy must not make the worker send it again
            await self._command(lambda s: s.append(raw, self.sent_folder))
        except ChannelError as e:
            log.warning("sent %s but could not copy it to %s: %s", receipt.message_id,
                        self.sent_folder, e)

    async def was_delivered(self, message: OutgoingMessage) -> bool:
        if not message.message_id:
            return False
        return await self._command(
            lambda s: s.has_message_id(self.sent_folder, message.message_id))

    # receiving -------------------------------------------------------------------------------
    async def receive(self) -> AsyncIterator[IncomingMessage]:
        backoff, connected_once = 1.0, False
        attempts = 0
        # A new reader: whatever an earlier one yielded and nobody acknowledged was lost with
        # it (the store failed, the pump restarted), so it is read again now, not in 10 minutes.
        self._yielded_at = {u: t for u, t in self._yielded_at.items() if t == float("inf")}
        self._pending.clear()
        while True:
            self.caught_up = False
            session = ImapSession(self.imap, self.tls)
            self._sessions.add(session)
            try:
                await asyncio.gather(session.connect(), self.parser.start())
                if not await session.select(self.inbox):
                    raise ChannelError(f"{session.where}: no folder {self.inbox!r}")
                connected_once, backoff, attempts = True, 1.0, 0
                self.report(None)  # connected: catching up by UID on whatever is unseen
                while True:
                    session.news = False
                    async for msg in self._read_unseen(session):
                        yield msg
                    if session.news:
                        continue  # announced while we were busy: look again before waiting
                    self.caught_up = True  # everything unseen was yielded: waiting for news
                    if self.use_idle and session.can_idle:
                        await session.idle(self.idle_timeout)
                    else:
                        await asyncio.sleep(self.poll_interval)
                    self.caught_up = False
            except ImapAuthError:
                raise
            except ImapConnectionLost as e:
                attempts += 1
                if not connected_once and attempts >= self.connect_attempts:
                    raise ChannelError(f"{e} (check SALES_AGENT_IMAP_HOST/PORT/SECURITY)") from e
                self.report(f"{e}; reconnecting")  # logged once per outage, not per try
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)
            finally:
                self._sessions.discard(session)
                await session.close()

    async def _read_unseen(self, session: ImapSession) -> AsyncIterator[IncomingMessage]:
        """Small mail first (a lead's reply is small; a hostile mail is big), parsed in the pool
        while the next one is fetched; yielded as each parse finishes."""
        now = time.monotonic()
        unseen = await session.unseen_uids()
        for uid in set(self._yielded_at) - set(unseen):  # seen now: no need to remember it
            del self._yielded_at[uid]
        todo = [uid for uid in unseen
                if now - self._yielded_at.get(uid, -1e12) >= self.redeliver_after]
        sizes = await session.sizes(todo)
        todo.sort(key=lambda uid: sizes.get(uid, 0))
        parsing: set[asyncio.Task[tuple[int, ParsedEmail]]] = set()
        try:
            for uid in todo:
                size = sizes.get(uid) or await session.size(uid)
                raw = await session.fetch(uid, self.max_bytes if size > self.max_bytes else None)
                if raw is None:
                    log.warning("email uid %s: server returned no body; skipped", uid)
                    continue
                parsing.add(asyncio.create_task(self._parse(uid, raw, size)))
                while len(parsing) >= self.parser.size or any(t.done() for t in parsing):
                    done, parsing = await asyncio.wait(parsing,
                                                       return_when=asyncio.FIRST_COMPLETED)
                    for task in done:
                        yield self._yielded(*task.result(), now)
            while parsing:
                done, parsing = await asyncio.wait(parsing, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    yield self._yielded(*task.result(), now)
        finally:
            for task in parsing:
                task.cancel()

    async def _parse(self, uid: int, raw: bytes, size: int) -> tuple[int, ParsedEmail]:
        parsed = await self.parser.parse(raw, original_size=size)
        if parsed.quarantine:
            log.warning("email uid %s from %r quarantined: %s", uid, parsed.from_email,
                        parsed.quarantine)
        return uid, parsed

    def _yielded(self, uid: int, parsed: ParsedEmail, now: float) -> IncomingMessage:
        msg = to_incoming(parsed)
        self._pending[msg.key] = uid
        self._yielded_at[uid] = now
        return msg

    async def acknowledge(self, message: IncomingMessage) -> None:
        uid = self._pending.pop(message.key, None)
        if uid is None:
            return
        await self._command(lambda s: self._mark_seen(s, uid))
        # never again in this run, even if the receiving connection still sees it unseen
        self._yielded_at[uid] = float("inf")

    async def _mark_seen(self, session: ImapSession, uid: int) -> None:
        if session.selected != self.inbox:
            await session.select(self.inbox)
        if not await session.mark_seen(uid):
            # A message that came after this connection last looked is unknown to it, and a
            # UID STORE on it does nothing (no error): look at the mailbox afresh, then again.
            await session.select(self.inbox)
            if not await session.mark_seen(uid):
                log.warning("email uid %s: the server did not mark it seen", uid)

    async def _command(self, action: Callable[[ImapSession], Awaitable[T]]) -> T:
        """Run one action on the command connection; reconnect once if it dropped."""
        async with self._cmd_lock:
            for attempt in (1, 2):
                try:
                    if self._cmd is None:
                        self._cmd = ImapSession(self.imap, self.tls)
                        await self._cmd.connect()
                    return await action(self._cmd)
                except ImapConnectionLost as e:
                    await self._drop_cmd()
                    if attempt == 2:
                        raise ChannelUnavailable(str(e)) from e
        raise AssertionError("unreachable")

    async def _drop_cmd(self) -> None:
        if self._cmd is not None:
            cmd, self._cmd = self._cmd, None
            await cmd.close()

    async def close(self) -> None:
        await self._smtp.close()
        await self.parser.close()
        await self._drop_cmd()
        for session in list(self._sessions):
            await session.close()
