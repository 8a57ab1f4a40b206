"""near_duplicates finds copies that differ by case, punctuation or a word, and nothing else."""

from __future__ import annotations

import random

import pytest

from sales_agent.brain.corpus_check import jaccard, near_duplicates, normalise, shingles

TRAIN = [
    "Добрый день! Пришлите, пожалуйста, презентацию вашего сервиса, посмотрим с коллегами.",
    "We already use another review tool and are happy with it, thanks for reaching out.",
    "Напишите после праздников, сейчас горячий сезон и совсем нет времени на новые проекты.",
]


def test_normalise_drops_case_punctuation_and_yo() -> None:
    assert normalise("  Ещё РАЗ:  «нет»!!\n\nСпасибо… ") == "еще раз нет спасибо"


def test_case_and_punctuation_changes_are_duplicates() -> None:
    holdout = ["добрый день пришлите пожалуйста презентацию вашего сервиса посмотрим с коллегами"]
    found = near_duplicates(TRAIN, holdout, 0.85)
    assert [(d.holdout_index, d.train_index) for d in found] == [(0, 0)]
    assert found[0].similarity == pytest.approx(1.0)


def test_one_changed_word_in_a_long_text_is_a_duplicate() -> None:
    holdout = ["We already use another review tool and are very happy with it, "
               "thanks for reaching out!"]
    found = near_duplicates(TRAIN, holdout, 0.85)
    assert [(d.holdout_index, d.train_index) for d in found] == [(0, 1)]
    assert 0.85 <= found[0].similarity < 1.0


def test_a_reply_with_the_same_meaning_in_other_words_is_not_a_duplicate() -> None:
    holdout = [
        "Здравствуйте, скиньте, если не сложно, материалы о продукте — покажу партнёру.",
        "Sorry, we have a tool for reviews already and it does the job for us.",
    ]
    assert near_duplicates(TRAIN, holdout, 0.85) == []


def test_short_replies_are_exempt_but_long_ones_are_checked() -> None:
    train = ["Нет.", "Не интересно, спасибо"]
    assert near_duplicates(train, ["нет", "не интересно спасибо!"], 0.85) == []
    assert len(near_duplicates(train, ["не интересно спасибо!"], 0.85, min_chars=5)) == 1


def test_each_holdout_text_is_reported_once_with_its_closest_training_text() -> None:
    train = [TRAIN[2] + " Спасибо.", TRAIN[2]]
    found = near_duplicates(train, [TRAIN[2]], 0.85)
    assert [(d.holdout_index, d.train_index) for d in found] == [(0, 1)]


def test_bad_threshold_is_refused() -> None:
    with pytest.raises(ValueError):
        near_duplicates(TRAIN, TRAIN, 0)


def test_prefix_filter_finds_exactly_what_comparing_every_pair_finds() -> None:
    rng = random.Random(7)
    words = ["нет", "да", "отзывы", "кофе", "пекарня", "демо", "позже", "sure", "deck", "call"]
    base = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 14))) for _ in range(60)]
    # Held-out texts: copies of training texts with 0–3 words changed, plus fresh texts.
    holdout = []
    for text in base[:40]:
        tokens = text.split()
        for _ in range(rng.randint(0, 3)):
            tokens[rng.randrange(len(tokens))] = rng.choice(words)
        holdout.append(" ".join(tokens))
    holdout += [" ".join(rng.choice(words) for _ in range(8)) for _ in range(20)]
    for threshold in (0.6, 0.85):
        expected = set()
        for h, text in enumerate(holdout):
            if len(normalise(text)) < 24:
                continue
            scores = [jaccard(shingles(text), shingles(t)) for t in base]
            if max(scores) >= threshold:
                expected.add((h, max(scores)))
        got = {(d.holdout_index, d.similarity) for d in near_duplicates(base, holdout, threshold)}
        assert got == expected
        assert expected  # the random corpus must contain duplicates, or the test proves nothing
