"""Send one message with aiosmtplib; translate its errors into ours at this edge.

    auth refused            -> ChannelAuthError (a setting is wrong: stop and tell the operator)
    5xx on the recipient    -> PermanentChannelError (bad address: never retry)
    other 5xx               -> PermanentChannelError (this message is refused)
    4xx                     -> TransientChannelError(retry_after=…)
    unreachable, timeouts   -> ChannelUnavailable (the server is down: the channel waits)
"""

from __future__ import annotations

import ssl
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


async def send_smtp(msg: EmailMessage, sender: str, recipients: list[str], cfg: SmtpConfig,
                    tls: ssl.SSLContext | None = None) -> None:
    where = f"SMTP {cfg.host}:{cfg.port}"
    try:
        await aiosmtplib.send(
            msg, sender=sender, recipients=recipients, hostname=cfg.host, port=cfg.port,
            username=cfg.user or None, password=cfg.password or None,
            use_tls=cfg.security == "tls", start_tls=cfg.security == "starttls",
            tls_context=tls or ssl.create_default_context(), timeout=cfg.timeout,
        )
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
