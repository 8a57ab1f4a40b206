"""Jinja2 rendering of `templates/<lang>/<kind>.j2` (blocks `subject` and `body`; the macros of
`<lang>/_macros.j2` are `m`), the signature and the HTML alternative.
StrictUndefined: a missing value is an error, never an empty gap."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

_URL = re.compile(r"(https?://[^\s<>\"«»]+)")


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

    def render(self, kind: str, lang: str, values: dict[str, Any]) -> tuple[str, str]:
        template = self.text_env.get_template(f"{lang}/{kind}.j2")
        # The shared macros of the language are `m` in every template.
        macros = self.text_env.get_template(f"{lang}/_macros.j2").make_module()
        context = template.new_context({**values, "m": macros})
        subject = "".join(template.blocks["subject"](context))
        body = "".join(template.blocks["body"](context))
        return " ".join(subject.split()), tidy(body)

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
