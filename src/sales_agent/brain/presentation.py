"""The presentation sent to leads (`attachments/presentation.pdf`), made from the knowledge base.

    python -m sales_agent.brain.presentation [OUT.pdf] [--lang ru|en]

Six landscape pages, text only from `knowledge/product.yaml` and the sender's settings, so the PDF
never says more than the agent may say. An operator may replace the file with their own.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF, XPos, YPos

from ..settings import Settings, load_settings
from .knowledge import KnowledgeBase

NAVY, ACCENT, CARD, GREY = (31, 42, 68), (228, 87, 46), (242, 244, 248), (110, 118, 135)
W, H, M = 297.0, 210.0, 18.0  # A4 landscape, margin
_KEYS = ("does", "audience", "sources", "marketplaces", "maps", "confirm", "features", "demo",
         "data", "next", "reply", "security", "pricing", "integrations")
HEAD = {
    "ru": dict(zip(_KEYS, (
        "Что делают «Отзывы»", "Для кого", "Откуда отзывы", "Маркетплейсы", "Карты",
        "подключение подтвердит менеджер", "Возможности", "Как проходит демонстрация",
        "Данные, стоимость, интеграции", "Следующий шаг",
        "Ответьте на письмо — подберём время демонстрации на отзывах о Ваших товарах.",
        "Данные", "Стоимость", "Интеграции"), strict=True)),
    "en": dict(zip(_KEYS, (
        "What «Otzyvy» does", "Who it is for", "Where the reviews come from", "Marketplaces",
        "Maps", "a manager will confirm", "Features", "How the demo works",
        "Data, pricing, integrations", "Next step",
        "Reply to the message and we will find a time for a demo on reviews of your products.",
        "Data", "Pricing", "Integrations"), strict=True)),
}


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


class _Deck(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.footer_text = footer_text
        self.add_font("Sans", "", str(_font_dir() / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(_font_dir() / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(False)
        self.set_margins(M, M, M)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_xy(M, H - 12)
        self.set_font("Sans", "", 9)
        self.set_text_color(*GREY)
        self.cell(W - 2 * M, 6, f"{self.footer_text}    {self.page_no()}", align="R")

    def slide(self, title: str) -> None:
        self.add_page()
        self.set_fill_color(*ACCENT)
        self.rect(M, M, 14, 2.2, style="F")
        self.set_xy(M, M + 6)
        self.set_font("Sans", "B", 26)
        self.set_text_color(*NAVY)
        self.cell(W - 2 * M, 12, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(6)

    def para(self, text: str, size: float = 14, width: float | None = None,
             color: tuple[int, int, int] = NAVY, bold: bool = False) -> None:
        self.set_font("Sans", "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(width or W - 2 * M, size * 0.52, text, align="L", new_x=XPos.LEFT,
                        new_y=YPos.NEXT)

    def card(self, x: float, y: float, w: float, h: float, title: str, text: str = "") -> None:
        self.set_fill_color(*CARD)
        self.rect(x, y, w, h, style="F", round_corners=True, corner_radius=3)
        self.set_xy(x + 6, y + 6)
        self.para(title, 17, w - 12, bold=True)
        if text:
            self.ln(3)
            self.set_x(x + 6)
            self.para(text, 14, w - 12, GREY)

    def cards(self, items: list[tuple[str, str]], y: float, h: float, per_row: int = 3) -> None:
        gap = 8.0
        w = (W - 2 * M - gap * (per_row - 1)) / per_row
        for i, (title, text) in enumerate(items):
            row, col = divmod(i, per_row)
            self.card(M + col * (w + gap), y + row * (h + gap), w, h, title, text)


def build(kb: KnowledgeBase, settings: Settings, out: Path, language: str = "ru") -> Path:
    t = HEAD[language]
    deck = _Deck(kb.name)
    deck.set_title(kb.name)
    deck.set_author("Napoleon IT")
    deck.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))  # stable bytes for the same input

    deck.add_page()  # cover
    deck.set_fill_color(*NAVY)
    deck.rect(0, 0, W, H, style="F")
    deck.set_fill_color(*ACCENT)
    deck.rect(M, 70, 24, 3, style="F")
    deck.set_xy(M, 80)
    deck.para(kb.name, 40, color=(255, 255, 255), bold=True)
    deck.ln(6)
    deck.para(kb.text("tagline", language), 18, W - 3 * M, (220, 226, 240))
    deck.set_xy(M, H - 30)
    deck.para("Napoleon IT", 14, color=(220, 226, 240), bold=True)

    deck.slide(t["does"])
    deck.para(kb.text("summary", language), 17, W - 2 * M - 20)
    deck.ln(8)
    deck.para(t["audience"], 16, bold=True)
    deck.ln(3)
    for item in kb.items("audience", language):
        deck.para(f"•  {item}", 16)
        deck.ln(1.5)

    deck.slide(t["sources"])
    deck.para(t["marketplaces"], 16, bold=True)
    deck.cards([(name, "") for name in kb.sources("marketplaces", language)], deck.get_y() + 4, 24)
    deck.set_xy(M, 108)
    deck.para(t["maps"], 16, bold=True)
    deck.cards([(name, t["confirm"]) for name in kb.sources("maps", language)], 120, 38)

    deck.slide(t["features"])
    deck.cards(kb.features(language), deck.get_y() + 2, 56)

    deck.slide(t["demo"])
    steps = kb.product.get("demo", {}).get("steps", {}).get(language, [])
    deck.cards([(f"{i}", s) for i, s in enumerate(steps, 1)], deck.get_y() + 2, 48)
    deck.set_xy(M, 128)
    deck.para(kb.text("demo", language), 15, W - 2 * M - 20, GREY)

    deck.slide(t["data"])
    deck.cards([(t[k], kb.text(k, language)) for k in ("security", "pricing", "integrations")],
               deck.get_y() + 2, 80)

    deck.slide(t["next"])
    deck.para(t["reply"], 18, W - 2 * M - 30)
    deck.ln(12)
    contact = [settings.from_name, settings.sender_title, settings.from_email,
               settings.sender_phone]
    for line in (c for c in contact if c):
        deck.para(line, 14, bold=line == settings.from_name)
        deck.ln(2)

    out.parent.mkdir(parents=True, exist_ok=True)
    deck.output(str(out))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    settings = load_settings()
    parser.add_argument("out", nargs="?", type=Path,
                        default=settings.attachments_dir / "presentation.pdf")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.load(settings.knowledge_dir)
    print(build(kb, settings, args.out, args.lang))


if __name__ == "__main__":
    main()
