"""A meeting time as the lead reads it: their language, and a zone they can place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sales_agent.brain.when import moment

AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("language", "tz", "text"), [
    ("ru", "Europe/Moscow", "четверг, 3 декабря, 12:00 (МСК)"),
    ("ru", "Asia/Yekaterinburg", "четверг, 3 декабря, 14:00 (UTC+5)"),
    ("en", "Europe/Moscow", "Thursday, December 3, 12:00 (Moscow time, UTC+3)"),
    ("en", "America/New_York", "Thursday, December 3, 04:00 (New York time, UTC-5)"),
    ("en", "Asia/Kolkata", "Thursday, December 3, 14:30 (Kolkata time, UTC+5:30)"),
    ("en", "UTC", "Thursday, December 3, 09:00 (UTC)"),
])
def test_a_moment_names_a_zone_the_lead_can_place(language: str, tz: str, text: str) -> None:
    assert moment(AT, language, tz) == text
