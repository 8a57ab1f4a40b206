"""The presentation sent to leads, in Russian and English, made from the knowledge base.

    python -m sales_agent.brain.presentation [--lang ru|en] [OUT.pdf]

Six landscape pages: cover, what the service does (features and confirmed marketplaces from
`knowledge/product.yaml`), the review chart drawn by the analytics from the sample reviews named
in `knowledge/deck.yaml`, one worked example computed from the same rows (with a real review
quote), how the demo goes, and the next step with the sender's contacts from the settings.
Nothing is typed into the slides that the knowledge base or the sample data do not say, and the
layout refuses text that does not fit its box (`DeckOverflow`).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from ..analytics.facts import CompanyFacts, ProductFacts
from ..analytics.format import format_share, format_share_en, plural_ru
from ..analytics.importer import parse_reviews
from ..analytics.stats import compute_facts, worst_product
from ..errors import ConfigError
from ..settings import Settings, load_settings
from . import wording
from .deck_layout import ACCENT, CARD, GREY, NAVY, PALE, WHITE, H, M, Slides, W
from .glossary import term
from .knowledge import KnowledgeBase
from .writer import PRESENTATION, PRESENTATION_EN

FILES = {"ru": PRESENTATION, "en": PRESENTATION_EN}


@dataclass
class Example:
    """The worked example: the sample's facts, localized, and the figures the slides state."""

    facts: CompanyFacts
    worst: ProductFacts
    quote: str
    quote_times: int
    stated: list[str] = field(default_factory=list)  # every filled sentence, for the guard


def _deck_config(knowledge_dir: Path) -> dict[str, Any]:
    path = knowledge_dir / "deck.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"presentation {path}: {e}") from None
    if not isinstance(data, dict) or not {"sample", "ru", "en"} <= data.keys():
        raise ConfigError(f"presentation {path}: needs `sample`, `ru` and `en`")
    return data


def _example(knowledge_dir: Path, cfg: dict[str, Any], lang: str) -> Example:
    sample = cfg["sample"]
    docs, _ = parse_reviews(knowledge_dir / sample["reviews"])
    company = sample["company"][lang]
    products_en = sample.get("products_en") or {}
    rows = []
    for doc in docs:  # the company's name hidden; English names for an English deck
        row = dict(doc, company=company, original_text=doc.get("text", ""))
        if lang == "en":
            row["product"] = products_en.get(doc["product"], doc["product"])
            row["marketplace"] = term(doc["marketplace"], "en")
        rows.append(row)
    facts = compute_facts(rows, company)
    worst = worst_product(facts)
    if worst is None or not worst.top_topic:
        raise ConfigError("presentation: the sample reviews have no product with complaints")
    said = Counter(r["original_text"] for r in rows if r["product"] == worst.product
                   and r["sentiment"] == "negative" and r["topic"] == worst.top_topic
                   and r["original_text"])
    quote, times = sorted(said.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if lang == "en":
        quote = (sample.get("quotes_en") or {}).get(quote, "")
        if not quote:
            raise ConfigError("presentation: add the English of the quoted review to "
                              "deck.yaml sample.quotes_en")
    return Example(facts, worst, quote, times)


def _plural(forms: list[str], n: int, lang: str) -> str:
    one, few, many = forms
    form = plural_ru(n, one, few, many) if lang == "ru" else (one if n == 1 else many)
    return form.format(n=wording.count(n, lang))


def build(kb: KnowledgeBase, settings: Settings, out: Path, language: str = "ru") -> Path:
    """Write the deck in `language` to `out`; returns `out`."""
    return build_deck(kb, settings, out, language)[0]


def build_deck(kb: KnowledgeBase, settings: Settings, out: Path,
               language: str = "ru") -> tuple[Path, Example, Slides]:
    lang = language if language in FILES else "ru"
    cfg = _deck_config(settings.knowledge_dir)
    t: dict[str, Any] = cfg[lang]
    example = _example(settings.knowledge_dir, cfg, lang)
    share = format_share if lang == "ru" else format_share_en
    marketplaces = kb.sources("marketplaces", lang, confirmed=True)

    name = kb.name if lang == "ru" else str(kb.product.get("product", {}).get("name_en")
                                            or kb.name)
    deck = Slides(name)
    deck.set_title(name)
    deck.set_author("Napoleon IT")
    deck.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))  # stable bytes for the same input
    _cover(deck, name, t, marketplaces)
    _features(deck, kb, t, lang, marketplaces)
    with tempfile.TemporaryDirectory() as tmp:
        _chart(deck, t, example, lang, marketplaces, Path(tmp))
    _case(deck, t, example, lang, share, marketplaces)
    _demo(deck, kb, t, lang)
    _next_step(deck, t, settings, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    deck.output(str(out))
    return out, example, deck


def _cover(deck: Slides, name: str, t: dict[str, Any], marketplaces: list[str]) -> None:
    deck.add_page()
    deck.set_fill_color(*NAVY)
    deck.rect(0, 0, W, H, style="F")
    deck.set_fill_color(*ACCENT)
    deck.rect(M, 62, 24, 3, style="F")
    deck.box(M, 72, W - 2 * M, 20, name, 40, style="B", color=WHITE)
    deck.box(M, 98, W - 3 * M, 24, t["cover"], 20, color=PALE)
    deck.box(M, 128, W - 3 * M, 10, "  ·  ".join(marketplaces), 14, color=PALE)
    deck.box(M, H - 30, 100, 8, "Napoleon IT", 14, style="B", color=WHITE)


def _features(deck: Slides, kb: KnowledgeBase, t: dict[str, Any], lang: str,
              marketplaces: list[str]) -> None:
    deck.slide(t["does"])
    features = kb.features(lang)
    top, bottom = 44.0, 160.0
    row = (bottom - top) / max(len(features), 1)
    for i, (title, text) in enumerate(features):
        y = top + i * row
        if i:
            deck.set_draw_color(*CARD)
            deck.line(M, y - 1.5, W - M, y - 1.5)
        deck.box(M, y + 1, 62, row - 4, title, 16, style="B", color=ACCENT)
        deck.box(M + 70, y + 1, W - 2 * M - 70, row - 4, text, 14)
    deck.card(M, 166, W - 2 * M, 20)
    names = "   ·   ".join(marketplaces)
    for x, w, text, size, color in ((M + 6, 60.0, t["platforms"], 14, GREY),
                                    (M + 70, W - 2 * M - 76, names, 16, NAVY)):
        height = deck.measure(text, w, size, "B")
        deck.box(x, 166 + max((20 - height) / 2, 1), w, min(height, 18), text, size, style="B",
                 color=color)  # centred in the band


def _chart(deck: Slides, t: dict[str, Any], ex: Example, lang: str, marketplaces: list[str],
           tmp: Path) -> None:
    from ..analytics.charts import draw_company_chart  # matplotlib only when a deck is built

    deck.slide(t["chart"])
    png = tmp / "chart.png"
    draw_company_chart(ex.facts, lang).savefig(png, dpi=150)  # ~190 ppi on the slide: sharp
    img_h = 136.0
    img_w = img_h * 1.5  # the chart is 12 x 8 inches
    deck.image(str(png), x=(W - img_w) / 2, y=38, w=img_w, h=img_h)
    caption = t["chart_caption"].format(
        company=ex.facts.company, reviews=_plural(t["reviews"], ex.facts.reviews, lang),
        marketplaces=wording.join(marketplaces, lang))
    deck.box(M, 177, W - 2 * M, 14, caption, 11, color=GREY, align="C")
    ex.stated.append(caption)


def _case(deck: Slides, t: dict[str, Any], ex: Example, lang: str, share: Any,
          marketplaces: list[str]) -> None:
    deck.slide(t["case"])
    f, p = ex.facts, ex.worst
    top = f.complaint_topics[0]
    note = t["case_note"].format(company=f.company, reviews=_plural(t["reviews"], f.reviews, lang),
                                 marketplaces=wording.join(marketplaces, lang))
    deck.box(M, 36, W - 2 * M, 8, note, 13, color=GREY)
    ex.stated.append(note)

    def topic(word: str) -> dict[str, str]:
        return {"topic": term(word, lang), "topic_acc": wording.accusative(word)}

    stats = [
        (t["worst_figure"].format(share=share(p.negative_share)),
         t["worst_text"].format(product=p.product, average=share(f.negative_share))),
        (t["topic_figure"].format(count=p.top_topic_count, negative=p.negative),
         t["topic_text"].format(product=p.product, **topic(p.top_topic or ""))),
        (t["company_figure"].format(share=share(top.share)),
         t["company_text"].format(**topic(top.topic))),
    ]
    gap = 8.0
    w = (W - 2 * M - 2 * gap) / 3
    for i, (figure, text) in enumerate(stats):
        x = M + i * (w + gap)
        deck.card(x, 50, w, 66)
        deck.box(x + 7, 56, w - 14, 18, figure, 32, style="B", color=ACCENT)
        deck.box(x + 7, 78, w - 14, 34, text, 13)
        ex.stated += [figure, text]
    quote = t["quote"].format(text=ex.quote)
    by = "— " + t["quote_by"].format(product=p.product,
                                    times=_plural(t["times"], ex.quote_times, lang))
    said = deck.box(M + 9, 132, W - 2 * M - 9, 24, quote, 24, style="I")
    told = deck.box(M + 9, 134 + said, W - 2 * M - 9, 12, by, 12, color=GREY)
    deck.set_fill_color(*ACCENT)
    deck.rect(M, 130, 2.2, said + told + 6, style="F")
    ex.stated += [quote, by]


def _demo(deck: Slides, kb: KnowledgeBase, t: dict[str, Any], lang: str) -> None:
    deck.slide(t["demo"])
    steps = kb.product.get("demo", {}).get("steps", {}).get(lang, [])
    gap = 8.0
    n = max(len(steps), 1)
    w = (W - 2 * M - gap * (n - 1)) / n
    for i, step in enumerate(steps):
        x = M + i * (w + gap)
        deck.card(x, 44, w, 70)
        deck.box(x + 7, 50, 20, 16, str(i + 1), 30, style="B", color=ACCENT)
        deck.box(x + 7, 72, w - 14, 38, step, 15)
    deck.box(M, 126, W - 2 * M - 20, 50, kb.text("demo", lang), 15, color=GREY)


def _next_step(deck: Slides, t: dict[str, Any], settings: Settings, lang: str) -> None:
    deck.slide(t["next"])
    deck.box(M, 44, W - 2 * M - 30, 30, t["reply"], 20)
    name = settings.from_name if lang == "ru" else (settings.from_name_en
                                                     or wording.latin(settings.from_name))
    title = settings.sender_title
    if lang == "en" and any("а" <= ch.lower() <= "я" for ch in title):
        title = ""  # a Russian job title stays out of the English deck
    lines = [(line, size, style) for line, size, style in (
        (name, 18, "B"), (title, 13, ""), (settings.from_email, 14, ""),
        (settings.sender_phone, 14, "")) if line]
    card_w, gap = 150.0, 3.0
    heights = [deck.measure(line, card_w - 16, size, style) for line, size, style in lines]
    deck.card(M, 84, card_w, sum(heights) + gap * (len(lines) - 1) + 16)
    y = 92.0
    for (line, size, style), height in zip(lines, heights, strict=True):
        deck.box(M + 8, y, card_w - 16, height, line, size, style=style,
                 color=NAVY if style else GREY)
        y += height + gap


def build_all(kb: KnowledgeBase, settings: Settings, directory: Path) -> list[Path]:
    """Both decks into `directory` under the names the writer attaches."""
    return [build(kb, settings, directory / name, lang) for lang, name in FILES.items()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    settings = load_settings()
    parser.add_argument("out", nargs="?", type=Path, default=None)
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.load(settings.knowledge_dir)
    out = args.out or settings.attachments_dir / FILES[args.lang]
    print(build(kb, settings, out, args.lang))


if __name__ == "__main__":
    main()
