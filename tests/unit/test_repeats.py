"""No loops: a near repeat of a sent text is caught; a text with a new date or figure is not."""

from __future__ import annotations

from sales_agent.workers.repeats import repeats

THURSDAY = ("Добрый день, Ольга!\n\nПодтверждаю демонстрацию в четверг, 26 ноября, в 15:00 "
            "по московскому времени. Приглашение во вложении.\n\n-- \nАнна")


def test_the_same_promise_twice_is_a_repeat() -> None:
    assert repeats(THURSDAY.replace("Ольга", "Ольга Петровна"), [THURSDAY])


def test_a_moved_demo_is_not_a_repeat() -> None:
    # bug: the confirmation of a demo moved to Friday was blocked as a loop (and handed off)
    friday = THURSDAY.replace("четверг, 26", "пятницу, 27")
    assert not repeats(friday, [THURSDAY])


def test_short_texts_may_recur() -> None:
    assert not repeats("Спасибо!", ["Спасибо!"])
