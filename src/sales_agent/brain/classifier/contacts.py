"""Which colleague the lead names: an email or an @handle in the body, not the lead's own.

Never the lead's own address (the sender, the signature block) and never ours (`exclude`: our
sending addresses and those in the quote header of our letter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import split_signature

# Cyrillic letters too: «марина@магазин.рф» is an address a Russian deputy may have.
EMAIL = re.compile(r"(?<![\w.+-])([a-zа-яё0-9][a-zа-яё0-9._%+-]*@[a-zа-яё0-9-]+"
                   r"(?:\.[a-zа-яё0-9-]+)*\.[a-zа-яё]{2,})", re.I)
HANDLE = re.compile(r"(?:(?<![\w@.])@|\bt\.me/|\btelegram\.me/)([a-z][a-z0-9_]{3,31})\b(?!\.[a-z])",
                    re.I)
# Words that point at another person: an address after one of these is a colleague's.
_PERSON = re.compile(
    r"коллег|замест|\bего\b|\bеё\b|\bее\b|\bhis\b|\bher\b|\bтам\b|маркетолог|директор|руководител|менеджер|начальник|шеф|отдел|ему\b|ей\b|"
    r"к\s+нему|к\s+ней|к\s+@|пишите|напишите|обращ|свяж|контакт|передай|перенаправ|"
    r"отвечает|занимается|решает|ответственн|ведет|ведёт|"
    r"colleague|deputy|manager|director|head of|cmo|ceo|team|contact|reach|email|write to|"
    r"in charge|responsible|handles|owns|right person|forward|срочн|замещ|в мое отсутствие|"
    r"urgent|in my absence|alternatively", re.I)
# A request to write to someone: the only thing that makes a signature-like line a colleague's
# (a title such as «менеджер» above an address is the lead's own signature).
_DIRECTIVE = re.compile(r"пиши|напиш|обращ|свяж|передай|перенаправ|контакт|коллег|замест|замещ|"
                        r"срочн|отсутстви|contact|reach|write|email|forward|colleague|deputy|"
                        r"absence|urgent|emergenc|covering", re.I)

# An address the lead says is NOT to be written to: their own mailbox that is not read or
# forwarded, or a former colleague's («ранее этим занимался x@…, теперь — y@…»).
_STALE_BEFORE = re.compile(
    r"(этот|мой|данный|указанный)\s+(почтовый\s+)?(ящик|адрес)\W*$|"
    r"(this|my)\s+(mailbox|address|inbox|email)\W*$|"
    r"(ранее|раньше|прежде|previously|formerly|used\s+to\s+be)\b[^.!?\n]{0,50}$", re.I)
# «Письма на адрес x@… не читаются», "emails to x@… are not forwarded" — but "resend your email
# to x@…" is where to write.
_MAIL_TO = re.compile(r"(письма|сообщения)\s+(на|в)\s+(адрес|ящик)\s*$|"
                      r"(emails?|messages?|mail)\s+(sent\s+)?to\s*$", re.I)
_SEND = re.compile(r"send|forward|direct|write|пиш|направ|перешл|отправ", re.I)
_STALE_AFTER = re.compile(
    r"^\W{0,3}\s*(временно\s+|больше\s+|сейчас\s+)?(не\s+(читается|проверяется|пересылается|"
    r"обслуживается|активен|работает)|is\s+(not|no\s+longer)\s+(monitored|read|checked|forwarded|"
    r"active|in\s+use)|are\s+not\s+(forwarded|read|monitored)|will\s+not\s+be\s+(read|forwarded))",
    re.I)


# An address given only for matters that are not ours (payments, documents, jobs, orders): when
# the reply names another address too, that other one is whom to write about our offer.
_NARROW = re.compile(
    r"(оплат|сч[её]т|бухгалт|закрывающ|документооборот|вакан|резюме|кадр|юрист|юридич|доставк|"
    r"заказ|billing|invoice|accounting|payment|careers|\bjobs?\b|\bhr\b|legal|shipping|orders?\b)"
    r"[^.;!?\n]{0,40}$", re.I)


# A shared mailbox (info@, support@): when a person's address is given too (a deputy, the
# colleague covering urgent matters), the person is whom to write to.
_SHARED_BOX = re.compile(
    r"(info|support|hello|office|contacts?|mail|admin|help|general|enquiries|inquiries|service|"
    r"feedback|reception|team|post|secretary|priem|priemnaya|zakaz|orders?|sales|marketing|pr|"
    r"reklama|hr|buh|noreply|no-reply)@", re.I)


# What we write about (marketing, reviews, ads): of several addresses given for different matters
# («по закупкам — …, по маркетингу — …»), the one for ours.
_OUR_TOPIC = re.compile(r"маркетинг|реклам|продвижен|отзыв|smm|\bpr\b|marketing|review|"
                        r"advertis|promotion", re.I)


def _our_topic(body: str, start: int, end: int) -> bool:
    """Marketing named before the address in its clause, or right after it ("Maria (m@…) for
    marketing"), up to the next address or clause."""
    clause_start = max(body.rfind(c, 0, start) for c in ".;!?\n") + 1
    after = re.split(r"[.,;!?\n]|\band\b|\bи\b|@", body[end:end + 40])[0]
    return bool(_OUR_TOPIC.search(body[max(clause_start, start - 80): start])
                or _OUR_TOPIC.search(after))


def _narrow(body: str, start: int) -> bool:
    clause_start = max(body.rfind(c, 0, start) for c in ".;!?\n,") + 1
    before = body[max(0, start - 60): start]
    return bool(_NARROW.search(before)) and not _PERSON.search(body[clause_start:start])


def _stale(body: str, start: int, end: int) -> bool:
    sentence_start = max(body.rfind(c, 0, start) for c in ".!?\n") + 1
    before = body[sentence_start:start]
    mail_to = _MAIL_TO.search(before)
    return bool(_STALE_BEFORE.search(before)
                or (mail_to and not _SEND.search(before[:mail_to.start()]))
                or _STALE_AFTER.match(body[end:end + 60].lstrip(") ")))


@dataclass(frozen=True)
class FoundContact:
    address: str  # lower-case email or "@handle"
    start: int  # where it is written in `body`
    end: int
    named: bool  # a person-word ("коллеге", "contact") comes before it
    body: str  # the text it was found in (the signature cut off)

    @property
    def why(self) -> str:
        return ("a colleague named: " if self.named else "an address given: ") + self.address


def _own(address: str, sender: str | None, signature: str) -> bool:
    a = address.lower()
    return bool(sender and a == sender.strip().lower()) or a in signature.lower()


def _signature_like(body: str, start: int) -> bool:
    """An address alone on one of the last lines, after a name line, reads as a signature."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", start)
    line = body[line_start: len(body) if line_end < 0 else line_end]
    rest = body[start:]
    lines_after = rest.count("\n")
    alone = bool(re.fullmatch(r"\s*(e-?mail:?|почта:?|tg:?|telegram:?)?\s*\S+\s*", line, re.I))
    return alone and lines_after <= 2 and body[:line_start].count("\n") >= 2


_LABEL = re.compile(r"(?im)^\s*(?:e-?mail|почта|эл\.?\s*почта|tg|telegram|тел\.?|phone|mob\.?)"
                    r"\s*:?")


def _directive_before(before: str) -> bool:
    """A request to write on the address's line or the two above it (a signature's «Email:»
    label is none)."""
    return bool(_DIRECTIVE.search(_LABEL.sub(" ", "\n".join(before.split("\n")[-3:]))))


def find_contact(text: str, sender: str | None = None,
                 exclude: Iterable[str] = ()) -> FoundContact | None:
    """The address the lead names for someone else: after a person-word first, then the first."""
    body, signature = split_signature(text)
    ours = {a.strip().lower().lstrip("@") for a in exclude if a}
    found: list[FoundContact] = []
    for pattern, fmt in ((EMAIL, "{}"), (HANDLE, "@{}")):
        for m in pattern.finditer(body):
            address = fmt.format(m.group(1)).lower()
            if _own(address, sender, signature) or address.lstrip("@") in ours:
                continue
            before = body[max(0, m.start() - 80): m.start()]
            named = bool(_PERSON.search(before))
            if _signature_like(body, m.start()) and not _directive_before(before):
                continue
            if _stale(body, m.start(), m.end()):
                continue
            found.append(FoundContact(address, m.start(), m.end(), named, body))
    if not found:
        return None
    return min(found, key=lambda f: (_narrow(f.body, f.start),
                                     not _our_topic(f.body, f.start, f.end),
                                     bool(_SHARED_BOX.match(f.address)), not f.named, f.start))


def extract_contact(text: str, sender: str | None = None, *,
                    exclude: Iterable[str] = ()) -> tuple[str | None, str]:
    """(contact, why): the address the lead names for someone else, lower-cased, or None."""
    found = find_contact(text, sender, exclude)
    return (found.address, found.why) if found else (None, "")
