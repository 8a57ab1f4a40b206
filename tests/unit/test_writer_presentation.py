"""The presentation: built from the knowledge base in Russian and English, six pages, a real
chart and one worked example from the sample reviews, every text inside its box, nothing the
knowledge base does not confirm, and the English deck attached for English leads."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from sales_agent.brain.deck_layout import DeckOverflow, H, M, W
from sales_agent.brain.guard import check_outgoing
from sales_agent.brain.presentation import FILES, build, build_deck
from sales_agent.brain.writer import ReplyWriter, WriteContext
from sales_agent.settings import PROJECT_ROOT
from tests.fixtures.llm import make_contact

poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                             reason="poppler-utils not installed (the Makefile's apt list)")
CYRILLIC = re.compile(r"[а-яё]", re.I)
PAGES = 6
MM = 72 / 25.4  # PDF points per millimetre


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def decks(tmp_path_factory, knowledge):
    """Both decks built once for the module: (path, example, slides) per language."""
    from sales_agent.settings import load_settings

    settings = load_settings(from_name="Анна Соколова", sender_phone="+7 900 123-45-67")
    out = tmp_path_factory.mktemp("decks")
    return {lang: (*build_deck(knowledge, settings, out / FILES[lang], lang), settings)
            for lang in ("ru", "en")}


@pytest.mark.parametrize("name", ["presentation.pdf", "presentation_en.pdf"])
def test_the_committed_presentations_are_current_pdfs(name):
    pdf = (PROJECT_ROOT / "attachments" / name).read_bytes()
    assert pdf.startswith(b"%PDF-") and _pages(pdf) == PAGES


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_six_pages_with_the_cyrillic_font_and_the_chart(decks, lang):
    path = decks[lang][0]
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF-") and _pages(pdf) == PAGES
    assert b"DejaVu" in pdf and b"/Subtype /Image" in pdf  # font embedded, chart drawn in


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_text_box_fits_and_stays_inside_the_margins(decks, lang):
    _, _, slides, _ = decks[lang]
    assert len(slides.boxes) > 30
    for box in slides.boxes:
        assert box.needed <= box.h + 0.01, box
        assert box.x >= M - 0.01 and box.x + box.w <= W - M + 0.01, box
        assert box.y >= 0 and box.y + box.h <= H - 5, box


@poppler
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_rendered_pages_keep_the_margins_clear(decks, lang, tmp_path):
    """pdftoppm draws every page; outside the cover, nothing but white beyond the margins."""
    path = decks[lang][0]
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == PAGES
    for png in pngs[1:]:
        img = Image.open(png).convert("L")
        px_per_mm = img.width / W
        inner = int((M - 4) * px_per_mm)
        strips = [img.crop((0, 0, inner, img.height)),
                  img.crop((img.width - inner, 0, img.width, img.height)),
                  img.crop((0, img.height - int(4 * px_per_mm), img.width, img.height))]
        for strip in strips:
            assert strip.getextrema()[0] >= 250, png.name  # no ink in the margins
        assert img.getextrema()[0] < 100, png.name  # and the page is not blank


@poppler
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_word_sits_inside_the_page(decks, lang, tmp_path):
    """pdftotext's word boxes (points) lie within the page, margins respected."""
    path = decks[lang][0]
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
                       html)
    assert len(words) > 150
    for x0, y0, x1, y1 in ((float(v) for v in w) for w in words):
        assert x0 >= M * MM - 1 and x1 <= (W - M) * MM + 1
        assert y0 >= 0 and y1 <= H * MM - 8 * MM


@poppler
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_says_only_what_the_knowledge_base_and_the_sample_say(decks, knowledge, lang):
    path, example, _, s = decks[lang]
    text = _text(path)
    assert "Wildberries" in text and ("Тональность" in text or "Sentiment" in text)
    layout_numbers = re.compile(r"(?<!\S)\d(?!\S)")  # page and step numbers
    allowed = "\n".join([knowledge.facts_text(), s.from_name, s.sender_title, s.from_email,
                         s.sender_phone, *example.stated])
    assert check_outgoing(layout_numbers.sub(" ", text), allowed=allowed) == []
    folded = " ".join(text.split()).casefold()
    for unconfirmed in ("подтвердит менеджер", "manager will confirm", "карт", "2гис",
                        "maps", "2gis", "стоимост", "pricing", "тестов", "trial"):
        assert unconfirmed not in folded, unconfirmed


@poppler
def test_the_english_deck_is_english(decks):
    path, example, _, _ = decks["en"]
    text = _text(path)
    assert not CYRILLIC.search(text), CYRILLIC.search(text)
    assert "Napoleon IT Otzyvy" in text and "packaging" in text
    assert example.facts.company == "A coffee producer"


@poppler
def test_the_example_quotes_a_real_review_and_real_figures(decks):
    path, example, _, _ = decks["ru"]
    sample = PROJECT_ROOT / "knowledge" / "deck_sample_reviews.csv"
    with sample.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    said = [r for r in rows if r["product"] == example.worst.product
            and r["sentiment"] == "negative" and r["text"] == example.quote]
    assert len(said) == example.quote_times >= 2
    negative = [r for r in rows if r["product"] == example.worst.product
                and r["sentiment"] == "negative"]
    share = round(100 * len(negative) / sum(r["product"] == example.worst.product for r in rows))
    text = " ".join(_text(path).split())
    assert f"{share} %" in text and f"«{example.quote}»" in text
    assert "Бодрое утро" not in text  # the sample company stays anonymous


def test_text_that_does_not_fit_fails_the_build(knowledge, tmp_path):
    from sales_agent.brain.knowledge import KnowledgeBase
    from sales_agent.settings import load_settings

    kb_dir = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", kb_dir)
    product = kb_dir / "product.yaml"
    long = "Очень длинное описание возможности. " * 40
    product.write_text(product.read_text(encoding="utf-8").replace(
        'ru: "Отчёты по товарам, площадкам и периодам"', f'ru: "{long}"'), encoding="utf-8")
    settings = load_settings(knowledge_dir=kb_dir)
    with pytest.raises(DeckOverflow, match="needs"):
        build(KnowledgeBase.load(kb_dir), settings, tmp_path / "p.pdf", "ru")


class TestWriterAttachesTheLeadsDeck:
    async def _attachments(self, settings, knowledge, lang: str) -> tuple[str, ...]:
        ctx = WriteContext(contact=make_contact(language=lang), language=lang)
        return (await ReplyWriter(settings, knowledge).write("presentation", ctx)).attachments

    async def test_english_leads_get_the_english_deck(self, writer_settings, knowledge, tmp_path):
        s = writer_settings()
        (s.attachments_dir / "presentation_en.pdf").write_bytes(b"%PDF-1.4\n")
        assert await self._attachments(s, knowledge, "en") == ("presentation_en.pdf",)
        assert await self._attachments(s, knowledge, "ru") == ("presentation.pdf",)

    async def test_without_an_english_deck_the_russian_one_goes(self, writer_settings,
                                                               knowledge):
        s = writer_settings()
        assert not (s.attachments_dir / "presentation_en.pdf").exists()
        assert await self._attachments(s, knowledge, "en") == ("presentation.pdf",)
