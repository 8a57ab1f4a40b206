"""Collection names, in one place."""

CONTACTS = "contacts"
MESSAGES = "messages"
INBOX = "inbox"
OUTBOX = "outbox"
QUARANTINE = "quarantine"
REVIEWS = "reviews"
META = "meta"
