"""The product facts an operator edits (`knowledge/*.yaml`) and answers to leads' questions.

`product.yaml` holds what the product is; `faq.yaml` holds topics with keywords and answers.
Matching is by lemmas (pymorphy3 for Russian), so «цены» finds the keyword «цена».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import ConfigError

__all__ = ["KbAnswer", "KnowledgeBase", "Segment", "Topic"]

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)


class Topic(BaseModel):
    id: str
    keywords: dict[str, list[str]]
    answer: dict[str, str]
    unknown: bool = False
    objection: bool = False  # a doubt, not a question: answered alone, with `next`
    next: dict[str, str] = {}  # the one easy next step after an objection's answer


class Segment(BaseModel):
    """A kind of business (segments.yaml) and the pitch it gets without review data."""

    id: str
    keywords: list[str] = []
    pitch: dict[str, str]
    sources_note: dict[str, str] = {}

    def text(self, field: str, language: str) -> str:
        node = self.pitch if field == "pitch" else self.sources_note
        return " ".join(str(node.get(language) or node.get("ru") or "").split())


@dataclass(frozen=True)
class KbAnswer:
    text: str
    topics: tuple[str, ...]
    facts: tuple[str, ...]  # the answer texts used, for the guard and the audit log
    needs_manager: bool = False  # a topic marked `unknown`: a manager must confirm
    parts: tuple[str, ...] = ()  # one paragraph per question, each starting with its answer
    next_step: str = ""  # an objection's easy next step
    objection: bool = False


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20000)
def _lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if _CYR.search(word):
        return str(_morph().parse(word)[0].normal_form).replace("ё", "е")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def lemmas(text: str) -> list[str]:
    return [_lemma(w) for w in _WORD.findall(text)]


class KnowledgeBase:
    def __init__(self, product: dict[str, Any], topics: list[Topic],
                 segments: list[Segment] | None = None) -> None:
        self.product = product
        self.topics = topics
        self.segments = segments or []
        self._phrases = [
            (t, [tuple(lemmas(k)) for lang in t.keywords.values() for k in lang]) for t in topics
        ]

    @classmethod
    def load(cls, directory: Path | str) -> KnowledgeBase:
        directory = Path(directory)
        product = _read_yaml(directory / "product.yaml")
        faq = _read_yaml(directory / "faq.yaml")
        try:
            topics = [Topic.model_validate(t) for t in faq.get("topics", [])]
        except ValidationError as e:
            raise ConfigError(f"{directory / 'faq.yaml'}: {e.errors()[0]['msg']}") from None
        seg_file = directory / "segments.yaml"
        raw = _read_yaml(seg_file).get("segments", []) if seg_file.is_file() else []
        try:
            segments = [Segment.model_validate(x) for x in raw]
        except ValidationError as e:
            raise ConfigError(f"{seg_file}: {e.errors()[0]['msg']}") from None
        return cls(product, topics, segments)

    def segment(self, company: str, products: list[str]) -> Segment | None:
        """The kind of business a lead is, by words in its company name and products."""
        text = " ".join([company, *products]).casefold().replace("ё", "е")
        words = re.findall(r"[0-9a-zа-яёé]+", text)
        for seg in self.segments:
            for key in seg.keywords:
                k = key.casefold().replace("ё", "е")
                if (" " in k and k in text) or any(w.startswith(k) for w in words):
                    return seg
        return next((s for s in self.segments if not s.keywords), None)

    def short_name(self, language: str) -> str:
        """«Отзывы» in Russian letters, the English name in English ones."""
        node = self.product.get("product", {}).get("short") or {}
        return str(node.get(language) or ("«Отзывы»" if language == "ru"
                                          else "Napoleon IT Reviews"))

    def answer(self, question: str, language: str) -> KbAnswer | None:
        """The answer to a question from the topics it matches, or None when nothing matches."""
        said = lemmas(question[:5000])
        words = set(said)
        first = {w: said.index(w) for w in reversed(said)}  # where each word first occurs
        scored = []
        for topic, phrases in self._phrases:
            hits = [p for p in phrases if p and all(w in words for w in p)]
            if hits:
                where = min(first[w] for p in hits for w in p)
                scored.append((sum(len(p) for p in hits), where, topic))
        if not scored:
            return None
        scored.sort(key=lambda st: -st[0])
        # A doubt is answered on its own; questions get one answer each, at most three, in the
        # order the lead asked them.
        if scored[0][2].objection:
            chosen = [scored[0][2]]
        else:
            top = [(where, t) for _, where, t in scored if not t.objection][:3]
            chosen = [t for _, t in sorted(top, key=lambda wt: wt[0])]
        lang = language if language in ("ru", "en") else "ru"
        texts = tuple(" ".join((t.answer.get(lang) or t.answer.get("ru", "")).split())
                      for t in chosen)
        top = chosen[0]
        return KbAnswer(
            text=" ".join(texts),
            topics=tuple(t.id for t in chosen),
            facts=texts,
            needs_manager=any(t.unknown for t in chosen),
            parts=texts,
            next_step=(top.next.get(lang) or top.next.get("ru", "")) if top.objection else "",
            objection=top.objection,
        )

    def text(self, key: str, language: str) -> str:
        """One localized entry of product.yaml, e.g. text("summary", "en")."""
        node = self.product.get(key) or self.product.get("product", {}).get(key) or {}
        return str(node.get(language) or node.get("ru") or "").strip()

    def items(self, key: str, language: str) -> list[str]:
        node = self.product.get(key) or {}
        return [str(x) for x in (node.get(language) or node.get("ru") or [])]

    def features(self, language: str) -> list[tuple[str, str]]:
        """(short title, sentence) of every feature."""
        out = []
        for f in self.product.get("features", []):
            title = f.get("title") or {}
            out.append((str(title.get(language) or title.get("ru") or ""),
                        str(f.get(language) or f.get("ru"))))
        return out

    def sources(self, kind: str, language: str, *, confirmed: bool | None = None) -> list[str]:
        out = []
        for s in self.product.get("sources", {}).get(kind, []):
            if confirmed is None or bool(s.get("confirmed")) == confirmed:
                out.append(str(s.get(f"name_{language}") or s["name"]))
        return out

    @property
    def name(self) -> str:
        return str(self.product.get("product", {}).get("name", "Napoleon IT Отзывы"))

    def facts_text(self) -> str:
        """Everything the knowledge base lets us say, both languages, for the outgoing guard."""
        parts: list[str] = []
        _flatten(self.product, parts)
        for t in self.topics:
            parts.extend(t.answer.values())
            parts.extend(t.next.values())
        for seg in self.segments:
            parts.extend([*seg.pitch.values(), *seg.sources_note.values()])
        return "\n".join(parts)


def _flatten(node: object, out: list[str]) -> None:
    if isinstance(node, dict):
        for v in node.values():
            _flatten(v, out)
    elif isinstance(node, list):
        for v in node:
            _flatten(v, out)
    elif isinstance(node, str):
        out.append(node)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"knowledge base {path}: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"knowledge base {path}: expected a mapping at the top")
    return data
