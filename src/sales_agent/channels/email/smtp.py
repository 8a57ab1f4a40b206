"""Send one message with aiosmtplib; translate its errors into ours at this edge.

    auth refused            -> ChannelAuthError (a setting is wrong: stop and tell the operator)
    5xx on the recipient    -> PermanentChannelError (bad address: never retry)
    other 5xx               -> PermanentChannelError (this message is refused)
    4xx                     -> TransientChannelError(retry_after=…)
    unreachable, timeouts   -> ChannelUnavailable (the server is down: the channel waits)
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage

import aiosmtplib

from ...errors import (
    ChannelAuthError,
    ChannelUnavailable,
    PermanentChannelError,
    TransientChannelError,
)


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    user: str | None = None
    password: str | None = None
    security: str = "starttls"  # none | starttls | tls
    timeout: float = 30.0
    retry_after: float = 60.0


class SmtpSession:
    """One SMTP session kept open from send to send: connect, TLS and login once, not per mail
    (measured: a new session per mail was most of a local send's cost). A session quiet for
    `IDLE_CHECK` seconds is asked NOOP first, and a dead one replaced before the mail is given
    to it; any failure drops the session, and the next send starts a new one."""

    IDLE_CHECK = 5.0

    def __init__(self, cfg: SmtpConfig, tls: ssl.SSLContext | None = None) -> None:
        self.cfg, self.tls = cfg, tls
        self._client: aiosmtplib.SMTP | None = None
        self._used = 0.0
        self._lock = asyncio.Lock()

    async def send(self, msg: EmailMessage, sender: str, recipients: list[str]) -> None:
        async with self._lock:
            with _translated(self.cfg):
                reused = self._client is not None
                try:
                    await self._send(msg, sender, recipients)
                except (aiosmtplib.SMTPServerDisconnected, ConnectionError):
                    if not reused:
                        raise
                    # a kept session the server had closed (a restart, an idle cut): the mail
                    # was refused with it, so once more on a new session, not an outage
                    await self._send(msg, sender, recipients)

    async def _send(self, msg: EmailMessage, sender: str, recipients: list[str]) -> None:
        client = await self._ready()
        try:
            await client.send_message(msg, sender=sender, recipients=recipients)
        except BaseException:
            await self.close()
            raise
        self._used = time.monotonic()

    async def _ready(self) -> aiosmtplib.SMTP:
        if self._client is not None and time.monotonic() - self._used > self.IDLE_CHECK:
            try:
                await self._client.noop()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                await self.close()  # the server dropped a quiet session: a new one
        if self._client is None or not self._client.is_connected:
            cfg = self.cfg
            client = aiosmtplib.SMTP(
                hostname=cfg.host, port=cfg.port, username=cfg.user or None,
                password=cfg.password or None, use_tls=cfg.security == "tls",
                start_tls=cfg.security == "starttls",
                tls_context=self.tls or ssl.create_default_context(), timeout=cfg.timeout)
            try:
                await client.connect()
            except BaseException:
                with contextlib.suppress(Exception):
                    client.close()
                raise
            self._client = client
        return self._client

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None and client.is_connected:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.quit(), 5)
            client.close()


@contextlib.contextmanager
def _translated(cfg: SmtpConfig) -> Iterator[None]:
    """aiosmtplib's errors as ours (see the module's note)."""
    where = f"SMTP {cfg.host}:{cfg.port}"
    try:
        yield
    except aiosmtplib.SMTPAuthenticationError as e:
        raise ChannelAuthError(
            f"{where}: login refused for {cfg.user!r} ({e.code} {e.message})") from e
    except aiosmtplib.SMTPRecipientsRefused as e:
        codes = [r.code for r in e.recipients]
        text = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in e.recipients)
        if any(code >= 500 for code in codes):
            raise PermanentChannelError(f"{where} refused the recipient: {text}") from e
        raise TransientChannelError(f"{where} deferred the recipient: {text}",
                                    retry_after=cfg.retry_after) from e
    except aiosmtplib.SMTPResponseException as e:
        if e.code == 530:
            raise ChannelAuthError(f"{where} requires a login: set SALES_AGENT_SMTP_USER") from e
        if e.code >= 500:
            raise PermanentChannelError(f"{where} refused the message: {e.code} {e.message}") from e
        raise TransientChannelError(f"{where}: {e.code} {e.message}",
                                    retry_after=cfg.retry_after) from e
    except (aiosmtplib.SMTPConnectError, aiosmtplib.SMTPServerDisconnected,
            aiosmtplib.SMTPTimeoutError, OSError, TimeoutError) as e:
        raise ChannelUnavailable(f"{where} unreachable: {type(e).__name__}: {e}",
                                 retry_after=cfg.retry_after) from e
    except aiosmtplib.SMTPException as e:
        raise TransientChannelError(f"{where} unreachable: {type(e).__name__}: {e}",
                                    retry_after=cfg.retry_after) from e
