"""One IMAP connection (aioimaplib) with the few commands the channel needs, UID-based.

aioimaplib does not notice a dropped connection until a command times out, so every command
races a "connection lost" event; a dropped server then surfaces at once as `ImapConnectionLost`.
aioimaplib has no STARTTLS either: we send the command and upgrade the transport ourselves.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

import aioimaplib
from aioimaplib import Command

from ...errors import ChannelAuthError, ChannelError

T = TypeVar("T")
_UID = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
SIZES_CHUNK = 100
_NEWS = re.compile(r"^\d+ (EXISTS|RECENT)")


class ImapConnectionLost(Exception):
    """The server went away or did not answer: reconnect."""


class ImapAuthError(ChannelAuthError):
    """Login refused: a setting is wrong; retrying will not help."""


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    user: str
    password: str
    security: str = "tls"  # none | starttls | tls
    timeout: float = 30.0


class ImapSession:
    def __init__(self, cfg: ImapConfig, tls: ssl.SSLContext | None = None) -> None:
        self.cfg = cfg
        self.tls = tls
        self.lost = asyncio.Event()
        self.client: aioimaplib.IMAP4 | None = None
        self.selected: str | None = None
        self.news = False

    @property
    def where(self) -> str:
        return f"IMAP {self.cfg.host}:{self.cfg.port}"

    async def connect(self) -> None:
        cfg = self.cfg
        tls = self.tls or ssl.create_default_context()
        self.client = aioimaplib.IMAP4(
            cfg.host, cfg.port, timeout=cfg.timeout, conn_lost_cb=lambda _e: self.lost.set(),
            ssl_context=tls if cfg.security == "tls" else None)
        try:
            await self.client.wait_hello_from_server()
        except (OSError, TimeoutError, aioimaplib.AioImapException) as e:
            why = f"{type(e).__name__}: {e}"
            raise ImapConnectionLost(f"{self.where}: cannot connect: {why}") from e
        if cfg.security == "starttls":
            await self._starttls(tls)
        resp = await self._run(self.client.login(cfg.user, cfg.password))
        if resp.result != "OK":
            raise ImapAuthError(f"{self.where}: login refused for {cfg.user!r}: {_text(resp)}")

    async def _starttls(self, tls: ssl.SSLContext) -> None:
        proto = self.client.protocol
        resp = await self._run(proto.execute(Command("STARTTLS", proto.new_tag(), loop=proto.loop)))
        if resp.result != "OK":
            raise ChannelError(f"{self.where}: STARTTLS refused: {_text(resp)}")
        loop = asyncio.get_running_loop()
        proto.transport = await loop.start_tls(proto.transport, proto, tls,
                                               server_hostname=self.cfg.host)
        await self._run(proto.capability())

    async def _run(self, coro: Awaitable[T], timeout: float | None = None) -> T:
        """Await a command, or fail fast when the connection drops meanwhile."""
        task = asyncio.ensure_future(coro)
        # an abandoned command (the receiver was cancelled) must not log "never retrieved"
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
        lost = asyncio.ensure_future(self.lost.wait())
        try:
            done, _ = await asyncio.wait({task, lost}, return_when=asyncio.FIRST_COMPLETED,
                                         timeout=timeout or self.cfg.timeout * 2)
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            lost.cancel()
        if task not in done:
            task.cancel()
            raise ImapConnectionLost(f"{self.where}: connection lost")
        try:
            result = task.result()
        except (OSError, TimeoutError, aioimaplib.AioImapException) as e:
            raise ImapConnectionLost(f"{self.where}: {type(e).__name__}: {e}") from e
        if _has_news(getattr(result, "lines", None)):
            self.news = True  # new mail announced outside IDLE: it will not be pushed again
        return result

    async def select(self, folder: str) -> bool:
        resp = await self._run(self.client.select(_quote(folder)))
        self.selected = folder if resp.result == "OK" else None
        return resp.result == "OK"

    async def unseen_uids(self) -> list[int]:
        resp = await self._run(self.client.uid_search("UNSEEN", charset=None))
        return _search_uids(resp)

    async def size(self, uid: int) -> int:
        resp = await self._run(self.client.uid("fetch", str(uid), "(RFC822.SIZE)"))
        for line in resp.lines:
            if isinstance(line, bytes | bytearray) and (m := _SIZE.search(bytes(line))):
                return int(m.group(1))
        return 0

    async def sizes(self, uids: list[int]) -> dict[int, int]:
        """RFC822.SIZE of many messages in one command (UIDs the server no longer has are left
        out)."""
        found: dict[int, int] = {}
        # in chunks: aioimaplib reads a long untagged answer in time that grows faster than its
        # length — 1,000 UIDs in one FETCH outlived the command timeout, so after a backlog the
        # reader reconnected forever and read nothing
        for start in range(0, len(uids), SIZES_CHUNK):
            chunk = uids[start:start + SIZES_CHUNK]
            resp = await self._run(self.client.uid("fetch", ",".join(map(str, chunk)),
                                                   "(RFC822.SIZE)"))
            for line in resp.lines:
                if isinstance(line, bytes | bytearray):
                    uid, size = _UID.search(bytes(line)), _SIZE.search(bytes(line))
                    if uid and size:
                        found[int(uid.group(1))] = int(size.group(1))
        return found

    async def fetch(self, uid: int, limit: int | None = None) -> bytes | None:
        """The raw message (the first `limit` bytes if given), without setting \\Seen."""
        part = f"BODY.PEEK[]<0.{limit}>" if limit else "BODY.PEEK[]"
        resp = await self._run(self.client.uid("fetch", str(uid), f"({part})"))
        if resp.result != "OK":
            raise ImapConnectionLost(f"{self.where}: FETCH {uid} failed: {_text(resp)}")
        literals = [bytes(x) for x in resp.lines if isinstance(x, bytearray)]
        return literals[0] if literals else None

    async def mark_seen(self, uid: int) -> bool:
        """True when the server confirms the flag (it answers with the message's new FLAGS);
        a UID this connection does not know yet is silently ignored by the server."""
        resp = await self._run(self.client.uid("store", str(uid), "+FLAGS", r"(\Seen)"))
        return resp.result == "OK" and any(
            isinstance(x, bytes | str) and (m := _UID.search(x if isinstance(x, bytes)
                                                            else x.encode())) is not None
            and int(m.group(1)) == uid for x in resp.lines)

    async def append(self, raw: bytes, folder: str) -> None:
        resp = await self._run(self.client.append(raw, mailbox=_quote(folder), flags=r"(\Seen)"))
        if resp.result != "OK":  # usually [TRYCREATE]: the folder does not exist yet
            await self._run(self.client.create(_quote(folder)))
            resp = await self._run(self.client.append(raw, mailbox=_quote(folder),
                                                      flags=r"(\Seen)"))
            if resp.result != "OK":
                raise ChannelError(f"{self.where}: cannot append to {folder}: {_text(resp)}")

    async def has_message_id(self, folder: str, message_id: str) -> bool:
        if not await self.select(folder):
            return False
        quoted = '"' + message_id.replace("\\", "").replace('"', "") + '"'
        resp = await self._run(self.client.uid_search("HEADER", "Message-ID", quoted,
                                                      charset=None))
        return bool(_search_uids(resp))

    @property
    def can_idle(self) -> bool:
        return self.client is not None and self.client.has_capability("IDLE")

    async def idle(self, timeout: float) -> None:
        """Wait in IDLE until the server reports a change (or `timeout` passes)."""
        idle_task = await self._run(self.client.idle_start(timeout=timeout))
        try:
            while True:
                push = await self._run(self.client.wait_server_push(timeout=timeout + 5),
                                       timeout=timeout + 10)
                if push == aioimaplib.STOP_WAIT_SERVER_PUSH or _has_news(push):
                    break
        finally:
            if not self.lost.is_set() and self.client.has_pending_idle():
                self.client.idle_done()
                await self._run(asyncio.wait_for(idle_task, self.cfg.timeout))

    async def close(self) -> None:
        if self.client is None:
            return
        client, self.client = self.client, None
        try:
            if not self.lost.is_set():
                await asyncio.wait_for(client.logout(), 3)
        except Exception:  # closing a broken connection: nothing more to do
            pass
        transport = client.protocol.transport if client.protocol else None
        if transport is not None:
            transport.close()


def _has_news(push: Any) -> bool:
    lines = push if isinstance(push, list) else [push]
    return any(isinstance(x, bytes | str) and  # literals (bytearray) are message data: skip
               _NEWS.search(x if isinstance(x, str) else x.decode("latin-1")) for x in lines)


def _search_uids(resp: Any) -> list[int]:
    if resp.result != "OK":
        return []
    for line in resp.lines:
        text = bytes(line).decode("latin-1") if isinstance(line, bytes | bytearray) else str(line)
        if text and all(tok.isdigit() for tok in text.split()):
            return [int(tok) for tok in text.split()]
    return []


def _text(resp: Any) -> str:
    return " ".join(bytes(x).decode("utf-8", "replace") if isinstance(x, bytes | bytearray)
                    else str(x) for x in resp.lines)[:200]


def _quote(folder: str) -> str:
    return folder if re.fullmatch(r"[A-Za-z0-9_./-]+", folder) else '"' + folder + '"'
