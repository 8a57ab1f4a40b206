"""Telegram-style rewrites: lower case, no punctuation, emoji, slang, typos, transliteration.

Tokens with digits or «@» (dates, times, addresses, handles) are never altered, so the labels
(contact, until) stay right under every transform.
"""

from __future__ import annotations

import random
import re

SLANG_RU = [
    (r"\bспасибо\b", ["спс", "спасиб", "сенкс", "пасиб", "спасибо"]),
    (r"\bпожалуйста\b", ["пжлст", "плиз", "пж", "пожалуйста", "пжл"]),
    (r"\bпрезентацию\b", ["презу", "презентуху", "пдфку", "презентацию", "през"]),
    (r"\bсейчас\b", ["щас", "сейчас", "ща"]),
    (r"\bнормально\b", ["норм", "нормас"]),
    (r"\bхорошо\b", ["хорошо", "ок", "окей", "лады"]),
    (r"\bздравствуйте\b", ["здрасте", "привет", "добрый"]),
    (r"\bвообще\b", ["ваще", "вообще", "воще"]),
    (r"\bсегодня\b", ["седня", "сегодня"]),
    (r"\bчто\b", ["что", "че", "чо", "шо"]),
    (r"\bчеловек\b", ["чел", "человек"]),
    (r"\bсообщение\b", ["сообщение", "смс", "сообщ"]),
    (r"\bкоммерческое предложение\b", ["кп", "коммерческое"]),
    (r"\bинформацию\b", ["инфу", "инфо", "информацию"]),
    (r"\bпонятно\b", ["понятно", "понял", "ясно"]),
    (r"\bтелефон\b", ["тел", "телефон"]),
]
SLANG_EN = [
    (r"\bthanks\b", ["thx", "thanks", "ty", "tnx"]),
    (r"\bthank you\b", ["ty", "thx", "thank u"]),
    (r"\bplease\b", ["pls", "plz", "please"]),
    (r"\byou\b", ["u", "you"]),
    (r"\byour\b", ["ur", "your"]),
    (r"\bgoing to\b", ["gonna", "going to"]),
    (r"\bokay\b", ["ok", "k", "okay"]),
    (r"\bpresentation\b", ["deck", "pres", "presentation"]),
    (r"\bbecause\b", ["cuz", "bc", "because"]),
    (r"\bright now\b", ["rn", "right now"]),
    (r"\bI don't know\b", ["idk", "dunno"]),
    (r"\bto be honest\b", ["tbh", "to be honest"]),
]
CHAT_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "h",
            "c",
            "ch",
            "sh",
            "sch",
            "",
            "y",
            "'",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
EMOJI_POS = ["👍", "🙂", "😊", "🙏", "🔥", "👌", "✌️", "🤝", "😉", "👀"]
EMOJI_NEG = ["🙄", "😡", "👎", "🤬", "😤", "🚫", "🙅"]
EMOJI_NEUTRAL = ["🤔", "😅", "🙂", "👋", "📎", "🤷", "⏳"]
PROTECT = {
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "понедельник",
    "вторник",
    "среду",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
    "недели",
    "неделе",
    "квартала",
    "квартале",
    "праздников",
}
PUNCT = re.compile(r"[.,!?;:«»\"()—–…]")


def _protected(tok: str) -> bool:
    return any(c.isdigit() for c in tok) or "@" in tok or tok.lower().strip(".,!?") in PROTECT


def strip_punct(text: str) -> str:
    out = []
    for tok in text.split(" "):
        if _protected(tok):
            out.append(tok.rstrip(".,!?;:»)") if not tok.endswith(".ru") else tok)
        else:
            out.append(PUNCT.sub("", tok))
    return re.sub(r" +", " ", " ".join(out)).strip()


def typo(rng: random.Random, text: str) -> str:
    toks = text.split(" ")
    idx = [i for i, t in enumerate(toks) if len(t) > 5 and t.isalpha() and not _protected(t)]
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 2))):
        t = toks[i]
        j = rng.randint(1, len(t) - 3)
        toks[i] = rng.choice(
            [t[:j] + t[j + 1] + t[j] + t[j + 2 :], t[:j] + t[j + 1 :], t[:j] + t[j] + t[j:]]
        )
    return " ".join(toks)


def transliterate(text: str) -> str:
    out = []
    for tok in text.split(" "):
        if any(c.isdigit() for c in tok) or "@" in tok:  # month names stay readable in Latin
            out.append(tok)
            continue
        out.append("".join(CHAT_TRANSLIT.get(c.lower(), c) for c in tok))
    return " ".join(out)


def slang(rng: random.Random, text: str, lang: str) -> str:
    for pat, subs in SLANG_RU if lang == "ru" else SLANG_EN:
        text = re.sub(pat, lambda _m, s=subs: rng.choice(s), text, flags=re.IGNORECASE)
    return text


def chatify(rng: random.Random, text: str, lang: str, mood: str) -> str:
    """Turn a reply into how it would be typed in Telegram; `mood` picks fitting emoji."""
    original = text
    text = text.replace("\n\n", "\n")
    if rng.random() < 0.15:  # a burst of short messages, one thought per line
        text = re.sub(r"(?<=[.!?]) +(?=\S)", "\n", text)
    if rng.random() < 0.6:
        text = slang(rng, text, lang)
    if rng.random() < 0.75:
        text = text.lower()
    if rng.random() < 0.65:
        text = "\n".join(strip_punct(ln) for ln in text.split("\n"))
    if rng.random() < 0.3:
        text = typo(rng, text)
    if lang == "ru" and rng.random() < 0.12:
        text = transliterate(text)
    if rng.random() < 0.4:
        pool = {"pos": EMOJI_POS, "neg": EMOJI_NEG}.get(mood, EMOJI_NEUTRAL)
        emo = rng.choice(pool) * rng.choice([1, 1, 2, 3])
        text = f"{emo} {text}" if rng.random() < 0.25 else f"{text} {emo}"
    return text.strip() or original
