"""The brain's training corpus (data/brain/train.jsonl) keeps the labelling guide's schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import SHARED

BRAIN = Path(__file__).resolve().parents[2] / "data" / "brain"
TRAIN = BRAIN / "train.jsonl"
INTENTS = {"stop", "presentation", "demo", "redirect", "later", "question", "interested",
           "auto_reply", "other"}
TAGS = {"objection", "complaint", "where_from", "erase", "booking", "reschedule", "cancel",
        "injection", "job_seeker", "phishing"}
REQUIRED = {"id", "text", "date", "channel", "intents", "contact", "until", "lang"}
OPTIONAL = {"subject", "tags", "core"}
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
HANDLE = re.compile(r"^@[a-z0-9_]{4,32}$")
OUR_DOMAINS = ("napoleon-it.ru", "napoleonit.com")
MIN_PER_INTENT = 150
MIN_ITEMS = 3200


@pytest.fixture(scope="module")
def items() -> list[dict]:
    lines = TRAIN.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_enough_items_with_unique_ids_and_texts(items: list[dict]) -> None:
    assert len(items) >= MIN_ITEMS
    assert len({i["id"] for i in items}) == len(items)
    texts = Counter(" ".join(i["text"].lower().split()) for i in items)
    assert [t for t, n in texts.items() if n > 1] == []


def test_fields_and_values(items: list[dict]) -> None:
    for item in items:
        keys = set(item)
        assert REQUIRED <= keys <= REQUIRED | OPTIONAL, item["id"]
        assert item["text"].strip(), item["id"]
        assert item["channel"] in {"email", "telegram"}, item["id"]
        assert item["lang"] in {"ru", "en"}, item["id"]
        assert 1 <= len(item["intents"]) <= 2 and set(item["intents"]) <= INTENTS, item["id"]
        assert set(item.get("tags", [])) <= TAGS, item["id"]
        written = datetime.fromisoformat(item["date"])
        assert written.tzinfo is not None, item["id"]
        assert date(2026, 11, 1) <= written.date() <= date(2027, 2, 28), item["id"]


def test_copies_of_one_core_reply_share_its_language_and_tags(items: list[dict]) -> None:
    """`core` groups the wrapped copies of one hand-written reply (training's grouped folds)."""
    seen: dict[str, tuple] = {}
    for item in items:
        assert re.fullmatch(r"[0-9a-f]{12}", item["core"]), item["id"]
        mine = (item["lang"], tuple(item.get("tags", [])))
        assert seen.setdefault(item["core"], mine) == mine, item["id"]
    assert len(seen) < len(items)  # most cores come in more than one dress


def test_until_is_an_ordered_pair_after_the_reply(items: list[dict]) -> None:
    for item in items:
        until = item["until"]
        if until is None:
            continue
        assert set(item["intents"]) & {"later", "auto_reply", "redirect"}, item["id"]
        lo, hi = (date.fromisoformat(d) for d in until)
        written = datetime.fromisoformat(item["date"]).date()
        assert written <= lo <= hi, item["id"]
        assert (hi - lo).days <= 31 and (lo - written).days <= 200, item["id"]


def test_contact_is_a_colleague_named_in_the_text(items: list[dict]) -> None:
    for item in items:
        contact = item["contact"]
        if contact is None:
            continue
        assert set(item["intents"]) & {"redirect", "auto_reply"}, item["id"]
        assert EMAIL.match(contact) or HANDLE.match(contact), (item["id"], contact)
        assert not contact.endswith(OUR_DOMAINS), item["id"]
        assert contact in item["text"].lower(), item["id"]


def test_language_share_and_minimum_per_intent(items: list[dict]) -> None:
    ru_share = sum(i["lang"] == "ru" for i in items) / len(items)
    assert 0.65 <= ru_share <= 0.75
    per_intent = Counter(intent for i in items for intent in i["intents"])
    assert {k: n for k, n in per_intent.items() if n < MIN_PER_INTENT} == {}
    assert set(per_intent) == INTENTS


def test_no_shared_sample_is_copied_into_training(items: list[dict]) -> None:
    """The shared samples are a check on the classifier, so training must not contain them."""
    samples = SHARED / "samples" / "intents.jsonl"
    if not samples.exists():
        pytest.skip("shared samples are not available here")
    norm = lambda text: " ".join(re.findall(r"\w+", text.lower()))  # noqa: E731
    shared = {norm(json.loads(line)["text"]) for line in samples.read_text("utf-8").splitlines()
              if line.strip()}
    assert [i["id"] for i in items if norm(i["text"]) in shared] == []


def test_file_is_what_the_build_script_writes() -> None:
    done = subprocess.run([sys.executable, str(BRAIN / "build_train.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _until(item: dict) -> tuple[date, date]:
    lo, hi = item["until"]
    return date.fromisoformat(lo), date.fromisoformat(hi)


def test_date_phrases_resolve_as_the_labelling_guide_says(items: list[dict]) -> None:
    """Spot rules from data/brain/LABELS.md hold for every item that uses the phrase."""
    seen = Counter()
    for item in items:
        if item["until"] is None or "later" not in item["intents"]:
            continue
        text, written = item["text"].lower(), datetime.fromisoformat(item["date"]).date()
        if re.search(r"(?<!мае )после праздников", text):  # «в мае после праздников» is May
            seen["holidays"] += 1
            assert _until(item) == (date(2027, 1, 9), date(2027, 1, 13)), item["id"]
        if re.search(r"через (две[-–]три|2-3) недел|недели через две[-–]три", text):
            seen["weeks"] += 1
            lo, hi = _until(item)
            assert ((lo - written).days, (hi - written).days) == (14, 21), item["id"]
        if re.search(r"(до|ближе к|под) конц[уа] года|до нового года|before the end of the year",
                     text):
            seen["year_end"] += 1
            assert _until(item) == (date(2026, 12, 20), date(2026, 12, 31)), item["id"]
        if "after thanksgiving" in text:
            seen["thanksgiving"] += 1
            assert _until(item)[0] >= date(2026, 11, 27), item["id"]
    assert min(seen[k] for k in ("holidays", "weeks", "year_end", "thanksgiving")) >= 3, seen
