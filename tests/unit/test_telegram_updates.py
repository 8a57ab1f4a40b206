"""Raw Bot API updates to IncomingMessage, commands, and the offset that may be confirmed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sales_agent.channels.telegram_bot import parse_chat_id
from sales_agent.channels.telegram_bot.updates import (
    OffsetTracker,
    SkippedUpdate,
    command_of,
    parse_update,
)
from sales_agent.errors import PermanentChannelError

USER = {"id": 42, "is_bot": False, "first_name": "Ольга", "username": "Olga_VV"}


def update(**message) -> dict:
    chat = {"id": 42, "type": "private", "first_name": "Ольга"}
    return {"update_id": 7, "message": {"message_id": 3, "date": 1764000000, "chat": chat,
                                        "from": USER, **message}}


@pytest.mark.parametrize("text,command", [
    ("/start abc_123", "/start abc_123"), ("/start", "/start"), ("/start@napoleon_bot", "/start"),
    ("/start@napoleon_bot tok", "/start tok"), ("/stop", "/stop"), ("/STOP", "/stop"),
    ("/help", None), ("start", None), ("", None),
])
def test_commands(text, command):
    assert command_of(text) == command


def test_text_message_fields():
    update_id, msg = parse_update(update(text="Привет"))
    assert update_id == 7 and (msg.key, msg.sender, msg.chat_id) == ("tg:42:3", "tg:42", 42)
    assert msg.headers["username"] == "@olga_vv" and msg.at.tzinfo is not None


def test_video_note_and_animation_kinds():
    media = {"file_id": "f", "file_unique_id": "u", "duration": 1}
    _, note = parse_update(update(video_note={**media, "length": 240}))
    _, gif = parse_update(update(animation={**media, "width": 1, "height": 1},
                                 document={"file_id": "f", "file_unique_id": "u"}))
    assert (note.kind, note.attachments, note.text) == ("video_note", ("video_note_u.mp4",), "")
    assert (gif.kind, gif.attachments) == ("animation", ("animation_u.mp4",))


def test_location_has_no_attachment():
    _, msg = parse_update(update(location={"latitude": 55.7, "longitude": 37.6}))
    assert (msg.kind, msg.text, msg.attachments) == ("location", "", ())


def test_group_and_edited_updates_are_skipped():
    group = update(text="hi")
    group["message"]["chat"] = {"id": -5, "type": "group", "title": "g"}
    with pytest.raises(SkippedUpdate):
        parse_update(group)
    with pytest.raises(SkippedUpdate):
        parse_update({"update_id": 8, "edited_message": update(text="x")["message"]})


def test_malformed_update_raises_validation_error():
    with pytest.raises(ValidationError):
        parse_update({"update_id": 9, "message": {"message_id": "x", "chat": "nope"}})


def test_offset_never_passes_an_unstored_update():
    t = OffsetTracker()
    assert t.offset is None
    for u in (10, 11, 12):
        t.seen(u)
    t.done(11), t.done(12)
    assert t.offset == 10 and t.is_done(11) and not t.is_done(10)
    t.done(10)
    assert t.offset == 13 and t.is_done(10)


@pytest.mark.parametrize("to,chat", [("123", 123), ("tg:123", 123), (" -100500 ", -100500)])
def test_chat_ids(to, chat):
    assert parse_chat_id(to) == chat


def test_handle_is_not_a_chat_id():
    with pytest.raises(PermanentChannelError):
        parse_chat_id("@olga_vv")
