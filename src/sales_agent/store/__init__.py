"""MongoDB: repositories, leased queues, the embedded wire server."""

from .client import Store

__all__ = ["Store"]
