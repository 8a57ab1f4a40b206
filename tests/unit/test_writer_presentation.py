"""The presentation is built from the knowledge base and says nothing the guard would stop."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from sales_agent.brain.guard import check_outgoing
from sales_agent.brain.presentation import build
from sales_agent.settings import PROJECT_ROOT


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_the_committed_presentation_is_a_pdf():
    pdf = (PROJECT_ROOT / "attachments" / "presentation.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and 5 <= _pages(pdf) <= 8


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_builds_a_few_pages(knowledge, writer_settings, tmp_path, lang):
    out = build(knowledge, writer_settings(), tmp_path / "p.pdf", lang)
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-") and _pages(pdf) == 7
    assert b"DejaVu" in pdf  # the Cyrillic font is embedded


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_word_on_the_slides_is_allowed(knowledge, writer_settings, tmp_path, lang):
    s = writer_settings()
    out = build(knowledge, s, tmp_path / "p.pdf", lang)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Wildberries" in text and ("Тональность" in text or "Sentiment" in text)
    layout_numbers = re.compile(r"(?<!\S)\d(?!\S)")  # page and step numbers
    allowed = "\n".join([knowledge.facts_text(), s.from_name, s.sender_title, s.from_email,
                         s.sender_phone])
    assert check_outgoing(layout_numbers.sub(" ", text), allowed=allowed) == []
