"""Slots as `classify` fills them, form by form: the colleague's address and the date to write
again, RU and EN, scored the way bench/brain.py scores them (a date is right inside the
[earliest, latest] a careful labeller accepts, data/brain/README.md and gen/when_*.py, gen/ooo.py).

A development set of its own: every case was written here for a form issue 12 lists, none taken
from the held-out split. The model is not involved: the intent is given, and the slots are read
on the same path `classify` takes (engine._slotted), so a redirect's or an out-of-office's rules
apply exactly as they do there.

Out of office: the stated day X (last day away or the day back) → [X, next working day after X].
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sales_agent.brain.classifier.engine import _slotted
from sales_agent.brain.classifier.result import Classification
from sales_agent.brain.classifier.text import own_text
from sales_agent.domain.intent import Intent

MSK = timezone(timedelta(hours=3))
EST = timezone(timedelta(hours=-5))
PST = timezone(timedelta(hours=-8))
WED = datetime(2026, 11, 18, 11, 30, tzinfo=MSK)  # Wednesday 18 November 2026
MON_DEC = datetime(2026, 12, 7, 10, 0, tzinfo=MSK)  # Monday 7 December 2026
FRI_JAN = datetime(2027, 1, 15, 16, 0, tzinfo=MSK)  # Friday 15 January 2027
XMAS = datetime(2026, 12, 25, 10, 0, tzinfo=MSK)  # Friday 25 December 2026
EN_WED = datetime(2026, 11, 18, 10, 0, tzinfo=EST)  # Wednesday morning in New York
EN_WED_EVE = datetime(2026, 11, 18, 21, 30, tzinfo=EST)  # already Thursday in Moscow
EN_SUN_EVE = datetime(2026, 11, 22, 19, 0, tzinfo=PST)  # Sunday evening in California
EN_DEC = datetime(2026, 12, 10, 10, 0, tzinfo=EST)  # Thursday 10 December in New York
D = date

LATER, OOO, REDIRECT = Intent.LATER, Intent.AUTO_REPLY, Intent.REDIRECT


def _d(month: int, day: int) -> date:
    return D(2026 if month >= 11 else 2027, month, day)


# (intent, text, message date, [earliest, latest] or None)
DATES = [
    # numeric, RU day-first; US month/day in English
    (LATER, "Напишите мне 01.12, пожалуйста.", WED, (_d(12, 1), _d(12, 1))),
    (LATER, "Давайте вернёмся к разговору 1.12.2026", WED, (_d(12, 1), _d(12, 1))),
    (LATER, "Свяжитесь после 05.12, раньше не успеем.", WED, (_d(12, 5), _d(12, 11))),
    (LATER, "Не раньше 10.12, сейчас инвентаризация.", WED, (_d(12, 10), _d(12, 16))),
    (LATER, "Напомните о себе 15.01.27", WED, (_d(1, 15), _d(1, 15))),
    (LATER, "напишите 3.02, вернёмся к теме", WED, (_d(2, 3), _d(2, 3))),
    (LATER, "Please follow up on 12/14.", EN_WED, (_d(12, 14), _d(12, 14))),
    (LATER, "Ping me around 12/3 and we'll see.", EN_WED, (_d(12, 1), _d(12, 5))),
    (LATER, "Let's talk after 12/10, we're in the middle of a launch.", EN_WED,
     (_d(12, 10), _d(12, 16))),
    (LATER, "Reach out again 1/12/2027 please.", EN_WED, (_d(1, 12), _d(1, 12))),
    (LATER, "Circle back 2027-01-20, budget is set by then.", EN_WED, (_d(1, 20), _d(1, 20))),
    # a weekday with a date: the date wins, even a wrong weekday
    (LATER, "Давайте в пятницу, 27 ноября.", WED, (_d(11, 27), _d(11, 27))),
    (LATER, "Можно в четверг 03.12?", WED, (_d(12, 3), _d(12, 3))),
    (LATER, "Удобно 4 декабря (пт).", WED, (_d(12, 4), _d(12, 4))),
    (LATER, "давайте в пн 7.12", WED, (_d(12, 7), _d(12, 7))),
    (LATER, "Понедельник, 30 ноября — наберите меня.", WED, (_d(11, 30), _d(11, 30))),
    (LATER, "Давайте в среду, 26 ноября.", WED, (_d(11, 26), _d(11, 26))),
    (LATER, "How about Monday 12/7?", EN_WED, (_d(12, 7), _d(12, 7))),
    (LATER, "Let's reconnect on Tuesday, December 1st.", EN_WED, (_d(12, 1), _d(12, 1))),
    (LATER, "Fri Dec 4 would work for a quick check-in.", EN_WED, (_d(12, 4), _d(12, 4))),
    (LATER, "Write again on Thursday the 10th.", EN_WED, (_d(12, 10), _d(12, 10))),
    (LATER, "Let's do Wednesday, December 3.", EN_WED, (_d(12, 3), _d(12, 3))),
    # weekdays relative to weeks
    (LATER, "Напишите в четверг на следующей неделе.", WED, (_d(11, 26), _d(11, 26))),
    (LATER, "Давайте в среду следующей недели", WED, (_d(11, 25), _d(11, 25))),
    (LATER, "На следующей неделе во вторник наберите.", WED, (_d(11, 24), _d(11, 24))),
    (LATER, "Напишите в понедельник, сейчас завал.", WED, (_d(11, 23), _d(11, 23))),
    (LATER, "Can you ping me next Tuesday?", EN_WED, (_d(11, 24), _d(11, 24))),
    (LATER, "Thursday of next week works better.", EN_WED, (_d(11, 26), _d(11, 26))),
    (LATER, "Next week on Friday, please.", EN_WED, (_d(11, 27), _d(11, 27))),
    (LATER, "Напишите в следующий четверг.", MON_DEC, (_d(12, 10), _d(12, 17))),
    (LATER, "Check in with me early next week.", EN_WED, (_d(11, 23), _d(11, 25))),
    (LATER, "Let's reconnect the week after next.", EN_WED, (_d(11, 30), _d(12, 4))),
    (LATER, "Try me two weeks from Thursday.", EN_WED, (_d(12, 3), _d(12, 3))),
    (LATER, "В начале следующей недели напишите.", WED, (_d(11, 23), _d(11, 25))),
    (LATER, "К концу следующей недели будет ясно.", WED, (_d(11, 26), _d(11, 27))),
    # spans and ranges of spans
    (LATER, "Давайте через две-три недели.", WED, (_d(12, 2), _d(12, 9))),
    (LATER, "Недели через две-три напишите.", WED, (_d(12, 2), _d(12, 9))),
    (LATER, "Через неделю-две, не раньше.", WED, (_d(11, 25), _d(12, 2))),
    (LATER, "Через месяц-полтора вернёмся к вопросу.", WED, (_d(12, 18), _d(1, 2))),
    (LATER, "Дней через 10-14 напишите.", WED, (_d(11, 28), _d(12, 2))),
    (LATER, "Через 2-3 недели будет понятнее.", FRI_JAN, (_d(1, 29), _d(2, 5))),
    (LATER, "Через пару месяцев напомните.", WED, (_d(1, 12), _d(1, 22))),
    (LATER, "Месяца через два напишите, пожалуйста.", WED, (_d(1, 12), _d(1, 22))),
    (LATER, "Через полгода, сейчас не до этого.", WED, (_d(5, 15), _d(5, 25))),
    (LATER, "Напишите через 10 дней.", WED, (_d(11, 28), _d(11, 28))),
    (LATER, "Через недельку напишите.", WED, (_d(11, 25), _d(11, 26))),
    (LATER, "Через три недели.", WED, (_d(12, 9), _d(12, 10))),
    (LATER, "Напишите через пару недель.", WED, (_d(12, 1), _d(12, 4))),
    (LATER, "Let's revisit in 2-3 weeks.", EN_WED, (_d(12, 2), _d(12, 9))),
    (LATER, "Circle back in a couple of weeks?", EN_WED, (_d(12, 1), _d(12, 4))),
    (LATER, "Give us 4-6 weeks to settle in.", EN_WED, (_d(12, 16), _d(12, 30))),
    (LATER, "Maybe in a month or two.", EN_WED, (_d(12, 18), _d(1, 17))),
    (LATER, "Try again in six months.", EN_WED, (_d(5, 15), _d(5, 25))),
    (LATER, "Follow up in 5 days.", EN_WED, (_d(11, 23), _d(11, 23))),
    (LATER, "Could you follow up in a week or so?", EN_WED, (_d(11, 25), _d(11, 28))),
    (LATER, "Please reach out in two weeks.", EN_WED, (_d(12, 2), _d(12, 3))),
    # a day of the month
    (LATER, "После 20-го напишите.", WED, (_d(11, 20), _d(11, 26))),
    (LATER, "Давайте после 25 числа.", WED, (_d(11, 25), _d(12, 1))),
    (LATER, "После 10-го будет время.", MON_DEC, (_d(12, 10), _d(12, 16))),
    (LATER, "Reach out after the 15th.", EN_WED, (_d(12, 15), _d(12, 21))),
    (LATER, "After the 20th works.", EN_WED, (_d(11, 20), _d(11, 26))),
    (LATER, "Try me after the 1st.", EN_WED, (_d(12, 1), _d(12, 7))),
    (LATER, "Напишите после 15 декабря.", WED, (_d(12, 15), _d(12, 21))),
    (LATER, "Давайте ближе к 20 декабря.", WED, (_d(12, 17), _d(12, 23))),
    (LATER, "В районе 10 декабря напомните.", WED, (_d(12, 7), _d(12, 13))),
    (LATER, "Sometime after December 10 would be better.", EN_WED, (_d(12, 10), _d(12, 16))),
    (LATER, "Let's talk after our board meeting on the 15th.", EN_WED, (_d(12, 15), _d(12, 22))),
    (LATER, "Напишите после совета директоров 15-го числа.", WED, (_d(12, 15), _d(12, 22))),
    (LATER, "After our budget review on Dec 9 I'll know more.", EN_WED, (_d(12, 9), _d(12, 15))),
    # quarters
    (LATER, "В начале следующего квартала вернёмся.", WED, (_d(1, 9), _d(1, 23))),
    (LATER, "В следующем квартале, пожалуйста.", WED, (_d(1, 9), _d(1, 23))),
    (LATER, "Напишите в новом квартале.", WED, (_d(1, 9), _d(1, 23))),
    (LATER, "Давайте в первом квартале.", WED, (_d(1, 9), _d(1, 23))),
    (LATER, "Let's pick this up next quarter.", EN_WED, (_d(1, 4), _d(1, 18))),
    (LATER, "Early Q1 is better for us.", EN_WED, (_d(1, 4), _d(1, 18))),
    (LATER, "At the beginning of Q2 we plan the budget.", FRI_JAN, (_d(4, 1), _d(4, 15))),
    (LATER, "Во втором квартале напишите.", FRI_JAN, (_d(4, 1), _d(4, 15))),
    (LATER, "Let's talk at the end of Q1.", EN_WED, (_d(3, 20), _d(3, 31))),
    (LATER, "Maybe by the end of Q1.", EN_WED, (_d(3, 20), _d(3, 31))),
    (LATER, "В конце первого квартала напишите.", WED, (_d(3, 20), _d(3, 31))),
    # holidays: the RU New Year and May breaks, 23 February, 8 March; Thanksgiving, Christmas
    (LATER, "После праздников напишите.", WED, (_d(1, 9), _d(1, 13))),
    (LATER, "после НГ давайте", WED, (_d(1, 9), _d(1, 13))),
    (LATER, "После новогодних каникул вернёмся к вопросу.", MON_DEC, (_d(1, 9), _d(1, 13))),
    (LATER, "В январе после праздников напишите.", WED, (_d(1, 9), _d(1, 13))),
    (LATER, "После каникул, пожалуйста.", MON_DEC, (_d(1, 9), _d(1, 13))),
    (LATER, "Напишите до конца года, обсудим.", WED, (_d(12, 20), _d(12, 31))),
    (LATER, "Ближе к концу года напишите.", WED, (_d(12, 20), _d(12, 31))),
    (LATER, "В конце декабря вернёмся.", WED, (_d(12, 21), _d(12, 30))),
    (LATER, "Ближе к весне напишите.", WED, (_d(2, 20), _d(3, 10))),
    (LATER, "После 23 февраля.", FRI_JAN, (_d(2, 24), _d(3, 2))),
    (LATER, "Весной вернёмся к этому.", WED, (_d(3, 1), _d(3, 20))),
    (LATER, "После 8 марта напишите.", FRI_JAN, (_d(3, 9), _d(3, 15))),
    (LATER, "После майских.", FRI_JAN, (_d(5, 11), _d(5, 17))),
    (LATER, "После майских праздников вернёмся.", WED, (_d(5, 11), _d(5, 17))),
    (LATER, "Let's talk after Thanksgiving.", EN_WED, (_d(11, 27), _d(12, 4))),
    (LATER, "Once Thanksgiving is over, ping me.", EN_WED, (_d(11, 27), _d(12, 4))),
    (LATER, "After the Thanksgiving break would be ideal.", EN_WED, (_d(11, 27), _d(12, 4))),
    (LATER, "After Christmas, please.", EN_WED, (_d(12, 28), _d(1, 8))),
    (LATER, "After the holidays works best.", EN_WED, (_d(1, 4), _d(1, 11))),
    (LATER, "Can we revisit after the holiday season?", EN_WED, (_d(1, 4), _d(1, 11))),
    (LATER, "Let's talk after the new year.", EN_WED, (_d(1, 4), _d(1, 11))),
    (LATER, "After New Year, please.", EN_WED, (_d(1, 4), _d(1, 11))),
    (LATER, "In the new year we'll have budget.", EN_WED, (_d(1, 4), _d(1, 15))),
    (LATER, "Early January is better.", EN_WED, (_d(1, 4), _d(1, 11))),
    (LATER, "Reach out before the end of the year.", EN_WED, (_d(12, 20), _d(12, 31))),
    (LATER, "Let's talk by year end.", EN_WED, (_d(12, 20), _d(12, 31))),
    (LATER, "Closer to spring, please.", EN_WED, (_d(2, 20), _d(3, 10))),
    (LATER, "Let's reconnect in the spring.", EN_WED, (_d(3, 1), _d(3, 20))),
    (LATER, "After Easter would be good.", EN_WED, (_d(3, 29), _d(4, 5))),
    (LATER, "Between Christmas and New Year works.", EN_DEC, (_d(12, 26), _d(12, 31))),
    (LATER, "After the Christmas break.", EN_DEC, (_d(1, 4), _d(1, 11))),
    (LATER, "Over the winter break we'll review, ping me after.", EN_DEC, (_d(1, 4), _d(1, 11))),
    (LATER, "Once the holidays are behind us.", EN_DEC, (_d(1, 4), _d(1, 11))),
    (LATER, "After year-end close.", EN_DEC, (_d(1, 4), _d(1, 15))),
    (LATER, "After Q4 close.", EN_DEC, (_d(1, 4), _d(1, 18))),
    (LATER, "After the break, please.", EN_DEC, (_d(1, 4), _d(1, 11))),
    (LATER, "Let's talk once Q1 wraps.", EN_DEC, (_d(4, 1), _d(4, 15))),
    (LATER, "После старого Нового года.", MON_DEC, (_d(1, 14), _d(1, 20))),
    (LATER, "После Рождества напишите.", MON_DEC, (_d(1, 9), _d(1, 13))),
    (LATER, "Перед праздниками напишите.", MON_DEC, (_d(12, 20), _d(12, 31))),
    (LATER, "После праздничных дней.", MON_DEC, (_d(1, 9), _d(1, 13))),
    (LATER, "После новогодних напишите.", MON_DEC, (_d(1, 9), _d(1, 13))),
    (LATER, "После первого квартала.", MON_DEC, (_d(4, 1), _d(4, 15))),
    # parts of a month
    (LATER, "В середине декабря напишите.", WED, (_d(12, 10), _d(12, 20))),
    (LATER, "В начале января вернёмся.", WED, (_d(1, 9), _d(1, 15))),
    (LATER, "В конце января напишите.", WED, (_d(1, 20), _d(1, 31))),
    (LATER, "Давайте в феврале.", WED, (_d(2, 1), _d(2, 10))),
    (LATER, "В следующем месяце напишите.", WED, (_d(12, 1), _d(12, 10))),
    (LATER, "Check back mid-January.", EN_WED, (_d(1, 10), _d(1, 20))),
    (LATER, "Mid January works.", EN_WED, (_d(1, 10), _d(1, 20))),
    (LATER, "Early next month is better.", EN_WED, (_d(12, 1), _d(12, 10))),
    (LATER, "Late December, maybe.", EN_WED, (_d(12, 20), _d(12, 31))),
    (LATER, "At the end of January we'll decide.", EN_WED, (_d(1, 20), _d(1, 31))),
    (LATER, "Let's talk in February.", EN_WED, (_d(2, 1), _d(2, 10))),
    (LATER, "Let's talk in January.", EN_WED, (_d(1, 4), _d(1, 11))),
    (LATER, "Try again next month.", EN_WED, (_d(12, 1), _d(12, 10))),
    (LATER, "Later this month, please.", EN_WED, (_d(11, 20), _d(11, 30))),
    (LATER, "В конце месяца напишите.", MON_DEC, (_d(12, 20), _d(12, 31))),
    (LATER, "Ближе к концу месяца.", MON_DEC, (_d(12, 20), _d(12, 31))),
    (LATER, "Вернёмся к вопросу в конце января.", WED, (_d(1, 20), _d(1, 31))),
    # a few more ways to say when
    (LATER, "Напишите через пару дней.", WED, (_d(11, 20), _d(11, 21))),
    (LATER, "Let's talk in a couple of days.", EN_WED, (_d(11, 20), _d(11, 21))),
    (LATER, "После выходных напишите.", WED, (_d(11, 23), _d(11, 24))),
    (LATER, "Let's connect after the weekend.", EN_WED, (_d(11, 23), _d(11, 24))),
    (LATER, "В середине следующего месяца вернёмся.", WED, (_d(12, 10), _d(12, 20))),
    (LATER, "Middle of next month works.", EN_WED, (_d(12, 10), _d(12, 20))),
    (LATER, "Later next month, please.", EN_WED, (_d(12, 20), _d(12, 31))),
    (LATER, "В начале 2027 года напишите.", WED, (_d(1, 9), _d(1, 23))),
    (LATER, "In early 2027 we'll have a budget.", EN_WED, (_d(1, 4), _d(1, 18))),
    (LATER, "Через недели две напишите.", WED, (_d(12, 2), _d(12, 3))),
    (LATER, "Через пару-тройку недель.", WED, (_d(12, 2), _d(12, 9))),
    (LATER, "Во втором полугодии вернёмся.", WED, (_d(7, 1), _d(7, 15))),
    (LATER, "В конце зимы напишите.", WED, (_d(2, 15), _d(2, 28))),
    (LATER, "Late spring maybe.", EN_WED, (_d(5, 20), _d(5, 31))),
    (LATER, "До конца января мы заняты.", WED, (_d(2, 1), _d(2, 8))),
    (LATER, "Until the end of January we're fully booked.", EN_WED, (_d(2, 1), _d(2, 8))),
    (LATER, "Напишите до конца января, обсудим.", WED, (_d(1, 20), _d(1, 31))),
    (LATER, "EOM works for me.", EN_WED, (_d(11, 20), _d(11, 30))),
    (LATER, "A week from today, please.", EN_WED, (_d(11, 25), _d(11, 26))),
    (LATER, "After the 1st of the year.", EN_WED, (_d(1, 4), _d(1, 11))),
    # a range of days: a reply means within it, an autoresponder after it
    (LATER, "Давайте созвонимся с 14 по 18 декабря.", WED, (_d(12, 14), _d(12, 18))),
    (LATER, "Удобно 14–18 декабря.", WED, (_d(12, 14), _d(12, 18))),
    (LATER, "Let's plan a call around Dec 10-11.", EN_WED, (_d(12, 10), _d(12, 11))),
    (LATER, "Я в отпуске с 14 по 18 декабря, напишите после.", WED, (_d(12, 18), _d(12, 21))),
    (OOO, "Отпуск 14-18 декабря.", WED, (_d(12, 18), _d(12, 21))),
    (LATER, "Reach out in ~2 weeks.", EN_WED, (_d(12, 2), _d(12, 3))),
    (LATER, "Ping me in 2wks.", EN_WED, (_d(12, 2), _d(12, 3))),
    # several dates: the one to write on
    (LATER, "Договор с подрядчиком у нас до 31 марта, напишите в феврале, обсудим.", WED,
     (_d(2, 1), _d(2, 10))),
    (LATER, "We're locked in with our vendor until March 31, reach out in February.", EN_WED,
     (_d(2, 1), _d(2, 10))),
    (LATER, "Мы на этой неделе заняты, напишите на следующей.", WED, (_d(11, 23), _d(11, 27))),
    (LATER, "В январе, после 15-го.", WED, (_d(1, 15), _d(1, 21))),
    (LATER, "Напишите в феврале-марте.", WED, (_d(2, 1), _d(2, 10))),
    (LATER, "В начале месяца напишите.", WED, (_d(12, 1), _d(12, 10))),
    (LATER, "Напишите в декабре, числа 10-го.", WED, (_d(12, 10), _d(12, 10))),
    (LATER, "Свяжитесь после 10 декабря, а лучше в январе.", WED, (_d(1, 9), _d(1, 15))),
    (LATER, "Сейчас до 30 ноября у нас инвентаризация, напишите в середине декабря.", WED,
     (_d(12, 10), _d(12, 20))),
    # a span counted from a holiday; the n-th weekday of a month; «-другую»
    (LATER, "Через неделю после праздников напишите.", WED, (_d(1, 15), _d(1, 20))),
    (LATER, "Через месяц после Нового года.", WED, (_d(2, 8), _d(2, 14))),
    (LATER, "Две недели после Нового года.", WED, (_d(1, 22), _d(1, 27))),
    (LATER, "A week after Thanksgiving works.", EN_WED, (_d(12, 3), _d(12, 8))),
    (LATER, "Two weeks after New Year.", EN_WED, (_d(1, 15), _d(1, 20))),
    (LATER, "In two weeks, after Thanksgiving.", EN_WED, (_d(11, 30), _d(12, 4))),
    (LATER, "В первый понедельник декабря.", WED, (_d(12, 7), _d(12, 7))),
    (LATER, "В последнюю пятницу ноября созвонимся.", WED, (_d(11, 27), _d(11, 27))),
    (LATER, "The first Monday of December.", EN_WED, (_d(12, 7), _d(12, 7))),
    (LATER, "The last Friday in January works.", EN_WED, (_d(1, 29), _d(1, 29))),
    (LATER, "Через недельку-другую.", WED, (_d(11, 25), _d(12, 2))),
    (LATER, "Через месяц-другой напишите.", WED, (_d(12, 18), _d(1, 17))),
    # the lead's own time zone: New York's evening is already tomorrow in Moscow
    (LATER, "Let's talk tomorrow.", EN_WED_EVE, (_d(11, 19), _d(11, 19))),
    (LATER, "Ping me in 3 days.", EN_WED_EVE, (_d(11, 21), _d(11, 21))),
    (LATER, "Thursday works, write then.", EN_WED_EVE, (_d(11, 19), _d(11, 19))),
    (LATER, "Follow up tomorrow morning.", EN_SUN_EVE, (_d(11, 23), _d(11, 23))),
    (LATER, "Reach out on Monday.", EN_SUN_EVE, (_d(11, 23), _d(11, 23))),
    # transliteration and Telegram shorthand
    (LATER, "napishite cherez nedelyu", WED, (_d(11, 25), _d(11, 26))),
    (LATER, "napishi posle prazdnikov", WED, (_d(1, 9), _d(1, 13))),
    (LATER, "v yanvare", WED, (_d(1, 9), _d(1, 15))),
    (LATER, "в янв напиши", WED, (_d(1, 9), _d(1, 15))),
    (LATER, "ну давай в дек", WED, (_d(12, 1), _d(12, 10))),
    (LATER, "ближе к нг", WED, (_d(12, 20), _d(12, 31))),
    (LATER, "через 3 нед", WED, (_d(12, 9), _d(12, 10))),
    (LATER, "через 2 мес", WED, (_d(1, 12), _d(1, 22))),
    (LATER, "на след неделе", WED, (_d(11, 23), _d(11, 27))),
    (LATER, "напиши после 15го", WED, (_d(12, 15), _d(12, 21))),
    (LATER, "пиши после праздников 🙏", WED, (_d(1, 9), _d(1, 13))),
    # a redirect's date: only when the colleague is away until then or the lead says when
    (REDIRECT, "Этим занимается Марина, marina@x.ru. Она будет на месте с 1 декабря.", WED,
     (_d(12, 1), _d(12, 2))),
    (REDIRECT, "Напишите Ивану ivan@x.ru, он вернётся из отпуска 1 декабря.", WED,
     (_d(12, 1), _d(12, 2))),
    (REDIRECT, "Контакт: petr@x.ru. Он в командировке до 25.11.", WED, (_d(11, 25), _d(11, 26))),
    (REDIRECT, "Jane handles this, jane@x.com. She's out until Dec 1.", EN_WED,
     (_d(12, 1), _d(12, 2))),
    (REDIRECT, "Talk to Jane, jane@x.com, after Thanksgiving.", EN_WED, (_d(11, 27), _d(12, 4))),
    (REDIRECT, "Напишите Ивану: ivan@x.ru. Я сам до 30 ноября в отпуске.", WED, None),
    (REDIRECT, "Антон начинает работать у нас с понедельника, его почта anton@x.ru.", WED, None),
    (REDIRECT, "Перешлю Антону (anton@x.ru), он ответит на следующей неделе.", WED, None),
    # out of office, RU
    (OOO, "Я в отпуске до 14.12. Ответ задержится.", MON_DEC, (_d(12, 14), _d(12, 15))),
    (OOO, "Буду в офисе с 12.01.", MON_DEC, (_d(1, 12), _d(1, 13))),
    (OOO, "Добрый день! Вернусь 5 января и отвечу.", MON_DEC, (_d(1, 5), _d(1, 11))),
    (OOO, "Отсутствую с 1 по 10 декабря.", WED, (_d(12, 10), _d(12, 11))),
    (OOO, "Здравствуйте! Я в отпуске до понедельника.", WED, (_d(11, 23), _d(11, 24))),
    (OOO, "Нахожусь в командировке до 4 декабря включительно.", WED, (_d(12, 4), _d(12, 7))),
    (OOO, "С 24.11 по 27.11 меня не будет в офисе.", WED, (_d(11, 27), _d(11, 30))),
    (OOO, "Отпуск 20.11–29.11, письма прочитаю позже.", WED, (_d(11, 29), _d(11, 30))),
    (OOO, "До 2026-12-03 я вне офиса.", WED, (_d(12, 3), _d(12, 4))),
    (OOO, "Вернусь в понедельник, 7 декабря.", WED, (_d(12, 7), _d(12, 8))),
    (OOO, "Буду на связи с 01.12.", WED, (_d(12, 1), _d(12, 2))),
    (OOO, "Я в отпуске до среды, 25 ноября.", WED, (_d(11, 25), _d(11, 26))),
    (OOO, "Офис не работает с 31 декабря по 10 января.", MON_DEC, (_d(1, 10), _d(1, 11))),
    (OOO, "Я в отпуске до 11 января.", MON_DEC, (_d(1, 11), _d(1, 12))),
    (OOO, "Автоответ: меня нет на месте до 30.11 включительно.", WED, (_d(11, 30), _d(12, 1))),
    (OOO, "Я на больничном, выйду 24 ноября.", WED, (_d(11, 24), _d(11, 25))),
    (OOO, "В отпуске с 16 по 27 ноября, с 30.11 снова на связи.", WED, (_d(11, 27), _d(12, 1))),
    (OOO, "Я вне офиса до 12-го января.", XMAS, (_d(1, 12), _d(1, 13))),
    (OOO, "Меня не будет до конца новогодних праздников.", XMAS, (_d(1, 9), _d(1, 13))),
    (OOO, "Я в отпуске ещё неделю, потом отвечу.", WED, (_d(11, 25), _d(11, 26))),
    (OOO, "Вернусь 11-го.", XMAS, (_d(1, 11), _d(1, 12))),
    (LATER, "Напишите после 20-го.", XMAS, (_d(1, 20), _d(1, 26))),
    (OOO, "Спасибо за письмо! Я в отпуске. Письма не пересылаются.", WED, None),
    # out of office, EN
    (OOO, "I'm out of the office until Monday, November 30.", EN_WED, (_d(11, 30), _d(12, 1))),
    (OOO, "Thanks for your email. I'm back on Monday 7th.", MON_DEC - timedelta(days=5),
     (_d(12, 7), _d(12, 8))),
    (OOO, "I'm travelling, returning Jan 5th.", EN_WED, (_d(1, 5), _d(1, 6))),
    (OOO, "I will be out until 12/10 with limited access to email.", EN_WED,
     (_d(12, 10), _d(12, 11))),
    (OOO, "Out of office Nov 23-27.", EN_WED, (_d(11, 27), _d(11, 30))),
    (OOO, "I am away from 11/20 through 11/30.", EN_WED, (_d(11, 30), _d(12, 1))),
    (OOO, "I'm out of the office November 20 until November 30.", EN_WED,
     (_d(11, 30), _d(12, 1))),
    (OOO, "I'll be back on 2026-12-01.", EN_WED, (_d(12, 1), _d(12, 2))),
    (OOO, "I am on annual leave until 14/12/2026.", EN_WED, (_d(12, 14), _d(12, 15))),
    (OOO, "I will return on Thursday, December 3rd.", EN_WED, (_d(12, 3), _d(12, 4))),
    (OOO, "OOO until Tue 12/1.", EN_WED, (_d(12, 1), _d(12, 2))),
    (OOO, "Our office is closed from December 24 to January 4.", MON_DEC, (_d(1, 4), _d(1, 5))),
    (OOO, "I'm out of the office and will be back on Monday.", EN_WED, (_d(11, 23), _d(11, 24))),
    (OOO, "I'm currently out of the office with limited access to email.", EN_WED, None),
    (OOO, "I'm out until the 4th, happy holidays!", XMAS, (_d(1, 4), _d(1, 5))),
    (OOO, "I'm out for another week.", EN_WED, (_d(11, 25), _d(11, 26))),
    # boilerplate holds no return date: disclaimers, banners, the signature
    (OOO, "Я в отпуске до 30.11.\n\nКонфиденциальность: данное сообщение и вложения "
     "предназначены исключительно для адресата. Предложение действительно до 31.12.2027.", WED,
     (_d(11, 30), _d(12, 1))),
    (OOO, "I'm out of the office until Nov 30.\n\nCONFIDENTIALITY NOTICE: This email and any "
     "attachments are confidential. Offer valid until 12/31/2027. If you received this in "
     "error, please delete it.", EN_WED, (_d(11, 30), _d(12, 1))),
    (OOO, "I'm out of the office until Nov 30.\n\nBest regards,\nJane Doe | Marketing Lead\n"
     "Join us at Expo West, March 4-7!", EN_WED, (_d(11, 30), _d(12, 1))),
    (LATER, "ВНИМАНИЕ: Это письмо получено от внешнего отправителя.\n\nДобрый день! Напишите "
     "после 10 декабря.\n\nС уважением,\nОльга\n\nОтправлено с iPhone\n\n"
     "От: Napoleon IT <sales@napoleonit.ru>\nОтправлено: 16 ноября 2026 г. 10:00\n"
     "Кому: olga@x.ru\nТема: Демо 25 ноября", WED, (_d(12, 10), _d(12, 16))),
    (LATER, "Call me next month.\n\nSent from my iPhone\n\nOn Nov 16, 2026, at 10:00 AM, "
     "Napoleon IT <sales@napoleonit.ru> wrote:\n> Demo on Dec 20?", EN_WED,
     (_d(12, 1), _d(12, 10))),
    # away for a stretch: through its end
    (OOO, "Меня не будет на следующей неделе.", WED, (_d(11, 27), _d(11, 30))),
    (OOO, "I'm out next week, back after that.", EN_WED, (_d(11, 27), _d(11, 30))),
    (OOO, "В отпуске до 25 ноя.", WED, (_d(11, 25), _d(11, 26))),
    (OOO, "Отпуск до 3 дек. включительно.", WED, (_d(12, 3), _d(12, 4))),
    (LATER, "Марина просила напомнить в марте.", WED, (_d(3, 1), _d(3, 10))),
    # office hours are a schedule, not a return date
    (OOO, "Out of office. Our office hours are Monday to Friday, 9am-5pm.", EN_WED, None),
    (OOO, "Я в отпуске. Мы работаем пн-пт с 9 до 18.", WED, None),
    (OOO, "Я в отпуске до 4 декабря. Офис работает с понедельника по пятницу.", WED,
     (_d(12, 4), _d(12, 7))),
    (OOO, "I'm out of office Thursday and Friday.", EN_WED, (_d(11, 20), _d(11, 23))),
    (OOO, "I work part-time, Mon-Wed. I will reply on my next working day.", EN_WED, None),
    (OOO, "Auto-reply: I am out until Friday, November 27th.", EN_WED, (_d(11, 27), _d(11, 30))),
    (OOO, "I'm on parental leave and will return January 11, 2027.", EN_WED,
     (_d(1, 11), _d(1, 12))),
]


# (intent, text, sender, contact); the date of every one is WED
CONTACTS = [
    (REDIRECT, "Этим занимается наш маркетолог Анна, пишите ей: anna.petrova@shop.ru",
     "lead@shop.ru", "anna.petrova@shop.ru"),
    (REDIRECT, "Напишите, пожалуйста, моему коллеге @ivan_smirnov, он решает такие вопросы.",
     None, "@ivan_smirnov"),
    (REDIRECT, "Please reach out to my colleague Jane Doe (jane.doe@acme.com), she owns "
     "marketing.\n\nBest,\nBob Smith\nHead of Sales\nbob.smith@acme.com\n+1 555 123 4567",
     "bob.smith@acme.com", "jane.doe@acme.com"),
    (REDIRECT, "Это не ко мне, обратитесь к Ольге: olga@cafe.ru\n\n--\nС уважением,\n"
     "Пётр Иванов\npetr@cafe.ru\n+7 999 123-45-67", None, "olga@cafe.ru"),
    (REDIRECT, "Перешлите Сергею, serg@roast.ru\n\n-----Original Message-----\n"
     "From: Napoleon IT <sales@napoleonit.ru>\nSent: Tuesday, November 17, 2026 10:00 AM\n"
     "To: lead@roast.ru\nSubject: Отзывы\n\nДобрый день!", "lead@roast.ru", "serg@roast.ru"),
    (REDIRECT, "это к нашему смм-щику, @petya_smm", None, "@petya_smm"),
    (REDIRECT, "пишите директору: t.me/olga_director", None, "@olga_director"),
    (REDIRECT, "Вопросы продвижения решает Кирилл (kirill.m@bakery.ru). Я только бухгалтер.\n\n"
     "Марина\nmarina@bakery.ru", "marina@bakery.ru", "kirill.m@bakery.ru"),
    (REDIRECT, "I'm not the right person. Our CMO is Dana Wu, dana@brewco.com.\n\nThanks,\n"
     "Chris\nchris@brewco.com | 555-0199", "chris@brewco.com", "dana@brewco.com"),
    (REDIRECT, "Forwarding to Sam (cc'd): sam.k@northbeans.com will take it from here.",
     "lee@northbeans.com", "sam.k@northbeans.com"),
    (REDIRECT, "Please contact our marketing team at marketing@cafe-luna.com instead.\n\n"
     "Regards,\nAnna Lind\nOwner\nanna@cafe-luna.com", "anna@cafe-luna.com",
     "marketing@cafe-luna.com"),
    (REDIRECT, "По этому вопросу — к Дмитрию, его телега @dmitry_k. Мой ящик не читается "
     "регулярно.\n\nС уважением,\nЕлена\n@elena_shop", None, "@dmitry_k"),
    # autoresponders naming a deputy, or a deputy and a generic box
    (OOO, "Я в отпуске до 14.12. По срочным вопросам обращайтесь к моему заместителю Ивану "
     "Петрову: i.petrov@firm.ru. По общим вопросам: info@firm.ru", "olga@firm.ru",
     "i.petrov@firm.ru"),
    (OOO, "I'm out of the office until December 14. For urgent matters contact "
     "john.smith@acme.com; for general enquiries info@acme.com.", "kate@acme.com",
     "john.smith@acme.com"),
    (OOO, "I'm away this week. For general questions please write to info@acme.com. For "
     "anything urgent, my colleague Sarah (sarah.lee@acme.com) is covering.", "kate@acme.com",
     "sarah.lee@acme.com"),
    (OOO, "Я в отпуске. Общие вопросы — на info@kofe.ru. Срочные — моей коллеге Елене: "
     "elena@kofe.ru", "pavel@kofe.ru", "elena@kofe.ru"),
    (OOO, "Меня нет до 30.11. В моё отсутствие пишите Андрею andrey@x-shop.ru\n\n"
     "С уважением,\nМария\nmaria@x-shop.ru", "maria@x-shop.ru", "andrey@x-shop.ru"),
    (OOO, "In my absence please contact support@acme.com or my deputy Tom at tom.b@acme.com.",
     "kate@acme.com", "tom.b@acme.com"),
    (OOO, "Out of office until 11/30. Urgent: Mark Lee, mark.lee@roasters.co. Otherwise "
     "hello@roasters.co.", "amy@roasters.co", "mark.lee@roasters.co"),
    (OOO, "Я на больничном. Замещает меня Светлана Орлова, s.orlova@clinic.ru, тел. "
     "+7 495 000-00-00.\n\n--\nНаталья Смирнова\nn.smirnova@clinic.ru", "n.smirnova@clinic.ru",
     "s.orlova@clinic.ru"),
    (OOO, "Добрый день!\nЯ в отпуске до 30.11.\nПо срочным вопросам:\nМарина Иванова\n"
     "marina@x-shop.ru\n+7 900 000 00 00\n\nС уважением,\nИрина", None, "marina@x-shop.ru"),
    (OOO, "Я в отпуске до 30.11.\nСрочно — Марина Иванова\nmarina@x-shop.ru", None,
     "marina@x-shop.ru"),
    (OOO, "I'm away until Monday.\nUrgent requests:\nPeter Novak\npeter.novak@mill.com\n\n"
     "Best,\nLinda", None, "peter.novak@mill.com"),
    (OOO, "Я в отпуске до 30.11. Срочные вопросы — Марине: марина@магазин.рф", None,
     "марина@магазин.рф"),
    (OOO, "Добрый день. Я в отпуске до 30.11. Для связи с отделом продаж: sales@x-shop.ru. "
     "Моя заместительница — Марина (marina@x-shop.ru).", None, "marina@x-shop.ru"),
    (OOO, "Меня нет на месте до 01.12. Все вопросы по закупкам — в отдел снабжения "
     "snab@shop.ru, по маркетингу — Ирине irina.v@shop.ru.", None, "irina.v@shop.ru"),
    (OOO, "I'm out until Dec 1. Purchasing questions: buyers@deli.com; marketing and "
     "partnerships: Jo Park, jo.park@deli.com.", None, "jo.park@deli.com"),
    (OOO, "I'm out on vacation and will return on 12/01. In my absence, please reach out to "
     "Kevin (kevin@x.com) for sales and Maria (maria@x.com) for marketing.", None, "maria@x.com"),
    (OOO, "I'm out until 11/30. This inbox is not monitored. Please resend your email to "
     "team@x.com.", None, "team@x.com"),
    (OOO, "Письма на адрес old@x.ru не читаются, пишите на new@x.ru", None, "new@x.ru"),
    (OOO, "Hello,\n\nThank you for your message. I am out of the office until Monday, November "
     "30th.\n\nFor urgent matters, please contact Lisa Chen at lisa.chen@beanco.com or call "
     "+1 (415) 555-0100.\n\nKind regards,\nMark Davis\nHead of Marketing | BeanCo\n"
     "mark.davis@beanco.com", None, "lisa.chen@beanco.com"),
    (OOO, "I'm out of the office with no access to email.\n\nJohn Carter\nSales Director\n"
     "john.carter@beans.com", "john.carter@beans.com", None),
    (OOO, "Я в отпуске до 20.11.\n\nС уважением,\nИрина\nirina@shop.ru\n+7 900 000-00-00",
     "irina@shop.ru", None),
]


def _read(intent: Intent, text: str, now: datetime, sender: str | None = None):
    verdict = Classification(intent, 0.95)
    return _slotted(verdict, text, own_text(text), now, sender)


@pytest.mark.parametrize(("intent", "text", "now", "window"), DATES,
                         ids=[f"{c[0].value}-{i}" for i, c in enumerate(DATES)])
def test_date_to_write_again(intent: Intent, text: str, now: datetime, window) -> None:
    until = _read(intent, text, now).until
    if window is None:
        assert until is None
    else:
        assert until is not None and window[0] <= until <= window[1], (text, until, window)


@pytest.mark.parametrize(("intent", "text", "sender", "contact"), CONTACTS,
                         ids=[f"{c[0].value}-{i}" for i, c in enumerate(CONTACTS)])
def test_colleague_address(intent: Intent, text: str, sender: str | None,
                           contact: str | None) -> None:
    assert _read(intent, text, WED, sender).contact == contact
