"""HTML bodies: cut quoted history by its markup, then turn what is left into plain text.

Quotes are cut before the conversion: in HTML the clients mark them (Gmail `gmail_quote`,
Apple/Thunderbird/Yandex/Mail.ru `blockquote`, Outlook `divRplyFwdMsg` with the old message in the
siblings after it), which is surer than guessing from text.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.element import Tag

_DROP_WITH_FOLLOWING = ("#divRplyFwdMsg", "#mail-editor-reference-message-container",
                        "div.moz-cite-prefix", "#appendonsend", "div.yahoo_quoted")
_DROP = ("div.gmail_quote", "div.gmail_quote_container", "blockquote", "div.moz-forward-container",
         "script", "style", "head", "title")
_BLOCKS = {"p", "div", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table",
           "blockquote", "pre", "hr", "section", "article", "header", "footer"}


def _soup(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def _remove_quotes(soup: BeautifulSoup) -> None:
    for selector in _DROP_WITH_FOLLOWING:
        for el in soup.select(selector):
            if el.decomposed:
                continue
            for sib in list(el.find_next_siblings()):
                sib.decompose()
            prev = el.find_previous_sibling()
            if isinstance(prev, Tag) and prev.name == "hr":  # Outlook's rule above the header
                prev.decompose()
            el.decompose()
    for selector in _DROP:
        for el in soup.select(selector):
            if not el.decomposed:
                el.decompose()


def strip_html_quote(html: str) -> str:
    """The same HTML with the quoted history removed."""
    soup = _soup(html)
    _remove_quotes(soup)
    return str(soup)


def html_to_text(html: str, cut_quotes: bool = True) -> str:
    """Readable text: blocks and <br> become line breaks, spaces collapsed."""
    soup = _soup(html)
    if cut_quotes:
        _remove_quotes(soup)
    else:
        for el in soup.select("script, style, head, title"):
            el.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for el in soup.find_all(_BLOCKS):
        el.insert_before("\n")
        el.insert_after("\n")
    text = soup.get_text("").replace("\xa0", " ").replace("\u200b", "")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
