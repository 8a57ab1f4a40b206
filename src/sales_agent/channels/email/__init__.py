"""The email channel: parse replies, compose and send over SMTP, receive over IMAP."""

from .channel import EmailChannel
from .parse import ParsedEmail, parse_email
from .quotes import strip_html_quote, strip_quoted_reply

__all__ = ["EmailChannel", "ParsedEmail", "parse_email", "strip_html_quote",
           "strip_quoted_reply"]
