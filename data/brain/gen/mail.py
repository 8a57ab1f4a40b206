"""Wraps a filled core reply into an e-mail or a Telegram message."""

from __future__ import annotations

import datetime as dt
import random
import re

import telegram
import wrappers as w
from compose import MOOD, NO_FILLER, Core, Ctx
from people import EN_ADDRESSES, RU_ADDRESSES, email_for, en_phone, ru_phone

FILLER_RU = [
    "Мы небольшая сеть из трёх кофеен, отзывы в основном на Яндекс Картах и 2ГИС.",
    "У нас интернет-магазин детской одежды, продаём на Wildberries и Ozon.",
    "Письмо ваше прочитала.",
    "Получил ваше письмо.",
    "Посмотрел ваш сайт.",
    "Спасибо за письмо.",
    "Спасибо, что написали.",
    "Отвечаю с опозданием, был в разъездах.",
    "У нас две клиники в Подмосковье.",
    "Отзывов у нас сейчас около 2 тысяч на всех площадках.",
    "Я отвечаю за развитие бренда.",
    "Мы работаем на рынке с 2015 года.",
    "Ваше письмо мне переслали из общего ящика.",
    "Извините за долгий ответ.",
    "Продаём косметику на маркетплейсах.",
]
FILLER_EN = [
    "Thanks for reaching out.",
    "Thanks for your email.",
    "Sorry for the slow reply.",
    "We run two coffee shops and most of our reviews are on Google Maps.",
    "We sell skincare on Amazon and our own site.",
    "I'm the owner here.",
    "Your email was forwarded to me from our info@ inbox.",
    "I had a look at your website.",
    "We're a small family business.",
    "Apologies, I was travelling last week.",
]
AUTO_SUBJ_RU = [
    "Автоответ: {s}",
    "Автоматический ответ: {s}",
    "Нет на месте: {s}",
    "{s}",
    "Отпуск",
    "Auto: {s}",
]
AUTO_SUBJ_EN = [
    "Automatic reply: {s}",
    "Out of Office: {s}",
    "Auto-Reply: {s}",
    "OOO",
    "Autoreply: {s}",
]


def lead_email(rng: random.Random, ctx: Ctx) -> str:
    return email_for(ctx.lead, ctx.domain, rng)


def subject(rng: random.Random, core: Core, ctx: Ctx) -> str:
    brand = ctx.company
    s = rng.choice(w.SUBJECTS_RU if ctx.lang == "ru" else w.SUBJECTS_EN).format(brand=brand)
    if "auto_reply" in core.intents:
        s = rng.choice(AUTO_SUBJ_RU if ctx.lang == "ru" else AUTO_SUBJ_EN).format(s=s)
    return s


def our_letter(rng: random.Random, ctx: Ctx) -> str:
    pool = w.OUR_LETTER_RU if ctx.lang == "ru" else w.OUR_LETTER_EN
    me = ctx.sender[0] if ctx.lang == "ru" else ctx.sender[1]
    return rng.choice(pool).format(me=me, brand=ctx.company)


def as_email(rng: random.Random, core: Core, ctx: Ctx, body: str, subj: str) -> str:
    ru = ctx.lang == "ru"
    auto = "auto_reply" in core.intents
    plain = rng.random() < 0.22 and "long" not in core.flags
    top, middle, bottom = [], [body], []
    if "quote_only" in core.flags:  # an empty reply: only our quoted letter (and maybe a footer)
        when = ctx.day - dt.timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 5))
        own = lead_email(rng, ctx)
        quote = (w.quote_ru if ru else w.quote_en)(
            rng, when, ctx.sender, own, our_letter(rng, ctx), subj
        )
        footer = rng.choice(["", "", rng.choice(w.MOBILE_RU if ru else w.MOBILE_EN)])
        return f"{footer}\n\n{quote}".strip() if footer else quote
    if "inline" in core.flags:  # answered point by point between our quoted lines
        return inline_reply(rng, ctx, body)
    if plain:
        return body
    if {"job_seeker", "phishing"} & set(core.tags):  # strangers: no reply wrappers of a lead
        banner = rng.choice(w.BANNERS_RU if ru else w.BANNERS_EN)
        return f"{banner}\n\n{body}" if rng.random() < 0.4 else body
    if rng.random() < 0.15:
        top.append(rng.choice(w.BANNERS_RU if ru else w.BANNERS_EN))
    own_greeting = "long" in core.flags or "nogreet" in core.flags
    if not auto and rng.random() < 0.55 and not own_greeting:
        our = ctx.sender[0 if ru else 1].split()[0]
        top.append(rng.choice(w.GREET_RU if ru else w.GREET_EN).format(our=our))
    if core.intents[0] not in NO_FILLER and not own_greeting and rng.random() < 0.25:
        for filler in rng.sample(FILLER_RU if ru else FILLER_EN, rng.choice([1, 1, 1, 2])):
            middle.insert(0 if rng.random() < 0.7 else len(middle), filler)
    own = lead_email(rng, ctx)
    r = rng.random()
    if r < 0.45:
        phone = ru_phone(rng) if ru else en_phone(rng)
        addr = rng.choice(RU_ADDRESSES if ru else EN_ADDRESSES)
        close = rng.choice(w.CLOSE_RU if ru else w.CLOSE_EN)
        bottom.append(
            close
            + "\n"
            + w.signature(rng, ctx.lang, ctx.lead, ctx.company, ctx.title, own, phone, addr)
        )
    elif r < 0.7 and not auto:
        bottom.append(rng.choice(w.CLOSE_RU if ru else w.CLOSE_EN) + "\n" + ctx.lead.first)
    if rng.random() < 0.15 and not auto:
        bottom.append(rng.choice(w.MOBILE_RU if ru else w.MOBILE_EN))
    if rng.random() < 0.15:
        bottom.append(rng.choice(w.DISCLAIMERS_RU if ru else w.DISCLAIMERS_EN))
    text = "\n\n".join(
        [*top, "\n".join(middle) if rng.random() < 0.5 else "\n\n".join(middle), *bottom]
    )
    if auto or rng.random() > 0.5:
        return text
    when = ctx.day - dt.timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 5))
    letter = our_letter(rng, ctx)
    quote = (w.quote_ru if ru else w.quote_en)(rng, when, ctx.sender, own, letter, subj)
    r = rng.random()
    if r < 0.76:
        return text + "\n\n" + quote
    if r < 0.88:
        return quote + "\n\n" + text  # bottom-posting
    return inline_answer(rng, letter, body)


def inline_answer(rng: random.Random, letter: str, body: str, prefix: str = "> ",
                  split_lines: bool = False) -> str:
    """The lead answers between the quoted lines of our letter, keeping their lines in order."""
    quoted = [prefix + ln for ln in letter.split("\n")]
    if split_lines and "\n" in body and len(quoted) >= 3:  # one answer after each quoted point
        answers = body.split("\n")
        cuts = sorted(rng.sample(range(1, len(quoted) + 1), min(len(answers), len(quoted))))
        cuts[-1:] = [max(cuts[-1], len(quoted) - rng.choice([0, 0, 1]))] if cuts else []
        out, last = [], 0
        for cut, answer in zip(cuts, answers, strict=False):
            out += [*quoted[last:cut], answer]
            last = cut
        rest = answers[len(cuts):]
        return "\n".join([*out, *rest, *quoted[last:]])
    parts = [p for p in re.split(r"(?<=[.!?])\s+", body.replace("\n", " ")) if p]
    if len(parts) < 2 or len(quoted) < 3 or rng.random() < 0.4:
        cut = min(len(quoted) - 1, max(2, len(quoted) // 2))
        return "\n".join(quoted[:cut]) + f"\n\n{body}\n\n" + "\n".join(quoted[cut:])
    first, rest = parts[0], " ".join(parts[1:])
    a = 2 if len(quoted) >= 4 else 1
    b = max(a + 1, len(quoted) - 1)
    return "\n".join([*quoted[:a], "", first, "", *quoted[a:b], "", rest, "", *quoted[b:]])


INLINE_INTRO_RU = ["", "", "Ответы в тексте.", "Мои ответы ниже.", "Добрый день, отвечаю по пунктам:",
                   "См. ниже.", "{our}, здравствуйте! Ответил в тексте письма."]
INLINE_INTRO_EN = ["", "", "Answers inline.", "See my replies below.", "Hi {our}, comments inline:",
                   "Replies in line below."]
INLINE_HEAD_RU = ["{d} {t}, {me} <{addr}> пишет:", "{me} писал(а) {d}:", "Здравствуйте, {me}.\n\nВы писали {d} {t}:"]
INLINE_HEAD_EN = ["On {d} at {t}, {me} <{addr}> wrote:", "{me} wrote:"]


def inline_reply(rng: random.Random, ctx: Ctx, body: str) -> str:
    """Point-by-point answers: an optional intro and quote header, then our letter with the
    lead's lines between its quoted lines ("> " or The Bat!'s initials prefix)."""
    ru = ctx.lang == "ru"
    our = ctx.sender[0 if ru else 1]
    letter = our_letter(rng, ctx)
    prefix = "> "
    if ru and rng.random() < 0.3:
        prefix = "".join(p[0] for p in our.split()[:2]).upper() + "> "
    answer = inline_answer(rng, letter, body, prefix=prefix, split_lines=True)
    when = ctx.day - dt.timedelta(days=rng.randint(1, 9))
    head = rng.choice(INLINE_HEAD_RU if ru else INLINE_HEAD_EN).format(
        d=when.strftime("%d.%m.%Y" if ru else "%b %d, %Y"), t=when.strftime("%H:%M"),
        me=our, addr="sales@napoleon-reviews.ru" if ru else "sales@napoleon-reviews.com")
    parts = [rng.choice(INLINE_INTRO_RU if ru else INLINE_INTRO_EN).format(our=our.split()[0])]
    if rng.random() < 0.6:
        parts.append(head)
    parts.append(answer)
    return "\n\n".join(p for p in parts if p).strip()


def as_telegram(rng: random.Random, core: Core, ctx: Ctx, body: str) -> str:
    if "formal" in core.flags or rng.random() < 0.2:
        return body
    return telegram.chatify(rng, body, ctx.lang, MOOD.get(core.intents[0], "neutral"))
