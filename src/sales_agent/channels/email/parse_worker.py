"""A parse worker process: length-prefixed pickles on stdin/stdout, one mail at a time.

Started by `ParsePool` as `python -m sales_agent.channels.email.parse_worker`; it only ever talks
to the process that started it. Nothing in the package imports it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys

from .frames import HEADER, frame
from .parse import parse_email


def main() -> None:
    # below the agent's own priority: a heavy mail must not take the CPU from the event loop
    with contextlib.suppress(OSError):
        os.nice(10)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames may reach the parent's pipe
    while True:
        head = stdin.read(HEADER.size)
        if len(head) < HEADER.size:
            return
        raw, original_size, limits = pickle.loads(stdin.read(HEADER.unpack(head)[0]))
        stdout.write(frame(parse_email(raw, original_size=original_size, limits=limits)))
        stdout.flush()


if __name__ == "__main__":
    main()
