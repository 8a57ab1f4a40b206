"""The few things that are certain without a model.

- an explicit stop command («отпишите», «больше не пишите», "unsubscribe", "stop emailing me")
  or a threat to complain («пожалуюсь», "I'll report you"):
  a stop anywhere in the reply wins — inside a long letter, a mixed ask or a prompt injection;
- no words we can read (emoji, binary junk, another script, an empty reply, a megabyte dump):
  nothing to act on.
Auto-reply headers live in headers.py, addresses in contacts.py, dates in dates.py.
"""

from __future__ import annotations

import re

_STOP_COMMAND = re.compile(
    r"\bотпиш(ите|и)\b|(хочу|хотим|прошу|просим|дайте)\s+отписаться|(прошу|просим)\s+отписать|"
    r"\b(больше|более)\s+(мне\s+|нам\s+|сюда\s+|на\s+(этот|мой|наш)\s+\S+\s+)?"
    r"(не\s+)(пишите|писать|присылайте|присылать|звоните|беспокойте|шлите|слать|пиши|"
    r"присылай|звони|беспокой|шли)\b|"
    r"\bне\s+(пишите|присылайте|шлите|беспокойте|пиши|присылай|шли|беспокой)\s+"
    r"(мне\s+|нам\s+|сюда\s+)?"
    r"(больше|более|никогда|никогда\s+больше)\b|"
    r"\bникогда\s+(больше\s+)?(мне\s+|нам\s+)?не\s+(пишите|звоните|присылайте)\b|"
    r"\b(удалите|исключите|уберите)\s+(меня|нас|мой\s+(адрес|email|e-mail|почту|контакт|номер)|"
    r"мои\s+(данные|контакты)|наш\s+(адрес|email|контакт))\b|"
    r"\bпрекратите\s+(рассылку|писать|слать|присылать|спамить|мне\s+писать)\b|"
    r"\bne\s+pishite\s+(mne\s+|nam\s+)?bolshe\b|\botpishite\b|"
    r"\bunsubscribe\s+(me|us)\b|(please|pls|want\s+to|wish\s+to|like\s+to|need\s+to)\s+"
    r"unsubscribe\b|\bopt\s+me\s+out\b|"
    r"\bstop\s+(e-?mailing|writing|sending|contacting|messaging|spamming)\b|"
    r"\b(don'?t|do\s+not|never)\s+(ever\s+)?(e-?mail|write|contact|message|text)\s+"
    r"(to\s+)?(me|us)\s+(here\s+|on\s+\S+\s+|at\s+this\s+\S+\s+)?"
    r"(again|anymore|any\s+more|ever)\b|"
    r"\bnever\s+(write|email|contact)\s+(me\s+|us\s+)?again\b|"
    r"\b(remove|delete|take)\s+(me|us|my\s+(address|email|data|details))\s+"
    r"(from|off)\b|\berase\s+my\s+(data|details|address)\b|"
    # A threat to complain is a refusal as certain as «не пишите»
    # (data/brain/LABELS.md: complaints → stop).
    r"\bпожалуюсь\b|\b(подам|напишу|направлю)\s+жалобу\b|"
    r"\bобращусь\s+в\s+(роскомнадзор|ркн|фас|полицию|прокуратуру)\b|"
    r"\b(отмечу|помечу|отправлю)\s+(вас\s+|это\s+)?(как|в)\s+спам\b|"
    r"\b(i\s*'?ll|i\s+will|we\s*'?ll|we\s+will|i\s*'?m\s+going\s+to)\s+(report|flag)\s+"
    r"(you|this|your)\b|\breporting\s+(you|this)\b|\bfile\s+a\s+complaint\b|"
    r"\bmark(ing)?\s+(this|you|it)\s+as\s+spam\b",
    re.I)
# "Не пишите больше письма, лучше позвоните": the refusal is of one channel, not of us.
_CONTRAST = re.compile(r"^[^.!?\n]{0,30}?\b(лучше|а\s+лучше|зато|instead|rather|"
                       r"(но|а|but)\s+(позвоните|звоните|call|пишите\s+в|напишите\s+в))\b")
# «Сюда больше не пишите, презентацию на мою личную почту …»: a stop aimed at one place (this
# address, work mail, Telegram) while the reply names another address or channel moves the lead,
# it does not lose them.
_SCOPE = re.compile(
    r"\b(из\s+(копии|переписки|цепочки|этой\s+переписки)|(from|off)\s+(this\s+|the\s+)?"
    r"(thread|cc|chain|loop|conversation)|at\s+work|на\s+работ\w*|сюда|здесь|тут|на\s+(эт\w+|мо\w+|наш\w+|рабоч\w+|общ\w+|корпоративн\w+)\s+"
    r"(\w+\s+)?(почт\w*|адрес\w*|ящик\w*|e-?mail|номер\w*|телефон\w*|аккаунт\w*)|"
    r"в\s+(телеграм\w*|тг|telegram|whatsapp|ватсап\w*|вотсап\w*|личк\w*|мессенджер\w*)|"
    r"на\s+почту|по\s+почте|письм\w+|here|this\s+(address|e-?mail|inbox|account|number|chat)|"
    r"on\s+(telegram|whatsapp)|(my|our)\s+work\s+(address|e-?mail|inbox))\b", re.I)
# «ни в телеграм, ни на почту», «и на почту тоже не пишите», "not by email either": every channel
# refused. Narrow on purpose: a wrong match here turns a channel switch into a lost lead.
_BOTH = re.compile(r"\bни\s+(в|на|по|сюда|туда)\b|\b(neither|nor)\b|\bтоже\s+не\b|"
                   r"\bне\s+\w+\s+тоже\b|\b(и|and)\s+(на|в|to|on)\s+\S+(\s+\S+)?\s+тоже\b|"
                   r"\bnot\s+(\S+\s+){0,4}either\b", re.I)
_ELSEWHERE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\w)@\w{4,}|t\.me/\w+|"
    r"\b((на|в)\s+(мою\s+|мой\s+|личн\w+\s+|друг\w+\s+)?(почту|e-?mail|телеграм\w*|тг|"
    r"telegram|whatsapp|ватсап\w*|вотсап\w*|личк\w*|мессенджер\w*)|личн\w+\s+(почт\w*|адрес\w*)|"
    r"(to|at|on)\s+my\s+(personal|private|other|own)|"
    r"personal\s+(address|e-?mail)|by\s+e-?mail|via\s+e-?mail|on\s+(telegram|whatsapp)|"
    r"text\s+me|instead)\b", re.I)
# "Do not contact me again until after the holidays", «не пишите больше до весны»: a date to
# come back, not a refusal — the model reads it (later, or a human when unsure).
_NOT_UNTIL = re.compile(r"^\W{0,3}(\w+\W{1,3}){0,3}?(until|till|до(?!\s+(свидания|встречи|связи))|"
                        r"раньше|пока\s+не|after|после)\b")
_LONE_STOP = re.compile(r"^\W*(stop|стоп|отписка|отписаться|unsubscribe)\W*$", re.I)
_LETTERS = re.compile(r"[a-zа-яё]{2,}", re.I)
_READABLE = re.compile(r"[a-zа-яё0-9.,!?:;\-—–()«»\"'@/+%]", re.I)
HUGE = 200_000  # characters: no person writes this much; a dump or an attack, not a reply


def read_stop(text: str) -> tuple[str | None, str | None]:
    """(the words of an explicit stop command, the words of a channel switch) in the lead's own
    text, in one pass. A switch is a stop command that refuses one channel or address while the
    reply names another («больше не пишите на почту, лучше в телеграм»): no stop command then.
    Nor is one followed by a contrast («…, лучше позвоните») or a date to come back."""
    low = text.lower().replace("ё", "е")
    m = _STOP_COMMAND.search(low)
    switch = m.group(0).strip() if m and _moves_channel(low, m) else None
    after = low[m.end():] if m else ""
    if m and (switch or _CONTRAST.search(after) or _NOT_UNTIL.search(after)):
        m = None
    m = m or _LONE_STOP.match(low)
    if m is None:
        for line in low.splitlines():  # "STOP." on a line of its own, among other lines
            m = _LONE_STOP.match(line)
            if m:
                break
    return (m.group(0).strip() if m else None), switch


def _moves_channel(low: str, m: re.Match[str]) -> bool:
    """The other address must be in the command's own paragraph: the lead's signature below it
    is not an offer. A call asked for instead («не пишите, лучше позвоните») is no switch: the
    model reads it as a demo."""
    start = low.rfind("\n\n", 0, m.start()) + 1
    end = low.find("\n\n", m.end())
    paragraph = low[start:end if end >= 0 else len(low)]
    if _BOTH.search(paragraph):
        return False
    scope = _SCOPE.search(low, max(start, m.start() - 40), min(len(low), m.end() + 30))
    if scope:
        rest = paragraph[:scope.start() - start] + " | " + paragraph[scope.end() - start:]
    elif _CONTRAST.search(low[m.end():]):
        rest = paragraph
    else:
        return False
    return _ELSEWHERE.search(rest) is not None


def stop_command(text: str) -> str | None:
    """The words of an explicit stop command in the lead's own text, or None."""
    return read_stop(text)[0]


def channel_switch(text: str) -> str | None:
    """The words of a stop command that only moves the lead to another channel, or None."""
    return read_stop(text)[1]


# «Хм.», «Эээ…», "Hmm": sounds, not words; they say neither yes nor no.
_INTERJECTION = re.compile(r"^[\W\d_]*((х+м+|м+|э+|ну|hm+|um+|uh+|er+m*|well)[\W\d_]*)+$", re.I)


# «Ну не знаю», «Посмотрим», "not sure": a whole reply that says neither yes nor no.
_NONCOMMITTAL = re.compile(
    r"^[\W\d_]*((ну|хм+|э+|well|hmm+|hm)[\W\d_]*)*(не\s+знаю|посмотрим|может\s+быть|хз|"
    r"not\s+sure|i\s+don'?t\s+know|dunno|we'?ll\s+see|maybe)[\W\d_]*$", re.I)


def unreadable(text: str) -> str | None:
    """Why the text cannot be read as a reply (no words, junk, another script), or None."""
    if not _LETTERS.search(text):
        return "no words of the lead's own to read"
    if _INTERJECTION.match(text.strip()) or _NONCOMMITTAL.match(text.strip()):
        return "only a sound of hesitation, no answer"
    visible = [ch for ch in text if not ch.isspace()]
    readable = sum(1 for ch in visible if _READABLE.match(ch))
    if readable < 0.6 * len(visible):
        return "mostly symbols or a script we do not read"
    return None
