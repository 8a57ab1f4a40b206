"""Jinja2 rendering of `templates/<lang>/<kind>.j2` (blocks `subject`, `body` and, for chats,
`chat`; the macros of `<lang>/_macros.j2` are `m`), the signature and the HTML alternative.
StrictUndefined: a missing value is an error, never an empty gap.

A subject block may offer several lines, best first: the first that fits `MAX_SUBJECT`
characters is used, so a long product name falls back to a shorter line, never a cut word."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

_URL = re.compile(r"(https?://[^\s<>\"«»]+)")
MAX_SUBJECT = 45


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def fit_subject(lines: list[str], limit: int = MAX_SUBJECT) -> str:
    """The first line that fits; else the last one cut at a word, with an ellipsis."""
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    if not lines:
        return ""
    for line in lines:
        if len(line) <= limit or line.lower().startswith("re:"):
            return line
    cut = lines[-1][:limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,:;—-") + "…"


def tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


class TemplateRenderer:
    def __init__(self, templates_dir: Path) -> None:
        loader = FileSystemLoader(str(templates_dir))
        common = {"loader": loader, "undefined": StrictUndefined, "trim_blocks": True,
                  "lstrip_blocks": True, "keep_trailing_newline": False}
        self.text_env = Environment(autoescape=False, **common)  # plain text, nothing to escape
        self.html_env = Environment(autoescape=select_autoescape(default=True), **common)
        self.text_env.filters["capitalize_first"] = _capitalize_first

    def render(self, kind: str, lang: str, values: dict[str, Any], *,
               chat: bool = False, subject_limit: int = MAX_SUBJECT) -> tuple[str, str]:
        template = self.text_env.get_template(f"{lang}/{kind}.j2")
        # The shared macros of the language are `m` in every template.
        macros = self.macros(lang, values)
        context = template.new_context({**values, "m": macros})
        subject = "".join(template.blocks["subject"](context))
        block = "chat" if chat and "chat" in template.blocks else "body"
        body = tidy("".join(template.blocks[block](context)))
        if chat:  # a chat message is a few lines, no blank ones
            body = "\n".join(line for line in body.splitlines() if line.strip())
        return fit_subject(subject.splitlines(), subject_limit), body

    def macros(self, lang: str, values: dict[str, Any]) -> Any:
        return self.text_env.get_template(f"{lang}/_macros.j2").make_module(values)

    def signature(self, lang: str, values: dict[str, Any]) -> str:
        return tidy(self.text_env.get_template(f"{lang}/_signature.j2").render(values))

    def html(self, text: str) -> str:
        paragraphs = []
        for block in text.split("\n\n"):
            lines = []
            for line in block.splitlines():
                parts = _URL.split(line)
                lines.append([("url" if i % 2 else "text", p) for i, p in enumerate(parts) if p])
            paragraphs.append(lines)
        return self.html_env.get_template("_layout.html.j2").render(paragraphs=paragraphs)
