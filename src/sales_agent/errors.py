"""Every error the agent raises on purpose.

    SalesAgentError
     ├── ConfigError            a setting is wrong; start-up stops with one line
     ├── StoreError             the store cannot be reached or answered oddly
     ├── ContactError
     │    ├── ContactNotFound   no contact for that id, email or @handle
     │    ├── DuplicateContact  email or handle already belongs to another contact
     │    ├── InvalidContact    bad email, handle or missing name
     │    └── DoNotContact      the address or handle asked never to be written to again
     ├── InputError             a file or line the operator gave cannot be read
     └── ChannelError           a channel failed to send or receive
          ├── TransientChannelError   try again later (retry_after seconds)
          │    └── ChannelUnavailable the server is down or hung: the whole channel waits
          ├── PermanentChannelError   never retry (bad address, blocked)
          └── ChannelAuthError        login refused: the channel stops, the operator is told
"""

from __future__ import annotations


class SalesAgentError(Exception):
    """Root of the tree: the CLI turns any of these into one line and exit 1."""


class ConfigError(SalesAgentError):
    pass


class StoreError(SalesAgentError):
    pass


class ContactError(SalesAgentError):
    pass


class ContactNotFound(ContactError):
    def __init__(self, key: str) -> None:
        super().__init__(f"no contact {key!r}")
        self.key = key


class DuplicateContact(ContactError):
    def __init__(self, field: str, value: str) -> None:
        super().__init__(f"a contact with {field} {value!r} already exists")
        self.field, self.value = field, value


class InvalidContact(ContactError):
    pass


class DoNotContact(ContactError):
    """Adding the address again would undo a stop or a deletion request: refused."""

    def __init__(self, address: str) -> None:
        super().__init__(f"{address} is on the do-not-contact list (asked to stop or to be "
                         "deleted); not added")
        self.address = address


class InputError(SalesAgentError):
    pass


class ChannelError(SalesAgentError):
    pass


class TransientChannelError(ChannelError):
    def __init__(self, message: str, retry_after: float = 30.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentChannelError(ChannelError):
    pass


class ChannelUnavailable(TransientChannelError):
    """The server cannot be reached (or hangs): not this message's fault. The channel waits and
    retries with back-off; the item keeps its place and its count of real attempts."""


class ChannelAuthError(ChannelError):
    """The server refused our credentials: retrying will not help, a human must fix a setting."""
