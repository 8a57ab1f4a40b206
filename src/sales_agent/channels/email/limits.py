"""How much work one mail may cost. Past a cap a mail is quarantined, not read.

A lead's reply is a few kilobytes of text; the caps are orders of magnitude above that and still
small enough that one mail cannot stall the agent. `max_raw_bytes` is different: a bigger mail
(a reply with a large attachment) is fetched and read truncated, with a note, not quarantined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...settings import Settings


@dataclass(frozen=True)
class ParseLimits:
    max_raw_bytes: int = 10 * 1024 * 1024  # read only this much of a message
    max_text_chars: int = 1_000_000  # decoded text of all text/plain parts together
    max_html_chars: int = 2_000_000  # decoded HTML of all text/html parts together
    max_mime_depth: int = 20  # nested multiparts
    max_parts: int = 300  # MIME parts (Content-Type headers) in the whole message
    time_limit: float = 10.0  # seconds of parsing in a worker process

    @classmethod
    def from_settings(cls, s: Settings) -> ParseLimits:
        """The caps as configured (SALES_AGENT_EMAIL_MAX_* and _EMAIL_PARSE_SECONDS)."""
        return cls(s.email_max_bytes, s.email_max_text_chars, s.email_max_html_chars,
                   s.email_max_mime_depth, s.email_max_parts, s.email_parse_seconds)

    def with_raw_bytes(self, max_raw_bytes: int) -> ParseLimits:
        return ParseLimits(max_raw_bytes, self.max_text_chars, self.max_html_chars,
                           self.max_mime_depth, self.max_parts, self.time_limit)


DEFAULT_LIMITS = ParseLimits()


class LimitExceeded(Exception):
    """A cap was hit: the message is quarantined with this reason."""
