"""A parse worker process: length-prefixed pickles on stdin/stdout, one mail at a time.

Started by `ParsePool` as `python -m sales_agent.channels.email.parse_worker`; it only ever talks
to the process that started it.
"""

from __future__ import annotations

import pickle
import struct
import sys
from typing import BinaryIO

from .parse import parse_email

HEADER = struct.Struct(">Q")


def write_frame(out: BinaryIO, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(HEADER.pack(len(data)) + data)
    out.flush()


def frame(obj: object) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames may reach the parent's pipe
    while True:
        head = stdin.read(HEADER.size)
        if len(head) < HEADER.size:
            return
        raw, original_size, limits = pickle.loads(stdin.read(HEADER.unpack(head)[0]))
        write_frame(stdout, parse_email(raw, original_size=original_size, limits=limits))


if __name__ == "__main__":
    main()
