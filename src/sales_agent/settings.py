"""One typed `Settings`, loaded once from the environment and `.env` (names in CONTRACT.md)."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError

Security = Literal["none", "starttls", "tls"]
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SALES_AGENT_", env_file=".env", extra="ignore", case_sensitive=False,
        env_ignore_empty=True,
    )

    mongodb_uri: str | None = None
    mongodb_db: str = "sales_agent"
    data_dir: Path = Path("./data")

    smtp_host: str | None = None
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: Security = "starttls"
    imap_host: str | None = None
    imap_port: int = Field(993, ge=1, le=65535)
    imap_user: str | None = None
    imap_password: SecretStr | None = None
    imap_security: Security = "tls"
    imap_folder: str = "INBOX"
    imap_sent_folder: str = "Sent"
    from_email: str = "sales@napoleonit.example"
    from_name: str = "Анна Соколова"
    from_name_en: str | None = None  # how English letters sign; unset = from_name transliterated
    sender_title: str = "менеджер по развитию «Отзывов», Napoleon IT"
    sender_phone: str = ""
    # The signature (SALES_AGENT_FROM_*); empty lines are left out. Title and phone fall back to
    # SENDER_TITLE / SENDER_PHONE, the older names.
    from_title: str = ""
    from_phone: str = ""
    from_site: str = ""
    from_telegram: str = ""
    manager_email: str | None = None

    telegram_bot_token: SecretStr | None = None
    telegram_api_base: str = "https://api.telegram.org"
    telegram_bot_username: str | None = None  # for t.me deep links; asked from getMe if unset
    telegram_api_id: int | None = None
    telegram_api_hash: SecretStr | None = None

    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = Field(20.0, gt=0)

    console_host: str = "127.0.0.1"
    console_port: int = Field(8000, ge=1, le=65535)
    console_password: SecretStr | None = None
    # where the console is reachable from the internet (https://…): one-click unsubscribe links
    public_base_url: str | None = None
    unsubscribe_secret: SecretStr | None = None  # signs them; unset = a key kept in the data dir

    timezone: str = "Europe/Moscow"
    send_window_start: int = Field(9, ge=0, le=23)
    send_window_end: int = Field(19, ge=1, le=24)
    followup_days: list[int] = [3, 7]
    demo_slots: list[str] = []
    demo_url: str = ""  # the video link sent with a booked demo
    demo_hours: list[int] = [11, 15]  # the hours of the demo slots the agent offers
    demo_minutes: int = Field(30, ge=10, le=240)
    # A human pace: an answer inside the send window waits this long (zero in tests).
    reply_delay_seconds: float = Field(180.0, ge=0)
    answer_time_frame: str = "до конца следующего рабочего дня"  # a human's answer promised
    answer_time_frame_en: str = "by the end of the next business day"
    # per-channel caps on sends per minute in one process (mailbox providers throttle bulk mail)
    email_per_minute: int = Field(120, ge=1)
    telegram_per_minute: int = Field(600, ge=1)
    telegram_user_per_minute: int = Field(20, ge=1)
    worker_lease: float = Field(30.0, gt=0)  # seconds a claim is held; renewed while working
    # how often an idle role looks for work; `--until-idle` ends after four quiet looks
    poll_seconds: float = Field(0.25, gt=0, le=10)
    # What one incoming mail may cost to read (channels/email/limits.py); past a cap it is
    # quarantined. A bigger raw mail than email_max_bytes is read truncated, with a note.
    email_max_bytes: int = Field(10 * 1024 * 1024, ge=64 * 1024)
    email_max_text_chars: int = Field(1_000_000, ge=1_000)
    email_max_html_chars: int = Field(2_000_000, ge=1_000)
    email_max_mime_depth: int = Field(20, ge=1)
    email_max_parts: int = Field(300, ge=1)
    email_parse_seconds: float = Field(10.0, gt=0)
    templates_dir: Path = PROJECT_ROOT / "templates"
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    attachments_dir: Path = PROJECT_ROOT / "attachments"

    @field_validator("public_base_url")
    @classmethod
    def _https_only(cls, v: str | None) -> str | None:
        if v and not v.lower().startswith("https://"):
            raise ValueError("must start with https:// (RFC 8058 one-click needs HTTPS)")
        return v.rstrip("/") if v else v

    @field_validator("mongodb_uri")
    @classmethod
    def _check_uri(cls, v: str | None) -> str | None:
        if v and not v.startswith(("mongodb://", "mongodb+srv://")):
            raise ValueError("must start with mongodb:// or mongodb+srv://")
        return v or None

    @model_validator(mode="after")
    def _console_needs_password_off_loopback(self) -> Settings:
        if not _is_loopback(self.console_host) and not self.console_password:
            raise ValueError(
                "SALES_AGENT_CONSOLE_PASSWORD is required when the console is not on loopback"
            )
        return self

    @property
    def email_enabled(self) -> bool:
        return bool(self.smtp_host and self.imap_host)

    @property
    def telegram_bot_enabled(self) -> bool:
        return self.telegram_bot_token is not None

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings(**overrides: object) -> Settings:
    """Read settings; a wrong one becomes one ConfigError line naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        name = f"SALES_AGENT_{where.upper()}" if where else "settings"
        raise ConfigError(f"{name}: {err['msg']}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
