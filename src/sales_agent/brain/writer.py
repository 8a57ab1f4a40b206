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

import hashlib
import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..analytics.facts import CompanyFacts
from ..domain.model import Contact
from ..errors import SalesAgentError
from ..settings import Settings
from . import names, rules, story, wording
from .guard import check_outgoing
from .knowledge import KnowledgeBase
from .rendering import TemplateRenderer, tidy
from .when import moment

if TYPE_CHECKING:
    from .llm import LlmClient

__all__ = ["KINDS", "Draft", "OutgoingTextRejected", "ReplyWriter", "WriteContext"]

log = logging.getLogger(__name__)

KINDS = ("first", "followup", "nudge", "answer", "objection", "interested", "presentation",
         "demo", "demo_confirm", "demo_cancelled", "later_ack", "reminder", "redirect_thanks",
         "redirect_intro", "stop_confirm", "apology", "close", "clarify", "handoff_ack",
         "non_text", "manager_demo", "manager_booking", "manager_handoff", "manager_complaint",
         "manager_stopped_wrote")
TO_MANAGER = frozenset(k for k in KINDS if k.startswith("manager_"))
VARIANTS = 3  # phrasings per kind and language
# Kinds whose message may carry the chart (explained in one line); an answer only when the
# question was about the numbers themselves.
CHART_TOPICS = frozenset({"analytics", "what_it_does"})
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
    channel: str = "email"  # "telegram"/"sandbox" are chats: short lines, no signature
    slots: tuple[datetime, ...] = ()  # demo times offered
    meeting: datetime | None = None  # a booked demo
    reason: str = ""  # manager_* kinds: why a human is needed
    # The thread's memory: our earlier messages' texts (no figure or quote is told twice).
    history: tuple[str, ...] = ()
    chart: bool = False  # the company's chart may go with this message (not sent before)
    greet: bool = True  # chats greet once a day
    variant: int | None = None  # phrasing; None = from the contact id
    colleague: str | None = None  # redirect_thanks: who the lead sent us to, as they wrote it


@dataclass(frozen=True)
class Draft:
    kind: str
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[str, ...] = ()  # names in settings.attachments_dir
    handoff: bool = False  # the knowledge base had no answer: a manager answers
    source: str = "template"  # "template" | "llm"
    chart: bool = False  # attach the chart: the text (or `caption`) explains it in one line
    caption: str = ""  # the chart's one-line caption (chats send it as a photo)
    told: tuple[str, ...] = ()  # the review facts this message tells, for the audit log


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
        template = "objection" if kind == "answer" and values["objection"] else kind
        chat = values["chat"] and kind not in TO_MANAGER
        subject, body = self.renderer.render(template, lang, values, chat=chat,
                                             subject_limit=200 if kind in TO_MANAGER else 45)
        signature = "" if chat else self.renderer.signature(lang, values)
        macros = self.renderer.macros(lang, values)
        caption = str((macros.chart_caption if chat else macros.chart_line)(values["v"])).strip() \
            if values["chart"] else ""
        allowed = self._allowed(kind, ctx, values)
        fact = values["fact"]
        draft = Draft(kind=kind, subject=subject, text=_join(body, signature), handoff=handoff,
                      attachments=(values["deck"],) if values["has_attachment"] else (),
                      chart=values["chart"], caption=caption,
                      told=(fact.type, *fact.figures, fact.quote) if fact else ())
        # Notes to our own people quote the lead and our figures: they are not text to a lead.
        problems = [] if kind in TO_MANAGER else self._problems(draft, ctx, allowed)
        if problems:
            log.error("template %s/%s rejected by the guard: %s", lang, kind, "; ".join(problems))
            raise OutgoingTextRejected(f"template {lang}/{kind}: {problems[0]}")
        if self.llm is not None and kind in LLM_KINDS and not chat:
            draft = await self._rewrite(kind, ctx, allowed, draft, body, signature)
        return replace(draft, html=self.renderer.html(draft.text))

    async def _rewrite(self, kind: str, ctx: WriteContext, allowed: str, draft: Draft,
                       body: str, signature: str) -> Draft:
        assert self.llm is not None
        new_body = await self.llm.write(kind, ctx, allowed, replace(draft, text=body))
        if not new_body:
            return draft
        candidate = replace(draft, text=_join(new_body.strip(), signature), source="llm")
        problems = self._problems(candidate, ctx, allowed)
        products = [*ctx.contact.products,
                    *(p.product for p in (ctx.facts.products if ctx.facts else ()))]
        problems += rules.llm_problems(kind, body, new_body, ctx.language, products, ctx.history)
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
        problems += check_outgoing(draft.subject, allowed=f"{allowed}\n{ctx.thread_subject}"
                                   if ctx.thread_subject else allowed)
        if draft.kind == "redirect_intro" and ctx.referrer_name:
            text = f"{draft.subject}\n{draft.text}".casefold()
            own = set(ctx.contact.name.casefold().split())
            for word in ctx.referrer_name.casefold().split():
                if len(word) >= 3 and word not in own and word in text:
                    problems.append("redirect_intro names the referrer")
        return problems

    def _values(self, kind: str, ctx: WriteContext, lang: str) -> tuple[dict[str, Any], bool]:
        s, c, kb = self.settings, ctx.contact, self.knowledge
        answer = kb.answer(ctx.lead_text or "", lang) if kind in ("answer", "objection") \
            else None
        v = ctx.variant if ctx.variant is not None else variant_of(c.id)
        plan = f"followup{min(max(ctx.attempt, 1), 2)}" if kind in ("followup", "nudge") else kind
        fact = story.pick(plan, ctx.facts, lang, history=ctx.history, variant=v)
        segment = kb.segment(c.company, list(c.products)) if fact is None else None
        chat = ctx.channel not in ("email",)
        wants_chart = kind in ("interested", "followup", "nudge") or (
            kind == "answer" and answer is not None and bool(CHART_TOPICS & set(answer.topics)))
        values: dict[str, Any] = {
            **signature_values(s, lang), "v": v % VARIANTS, "chat": chat,
            "name": names.greeting_name(c.name, lang, email=c.email), "greet": ctx.greet,
            "full_name": c.name, "company": c.company, "products": list(c.products),
            "product": c.products[0] if len(c.products) == 1 and len(c.products[0]) <= 60
            else None, "email": c.email, "telegram": c.telegram,
            "product_name": kb.short_name(lang), "fact": fact,
            "segment": segment.id if segment else None,
            "pitch": segment.text("pitch", lang) if segment else kb.text("summary", lang),
            "sources_note": segment.text("sources_note", lang) if segment else "",
            "insight": wording.insight(c, ctx.facts, lang),
            "demo_url": s.demo_url,
            "demo_slots": [moment(t, lang, c.timezone) for t in ctx.slots]
            or [wording.slot(x, lang) for x in s.demo_slots],
            "meeting": moment(ctx.meeting, lang, c.timezone) if ctx.meeting else None,
            "reason": ctx.reason, "source": c.source,
            "answer_time": s.answer_time_frame if lang == "ru" else s.answer_time_frame_en,
            "thread_subject": ctx.thread_subject, "bot_link": ctx.bot_link,
            "attempt": ctx.attempt, "chart": bool(ctx.chart and wants_chart and ctx.facts),
            "until_text": wording.day(ctx.until, lang) if ctx.until else None,
            "answer": answer.text if answer else None,
            "answer_parts": list(answer.parts) if answer else [],
            "next_step": answer.next_step if answer else "",
            "objection": bool(answer and answer.objection) or kind == "objection",
            "needs_manager": bool(answer and answer.needs_manager),
            "colleague": _colleague(ctx, lang) if kind == "redirect_thanks" else "",
            "deck": self._deck(lang),
            "has_attachment": kind == "presentation" and self._deck(lang) is not None,
            "lead_text": _quote(ctx.lead_text) if kind in TO_MANAGER else None,
            "summary": _quote(ctx.summary) if kind in TO_MANAGER else None,
        }
        handoff = kind in ("answer", "objection") and (answer is None or answer.needs_manager)
        return values, handoff

    def _deck(self, lang: str) -> str | None:
        """The presentation file for the lead's language: the English deck when there is one."""
        names = (PRESENTATION_EN, PRESENTATION) if lang == "en" else (PRESENTATION,)
        return next((n for n in names if (self.settings.attachments_dir / n).is_file()), None)

    def _allowed(self, kind: str, ctx: WriteContext, values: dict[str, Any]) -> str:
        """The facts a draft may state: knowledge base, the lead's data, our settings."""
        s, c = self.settings, ctx.contact
        parts = [self._kb_text, "Napoleon IT", "Telegram", c.name, c.company, *c.products,
                 s.from_name, values["from_name"], values["sign_title"], values["sign_phone"],
                 values["sign_site"], values["sign_telegram"], s.from_email, s.demo_url,
                 *s.demo_slots, *values["demo_slots"], ctx.bot_link, values["until_text"],
                 values["meeting"], values["answer_time"], c.source]
        if (i := values["insight"]) is not None:
            parts += [*i.strings(), f"{i.company_reviews} отзывов", f"{i.company_reviews} in total"]
        if values["fact"] is not None:
            parts += [*values["fact"].strings(), values["fact"].quote]
        if kind in TO_MANAGER:  # the manager sees the lead's addresses as they are
            parts += [c.email, c.telegram]
        return "\n".join(p for p in parts if p)


def variant_of(contact_id: str) -> int:
    """A stable phrasing per lead (Python's hash() differs between processes)."""
    return int(hashlib.sha1(contact_id.encode()).hexdigest()[:8], 16) % VARIANTS


def signature_values(s: Settings, lang: str) -> dict[str, Any]:
    """Who writes («я»): the name, and the signature lines from the settings."""
    title = s.from_title or s.sender_title
    if lang != "ru" and wording.has_cyrillic(title):
        title = ""  # a Russian title has no place in an English letter
    first = names.parse_name(s.from_name).first
    return {
        "from_name": s.from_name if lang == "ru"
        else (s.from_name_en or wording.latin(s.from_name)),
        "she": bool(first) and names.gender(first) == "femn",
        "sign_title": title, "sender_title": s.sender_title,
        "sender_title_en": title if lang != "ru" else "",
        "sign_phone": s.from_phone or s.sender_phone,
        "sender_phone": s.from_phone or s.sender_phone,
        "sign_site": s.from_site, "sign_telegram": s.from_telegram,
    }


def _colleague(ctx: WriteContext, lang: str) -> str:
    """«Марии Котовой» (for «напишу …») from the redirect, when it names the person."""
    found = names.colleague_from_text(ctx.lead_text or "") or (ctx.colleague or "")
    if not found or "@" in found:
        return ""
    return names.dative(found) if lang == "ru" else (
        wording.latin(found) if wording.has_cyrillic(found) else found)


def _join(body: str, signature: str) -> str:
    return f"{body}\n\n{signature}" if signature else body
