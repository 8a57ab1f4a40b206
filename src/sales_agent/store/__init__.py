"""MongoDB: repositories, leased queues, the embedded wire server.

`StoreFailure` is what a store that is down or hung raises, and `DuplicateKey` a write that a
unique index refused: the workers and services name these, never the driver's classes.
"""

from pymongo.errors import DuplicateKeyError as DuplicateKey
from pymongo.errors import PyMongoError as StoreFailure

from .client import Store

__all__ = ["DuplicateKey", "Store", "StoreFailure"]
