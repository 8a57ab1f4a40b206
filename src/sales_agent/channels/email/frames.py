"""The parse pool's wire format: an 8-byte length, then a pickle. Parent and worker only."""

from __future__ import annotations

import pickle
import struct

HEADER = struct.Struct(">Q")


def frame(obj: object) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data
