"""The last check before a text leaves: it may state only what the allowed facts contain.

`check_outgoing(text, allowed=...)` lists violations: a price or currency, a discount, a
percentage, a date or time promise, a URL, an e-mail, a number, or a product/feature claim that
does not occur in `allowed` (knowledge base + the lead's own numbers + settings values), and any
bot tell or unrendered template. Empty list = safe to send.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["check_outgoing"]

_MONTHS_RU = (
    "январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|"
    "сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
)
_MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_RELATIVE = (
    r"завтра|послезавтра|сегодня же|на этой неделе|на следующей неделе|до конца (?:дня|недели|"
    r"месяца|года)|в течение (?:\d+ )?(?:час|дн|недел|минут)\w*|tomorrow|by (?:the )?end of "
    r"(?:the )?(?:day|week|month|year)|within (?:\d+ |an? )?(?:hour|day|week|minute)s?|"
    r"(?:в|во|к|до) (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|"
    r"(?:on|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_DATES = re.compile(
    rf"\b\d{{1,2}}(?:-?го)?\s+(?:{_MONTHS_RU})\w*(?:\s+\d{{4}})?|"
    rf"\b(?:{_MONTHS_EN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS_EN})\b(?:\s+\d{{4}})?|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|"
    rf"\b(?:{_RELATIVE})\b|\b\d{{1,2}}:\d{{2}}\b",
    re.IGNORECASE,
)
_URL = re.compile(r"\b(?:https?://|www\.|t\.me/)[^\s<>\"«»()]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|процент\w*|percent\b|pct\b)", re.IGNORECASE)
_CURRENCY = re.compile(
    r"₽|\$|€|\bруб\w*|\bр\.|\bдоллар\w*|\bевро\b|\busd\b|\beur\b|\brub\b|\bdollars?\b|\beuros?\b",
    re.IGNORECASE,
)
_DISCOUNT = re.compile(
    r"\bскидк\w*|\bпромокод\w*|\bакци[яиюей]\b|\bбесплатн\w*|\bбонус\w*|\bкэшб[эе]к\w*|"
    r"\bdiscount\w*|\bpromo ?codes?\b|\bfor free\b|\bfree (?:of charge|trial|access|demo|plan|"
    r"version|month|period)\b|\bbonus\w*|\bcashback\b|\b\d+\s*off\b",
    re.IGNORECASE,
)
# Claims a seller makes about the product: each must occur in the allowed facts.
_CLAIMS = re.compile(
    r"\b(?:api|апи|crm|срм|1[сc]|битрикс\w*|bitrix\w*|amocrm|excel|эксел\w*|дашборд\w*|dashboard"
    r"|автоответ\w*|auto-?repl\w*|ответ\w* на отзыв\w*|respond\w* to reviews|нейросет\w*|neural"
    r"|gpt|искусственн\w* интеллект\w*|artificial intelligence|прогноз\w*|forecast\w*"
    r"|конкурент\w*|competitor\w*|гарант\w*|guarantee\w*|roi|окупа\w*|avito|авито|lamoda"
    r"|ламода|мегамаркет\w*|megamarket|aliexpress|алиэкспресс\w*|otzovik|отзовик\w*|irecommend"
    r"|flowwow|google play|app store|appgallery|instagram|вконтакте|vk|wildberries|ozon"
    r"|яндекс маркет\w*|yandex market|яндекс карт\w*|yandex maps|2гис|2gis|google maps"
    r"|тестов\w* доступ\w*|trial|пробн\w* период\w*)\b",
    re.IGNORECASE,
)
_BOT_TELLS = re.compile(
    r"как (?:ии|искусственный интеллект|языковая модель)|я\s*[—-]?\s*(?:бот|ии|нейросеть)\b|"
    r"языков\w* модел\w*|as an ai|i am an ai|i'?m an ai|i am a bot|i'?m a bot|language model|"
    r"chatgpt|openai|\{\{|\}\}|\{%|%\}",
    re.IGNORECASE,
)


def _norm(s: str) -> str:
    s = s.casefold().replace("ё", "е").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", s)


def _num(s: str) -> str:
    return s.replace(",", ".")


_PUNCT = ".,;:!?()[]«»\"“”'—–-"


def _unknown_numbers(body: str, ok: str) -> list[str]:
    """A number passes only with a neighbour word it has in the facts: «10 шт», «1 480»."""
    for rx in (_URL, _EMAIL, _PERCENT, _DATES):  # checked above on their own terms
        body = rx.sub(" ", body)
    words = [w.strip(_PUNCT) for w in body.split()]
    words = [w for w in words if w]
    out = []
    for i, word in enumerate(words):
        if not any(ch.isdigit() for ch in word):
            continue
        near = [f"{words[i - 1]} {word}" if i else "", f"{word} {words[i + 1]}"
                if i + 1 < len(words) else ""]
        if any(n and n in ok for n in near) or (len(word) >= 4 and word in ok):
            continue
        out.append(f"number not in facts: {word}")
    return out


@lru_cache(maxsize=32)  # a draft's text and subject are checked against the same facts
def _prepared(allowed: str) -> tuple[str, frozenset[str]]:
    ok = _norm(allowed)
    return ok, frozenset(_num(m.group(1)) for m in _PERCENT.finditer(ok))


def check_outgoing(text: str, *, allowed: str) -> list[str]:
    """Violations found in `text` against the `allowed` facts; an empty list means safe."""
    body = _norm(text)
    ok, allowed_pct = _prepared(allowed)
    out: list[str] = []
    out += [f"bot tell or template residue: {m.group(0)!r}" for m in _BOT_TELLS.finditer(body)]
    for m in _URL.finditer(body):
        url = m.group(0).rstrip(".,;:!?")
        if url not in ok:
            out.append(f"url not in facts: {url}")
    for m in _EMAIL.finditer(body):
        if m.group(0) not in ok:
            out.append(f"email not in facts: {m.group(0)}")
    for m in _PERCENT.finditer(body):
        if _num(m.group(1)) not in allowed_pct:
            out.append(f"percentage not in facts: {m.group(0)}")
    for rx, what in ((_CURRENCY, "price/currency"), (_DISCOUNT, "discount/offer"),
                     (_CLAIMS, "feature claim"), (_DATES, "date/time promise")):
        for m in rx.finditer(body):
            if m.group(0).strip() not in ok:
                out.append(f"{what} not in facts: {m.group(0).strip()}")
    out += _unknown_numbers(body, ok)
    return list(dict.fromkeys(out))
