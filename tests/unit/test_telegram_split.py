"""Splitting long texts at Telegram's 4096 limit on natural boundaries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sales_agent.channels.telegram_bot.split import split_text, utf16_len


def test_short_text_is_one_piece():
    assert split_text("  Добрый день!  ") == ["Добрый день!"]


def test_empty_text_is_no_piece():
    assert split_text("   ") == []


def test_paragraphs_are_preferred_over_sentences():
    a, b = "А" * 60 + ". " + "Б" * 30, "В" * 50
    assert split_text(f"{a}\n\n{b}", limit=100) == [a, b]


def test_sentences_are_preferred_over_words():
    text = "Первое предложение тут. Второе предложение длиннее первого и идёт дальше."
    assert split_text(text, limit=50) == ["Первое предложение тут.",
                                          "Второе предложение длиннее первого и идёт дальше."]


def test_a_word_longer_than_the_limit_is_cut_hard():
    assert split_text("x" * 250, limit=100) == ["x" * 100, "x" * 100, "x" * 50]


def test_emoji_count_twice_and_are_never_cut_in_half():
    pieces = split_text("😀" * 60, limit=100)
    assert [len(p) for p in pieces] == [50, 10] and all(utf16_len(p) <= 100 for p in pieces)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("аб cд.!\n😀")), max_size=600),
       st.integers(min_value=10, max_value=120))
def test_pieces_fit_and_keep_every_word(text, limit):
    pieces = split_text(text, limit=limit)
    assert all(0 < utf16_len(p) <= limit for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
