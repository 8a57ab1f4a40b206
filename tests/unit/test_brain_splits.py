"""The brain's held-out split follows the labelling guide and shares no near-copy with training.

The held-out replies were written apart from the training ones; training never reads them
(data/brain/README_HOLDOUT.md). This test keeps both promises checkable.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from sales_agent.brain.corpus_check import near_duplicates, normalise

BRAIN = Path(__file__).resolve().parents[2] / "data" / "brain"
HOLDOUT = BRAIN / "holdout.jsonl"
TRAIN = BRAIN / "train.jsonl"
INTENTS = {"stop", "presentation", "demo", "redirect", "later", "question", "interested",
           "auto_reply", "other"}
TAGS = {"objection", "complaint", "where_from", "erase", "booking", "reschedule", "cancel",
        "injection", "job_seeker", "phishing"}
REQUIRED = {"id", "text", "date", "channel", "intents", "contact", "until", "lang"}
OPTIONAL = {"subject", "tags"}
CONTACT = re.compile(r"^(@[a-z0-9_]{3,}|[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,})$")


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def holdout() -> list[dict]:
    return _load(HOLDOUT)


def _problems(item: dict) -> list[str]:
    problems = []
    keys = set(item)
    if not keys >= REQUIRED or keys - REQUIRED - OPTIONAL:
        problems.append(f"fields {sorted(keys)}")
        return problems
    if not isinstance(item["text"], str) or not item["text"].strip():
        problems.append("empty text")
    written = datetime.fromisoformat(item["date"])
    if written.tzinfo is None or not date(2026, 11, 1) <= written.date() <= date(2027, 2, 28):
        problems.append(f"date {item['date']}")
    if item["channel"] not in {"email", "telegram"}:
        problems.append(f"channel {item['channel']}")
    intents = item["intents"]
    if not intents or len(intents) > 2 or not set(intents) <= INTENTS:
        problems.append(f"intents {intents}")
    contact = item["contact"]
    if contact is not None and (not CONTACT.match(contact) or contact not in item["text"].lower()):
        problems.append(f"contact {contact!r} not a lower-case address or handle from the text")
    until = item["until"]
    if until is not None:
        first, last = (date.fromisoformat(day) for day in until)
        if not written.date() <= first <= last or len(until) != 2:
            problems.append(f"until {until} against date {item['date']}")
    if not set(item.get("tags", [])) <= TAGS:
        problems.append(f"tags {item['tags']}")
    if item["lang"] not in {"ru", "en"}:
        problems.append(f"lang {item['lang']}")
    return problems


def test_every_item_follows_the_labelling_guide(holdout: list[dict]) -> None:
    wrong = {item.get("id"): p for item in holdout if (p := _problems(item))}
    assert wrong == {}


def test_ids_are_unique_and_no_text_repeats(holdout: list[dict]) -> None:
    assert len({item["id"] for item in holdout}) == len(holdout)
    # Emoji-only replies normalise to nothing; they are told apart by their raw text.
    repeated = Counter(normalise(item["text"]) or item["text"] for item in holdout)
    assert [text for text, n in repeated.items() if n > 1] == []


def test_size_languages_and_intents_cover_the_issue(holdout: list[dict]) -> None:
    assert len(holdout) >= 600
    russian = sum(item["lang"] == "ru" for item in holdout) / len(holdout)
    assert 0.6 <= russian <= 0.8
    per_intent = Counter(intent for item in holdout for intent in item["intents"])
    assert {intent: n for intent, n in per_intent.items() if n < 40} == {}
    assert set(per_intent) == INTENTS


def test_slots_appear_only_where_the_guide_puts_them(holdout: list[dict]) -> None:
    # A contact is a colleague (redirect) or a deputy (auto_reply); a date is when to write again.
    with_contact = {i for item in holdout if item["contact"] for i in item["intents"]}
    with_until = {i for item in holdout if item["until"] for i in item["intents"]}
    assert with_contact <= {"redirect", "auto_reply"}
    assert with_until <= {"redirect", "auto_reply", "later"}


def test_no_held_out_reply_is_a_near_copy_of_a_training_reply(holdout: list[dict]) -> None:
    if not TRAIN.exists():
        pytest.skip(f"{TRAIN.name} is not in this checkout: no training split to compare with")
    train_texts = [item["text"] for item in _load(TRAIN)]
    holdout_texts = [item["text"] for item in holdout]
    copies = [
        (holdout[d.holdout_index]["id"], round(d.similarity, 3),
         holdout_texts[d.holdout_index][:80], train_texts[d.train_index][:80])
        for d in near_duplicates(train_texts, holdout_texts, 0.85)
    ]
    assert copies == []
