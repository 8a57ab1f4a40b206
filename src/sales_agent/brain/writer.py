"""Messages to leads (and to our manager): templates filled with facts, an optional LLM rewrite,
and the outgoing guard on every draft.

    kb = KnowledgeBase.load(settings.knowledge_dir)
    writer = ReplyWriter(settings, kb, LlmClient.from_settings(settings))
    draft = await writer.write("first", WriteContext(contact=contact, facts=facts))

Kinds are the template names in `templates/<lang>/`. A template draft that fails the guard is a
bug: `OutgoingTextRejected` is raised and nothing is sent. An LLM draft that fails it is dropped
for the template draft.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..analytics.facts import CompanyFacts
from ..domain.model import Contact
from ..errors import SalesAgentError
from . import wording
from .guard import check_outgoing
from .knowledge import KnowledgeBase
from .rendering import TemplateRenderer, tidy
from .when import moment

if TYPE_CHECKING:
    from ..settings import Settings
    from .llm import LlmClient

__all__ = ["KINDS", "Draft", "OutgoingTextRejected", "ReplyWriter", "WriteContext"]

log = logging.getLogger(__name__)

KINDS = ("first", "followup", "nudge", "answer", "objection", "interested", "presentation",
         "demo", "demo_confirm", "demo_cancelled", "later_ack", "reminder", "redirect_thanks",
         "redirect_intro", "stop_confirm", "apology", "close", "clarify", "handoff_ack",
         "non_text", "manager_demo", "manager_booking", "manager_handoff", "manager_complaint",
         "manager_stopped_wrote")
TO_MANAGER = frozenset(k for k in KINDS if k.startswith("manager_"))
# Kinds the LLM may rewrite; short fixed lines and internal notes stay as templated.
LLM_KINDS = frozenset(KINDS) - TO_MANAGER - {"stop_confirm", "non_text"}
PRESENTATION = "presentation.pdf"
PRESENTATION_EN = "presentation_en.pdf"  # English leads get it when it exists
MAX_QUOTE = 3000  # characters of the lead's text quoted to the manager


def _quote(text: str | None) -> str | None:
    text = (text or "").strip()
    return (text[:MAX_QUOTE] + "…" if len(text) > MAX_QUOTE else text) or None


class OutgoingTextRejected(SalesAgentError):
    """A template draft broke the guard: a template or knowledge-base bug, never sent."""


@dataclass(frozen=True)
class WriteContext:
    contact: Contact
    language: str = "ru"  # "ru" | "en": the lead's language
    lead_text: str | None = None  # the reply we answer (DATA, never instructions)
    facts: CompanyFacts | None = None  # the lead's review numbers
    until: date | None = None  # for later_ack / reminder
    thread_subject: str | None = None
    bot_link: str | None = None  # t.me deep link offered in the first message
    referrer_name: str | None = None  # NEVER written into redirect_intro
    attempt: int = 1  # follow-up number
    summary: str | None = None  # conversation summary for manager_* kinds
    channel: str = "email"  # "telegram"/"sandbox" are chats: a short sign-off, no "letter"
    slots: tuple[datetime, ...] = ()  # demo times offered
    meeting: datetime | None = None  # a booked demo
    reason: str = ""  # manager_* kinds: why a human is needed


@dataclass(frozen=True)
class Draft:
    kind: str
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[str, ...] = ()  # names in settings.attachments_dir
    handoff: bool = False  # the knowledge base had no answer: a manager answers
    source: str = "template"  # "template" | "llm"


class ReplyWriter:
    def __init__(self, settings: Settings, knowledge: KnowledgeBase,
                 llm: LlmClient | None = None) -> None:
        self.settings, self.knowledge, self.llm = settings, knowledge, llm
        self.renderer = TemplateRenderer(settings.templates_dir)
        self._kb_text = knowledge.facts_text()

    async def write(self, kind: str, ctx: WriteContext) -> Draft:
        if kind not in KINDS:
            raise ValueError(f"unknown message kind {kind!r}")
        lang = ctx.language if ctx.language in ("ru", "en") else "ru"
        values, handoff = self._values(kind, ctx, lang)
        subject, body = self.renderer.render(kind, lang, values)
        signature = self.renderer.signature(lang, values)
        allowed = self._allowed(kind, ctx, values)
        draft = Draft(kind=kind, subject=subject, text=f"{body}\n\n{signature}", handoff=handoff,
                      attachments=(values["deck"],) if values["has_attachment"] else ())
        # Notes to our own people quote the lead and our figures: they are not text to a lead.
        problems = [] if kind in TO_MANAGER else self._problems(draft, ctx, allowed)
        if problems:
            log.error("template %s/%s rejected by the guard: %s", lang, kind, "; ".join(problems))
            raise OutgoingTextRejected(f"template {lang}/{kind}: {problems[0]}")
        if self.llm is not None and kind in LLM_KINDS:
            draft = await self._rewrite(kind, ctx, allowed, draft, body, signature)
        return replace(draft, html=self.renderer.html(draft.text))

    async def _rewrite(self, kind: str, ctx: WriteContext, allowed: str, draft: Draft,
                       body: str, signature: str) -> Draft:
        assert self.llm is not None
        new_body = await self.llm.write(kind, ctx, allowed, replace(draft, text=body))
        if not new_body:
            return draft
        candidate = replace(draft, text=f"{new_body.strip()}\n\n{signature}", source="llm")
        problems = self._problems(candidate, ctx, allowed)
        if problems:
            log.warning("llm draft %s dropped for the template: %s", kind, problems[0])
            return draft
        return candidate

    def _problems(self, draft: Draft, ctx: WriteContext, allowed: str) -> list[str]:
        checked = draft.text
        if draft.kind in TO_MANAGER:  # the lead's own words, quoted to our manager, are not ours
            for quoted in (_quote(ctx.lead_text), _quote(ctx.summary)):
                checked = checked.replace(tidy(quoted), " ") if quoted else checked
        problems = check_outgoing(checked, allowed=allowed)
        # The thread's subject may come from the lead: it vouches for the subject line only.
        problems += check_outgoing(draft.subject, allowed=f"{allowed}\n{ctx.thread_subject or ''}")
        if draft.kind == "redirect_intro" and ctx.referrer_name:
            text = f"{draft.subject}\n{draft.text}".casefold()
            own = set(ctx.contact.name.casefold().split())
            for word in ctx.referrer_name.casefold().split():
                if len(word) >= 3 and word not in own and word in text:
                    problems.append("redirect_intro names the referrer")
        return problems

    def _values(self, kind: str, ctx: WriteContext, lang: str) -> tuple[dict[str, Any], bool]:
        s, c = self.settings, ctx.contact
        answer = self.knowledge.answer(ctx.lead_text or "", lang) if kind == "answer" else None
        title_en = "" if any("а" <= ch.lower() <= "я" for ch in s.sender_title) else s.sender_title
        values: dict[str, Any] = {
            "name": wording.address_name(c.name, lang), "full_name": c.name,
            "company": c.company, "products": list(c.products),
            "product": c.products[0] if c.products else None,
            "email": c.email, "telegram": c.telegram,
            "insight": wording.insight(c, ctx.facts, lang),
            "from_name": s.from_name if lang == "ru" else (s.from_name_en or
                                                           wording.latin(s.from_name)),
            "sender_title": s.sender_title,
            "sender_title_en": title_en, "sender_phone": s.sender_phone,
            "demo_url": s.demo_url,
            "demo_slots": [moment(t, lang, c.timezone) for t in ctx.slots] or list(s.demo_slots),
            "meeting": moment(ctx.meeting, lang, c.timezone) if ctx.meeting else None,
            "reason": ctx.reason, "source": c.source,
            "answer_time": s.answer_time_frame if lang == "ru" else s.answer_time_frame_en,
            "thread_subject": ctx.thread_subject, "bot_link": ctx.bot_link,
            "attempt": ctx.attempt, "chat": ctx.channel != "email",
            "until_text": wording.day(ctx.until, lang) if ctx.until else None,
            "answer": answer.text if answer else None,
            "needs_manager": bool(answer and answer.needs_manager),
            "deck": self._deck(lang),
            "has_attachment": kind == "presentation" and self._deck(lang) is not None,
            "lead_text": _quote(ctx.lead_text) if kind in TO_MANAGER else None,
            "summary": _quote(ctx.summary) if kind in TO_MANAGER else None,
        }
        handoff = kind == "answer" and (answer is None or answer.needs_manager)
        return values, handoff

    def _deck(self, lang: str) -> str | None:
        """The presentation file for the lead's language: the English deck when there is one."""
        names = (PRESENTATION_EN, PRESENTATION) if lang == "en" else (PRESENTATION,)
        return next((n for n in names if (self.settings.attachments_dir / n).is_file()), None)

    def _allowed(self, kind: str, ctx: WriteContext, values: dict[str, Any]) -> str:
        """The facts a draft may state: knowledge base, the lead's data, our settings."""
        s, c = self.settings, ctx.contact
        parts = [self._kb_text, "Napoleon IT", "Telegram", c.name, c.company, *c.products,
                 s.from_name, s.from_name_en or wording.latin(s.from_name), s.sender_title,
                 s.sender_phone, s.from_email, s.demo_url,
                 *s.demo_slots, ctx.bot_link, values["until_text"], *values["demo_slots"],
                 values["meeting"], values["answer_time"], c.source]
        if values["insight"] is not None:
            parts += values["insight"].strings()
        if kind in TO_MANAGER:  # the manager sees the lead's addresses as they are
            parts += [c.email, c.telegram]
        return "\n".join(p for p in parts if p)
