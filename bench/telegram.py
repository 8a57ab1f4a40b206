"""Telegram bot channel figures against the local Bot API server (tests/fixtures/telegram.py).

    .venv/bin/python bench/telegram.py [--updates 2000] [--sends 500]

All traffic stays on 127.0.0.1; every loop is bounded in count.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds email.py, which would shadow the standard library's `email` for a script run
# from here: run with the project root on the path instead of bench/.
sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse
import asyncio
import time

from rich.progress import Progress
from tests.fixtures.telegram import FakeBotApi

from sales_agent.channels.base import OutgoingMessage
from sales_agent.channels.telegram_bot import TelegramBotChannel, split_text
from sales_agent.settings import load_settings

CHAT = 900001


def message(i: int, text: str, *files: Path) -> OutgoingMessage:
    return OutgoingMessage(key=f"b{i}", contact_id="c", channel="telegram", to=str(CHAT),
                           text=text, attachments=files)


async def bench_receive(api: FakeBotApi, bot: TelegramBotChannel, n: int, bar: Progress) -> float:
    for i in range(n):
        await api.push_text(CHAT, f"сообщение {i}")
    task = bar.add_task("receive+ack", total=n)
    started, got = time.perf_counter(), 0
    async for msg in bot.receive():
        await bot.acknowledge(msg)
        got += 1
        bar.advance(task)
        if got == n:
            break
    return n / (time.perf_counter() - started)


async def bench_send(bot: TelegramBotChannel, n: int, concurrency: int, bar: Progress) -> float:
    task = bar.add_task(f"send x{concurrency}", total=n)
    gate = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        async with gate:
            await bot.send(message(i, f"Здравствуйте, это сообщение {i}"))
            bar.advance(task)

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(n)))
    return n / (time.perf_counter() - started)


async def main(updates: int, sends: int) -> None:
    api = await FakeBotApi().start()
    api.known_chats.add(CHAT)
    settings = load_settings(telegram_bot_token=api.token, telegram_api_base=api.url)
    bot = TelegramBotChannel.from_settings(settings, poll_timeout=1)
    tmp = Path("/tmp") / "tg-bench.pdf"
    tmp.write_bytes(b"%PDF" + b"\0" * (10 * 2**20))
    try:
        with Progress(transient=True) as bar:
            recv = await bench_receive(api, bot, updates, bar)
            send1 = await bench_send(bot, sends, 1, bar)
            send8 = await bench_send(bot, sends, 8, bar)
        long_text = "\n\n".join("Абзац про отзывы. " * 40 for _ in range(30))  # ~21k chars
        started = time.perf_counter()
        parts = await bot.send(message(-1, long_text))
        split_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        await bot.send(message(-2, "", tmp))
        doc_s = time.perf_counter() - started
        big = "Предложение. " * 80_000  # ~1 MB
        started = time.perf_counter()
        pieces = split_text(big)
        split_1mb = (time.perf_counter() - started) * 1000
    finally:
        await bot.close()
        await api.stop()
        tmp.unlink(missing_ok=True)
    print(f"receive + acknowledge  {updates} updates: {recv:,.0f} updates/s")
    print(f"send text, 1 at a time {sends} messages: {send1:,.0f} msg/s")
    print(f"send text, 8 at a time {sends} messages: {send8:,.0f} msg/s")
    print(f"send a {len(long_text):,}-char text ({len(split_text(long_text))} parts): "
          f"{split_ms:.0f} ms ({parts.message_id})")
    print(f"send a 10 MB document (multipart attach://): {doc_s:.2f} s")
    print(f"split_text of 1 MB: {split_1mb:.0f} ms, {len(pieces)} pieces")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--sends", type=int, default=500)
    args = parser.parse_args()
    asyncio.run(main(args.updates, args.sends))
