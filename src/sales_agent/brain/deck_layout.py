"""Slides on A4 landscape with fpdf2: every text goes into a box it must fit.

`box()` measures the text first (multi_cell dry run) and steps the font down to a floor; text
that still does not fit raises `DeckOverflow`, so an operator's longer wording fails the build
instead of spilling over a card. Every box drawn is recorded in `boxes` for the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from ..errors import SalesAgentError

NAVY, ACCENT, CARD, GREY = (31, 42, 68), (228, 87, 46), (242, 244, 248), (96, 104, 122)
WHITE, PALE = (255, 255, 255), (206, 214, 232)
W, H, M = 297.0, 210.0, 18.0  # A4 landscape, margin (mm)
PT = 0.3528  # mm per point
LEADING = 1.3  # line height as a multiple of the font size


class DeckOverflow(SalesAgentError):
    """A slide's text does not fit its box even at the smallest allowed size."""


@dataclass(frozen=True)
class Box:
    page: int
    x: float
    y: float
    w: float
    h: float
    needed: float  # height the text takes at the size used
    size: float
    text: str


def _font_dir() -> Path:
    import matplotlib  # ships DejaVu, which has Cyrillic

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


class Slides(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.footer_text = footer_text
        fonts = _font_dir()
        self.add_font("Sans", "", str(fonts / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.add_font("Sans", "I", str(fonts / "DejaVuSans-Oblique.ttf"))
        self.set_auto_page_break(False)
        self.set_margins(M, M, M)
        self.c_margin = 0  # text starts exactly at the box's left edge
        self.boxes: list[Box] = []

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_draw_color(*CARD)
        self.line(M, H - 14, W - M, H - 14)
        self.box(M, H - 12, W - 2 * M, 6, f"{self.footer_text}   ·   {self.page_no()}", 9,
                 color=GREY, align="R", shrink=False)

    def box(self, x: float, y: float, w: float, h: float, text: str, size: float, *,
            style: str = "", color: tuple[int, int, int] = NAVY, align: str = "L",
            min_size: float | None = None, shrink: bool = True) -> float:
        """Write `text` inside (x, y, w, h); returns the height it took."""
        floor = min_size if min_size is not None else (size * 0.7 if shrink else size)
        current = size
        while True:
            needed = self._height(text, w, current, style)
            if needed <= h + 0.01:
                break
            if current - 0.5 < floor:
                raise DeckOverflow(f"page {self.page_no()}: {text[:60]!r} needs {needed:.1f} mm, "
                                   f"the box has {h:.1f} mm")
            current -= 0.5
        self.set_font("Sans", style, current)
        self.set_text_color(*color)
        self.set_xy(x, y)
        self.multi_cell(w, current * PT * LEADING, text, align=align, new_x=XPos.LEFT,
                        new_y=YPos.NEXT)
        self.boxes.append(Box(self.page_no(), x, y, w, h, needed, current, text))
        return needed

    def measure(self, text: str, w: float, size: float, style: str = "") -> float:
        """The height `text` takes in a box `w` wide at `size` points."""
        return self._height(text, w, size, style)

    def _height(self, text: str, w: float, size: float, style: str) -> float:
        self.set_font("Sans", style, size)
        return float(self.multi_cell(w, size * PT * LEADING, text, dry_run=True,
                                     output=MethodReturnValue.HEIGHT))

    def card(self, x: float, y: float, w: float, h: float,
             fill: tuple[int, int, int] = CARD) -> None:
        self.set_fill_color(*fill)
        self.rect(x, y, w, h, style="F", round_corners=True, corner_radius=3)

    def slide(self, title: str) -> None:
        self.add_page()
        self.set_fill_color(*ACCENT)
        self.rect(M, M, 14, 2.2, style="F")
        self.box(M, M + 5, W - 2 * M, 14, title, 26, style="B")
