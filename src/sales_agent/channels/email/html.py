"""HTML bodies: cut quoted history by its markup, then turn what is left into plain text.

Quotes are cut before the conversion: in HTML the clients mark them (Gmail `gmail_quote`,
Apple/Thunderbird/Yandex/Mail.ru `blockquote`, Outlook `divRplyFwdMsg` with the old message in the
siblings after it, CRMs such as amoCRM a `div` whose class names a quote), which is surer than
guessing from text.

One pass over the tree, iterative, no tree surgery: the time is linear in the size of the HTML
whatever its shape (a megabyte of nested or unclosed `<div>`s, nested tables). libxml2 stops
descending at depth 256, so a deeper document keeps only what came before.
"""

from __future__ import annotations

import re

from lxml import etree

# An element that starts the quoted history: it and every later sibling are the old message.
_CUT_IDS = {"divrplyfwdmsg", "mail-editor-reference-message-container", "appendonsend"}
_CUT_CLASSES = {"moz-cite-prefix", "yahoo_quoted", "gmail_attr"}
# An element that is quoted history by itself (its tail is new text again).
_QUOTE_CLASSES = {"gmail_quote", "gmail_quote_container", "moz-forward-container",
                  "yandex_quote", "mailru_quote", "quote", "amo-quote", "amocrm_quote",
                  "reply_quote", "bx-quote", "protonmail_quote", "zmail_extra"}
_ALWAYS_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "object"}
_BLOCKS = {"p", "div", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table",
           "blockquote", "pre", "hr", "section", "article", "header", "footer", "dl", "dt",
           "dd", "address", "center", "form", "fieldset", "nav", "aside", "main", "figure"}
_LINE_BREAKS = _BLOCKS | {"br"}
_SPACES = re.compile(r"[ \t\r\f\v]+")


def _root(html: str) -> etree._Element | None:
    if not html.strip():
        return None
    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True,
                              remove_pis=True, huge_tree=False)
    try:
        return etree.fromstring(html, parser)
    except (etree.ParserError, ValueError):  # nothing parseable, or an encoding declaration
        try:
            return etree.fromstring(html.encode("utf-8", "replace"), parser)
        except (etree.ParserError, ValueError):
            return None


def _classes(el: etree._Element) -> set[str]:
    value = el.get("class")
    return set(value.lower().split()) if value else set()


def _starts_history(el: etree._Element) -> bool:
    """Outlook, Thunderbird, Yahoo: the header of the old message; the rest of the level is it."""
    return ((el.get("id") or "").lower() in _CUT_IDS or bool(_classes(el) & _CUT_CLASSES))


def _is_quote(tag: str, el: etree._Element) -> bool:
    if tag == "blockquote":
        return True
    classes = _classes(el)
    return bool(classes & _QUOTE_CLASSES) or any(c.endswith(("_quote", "-quote")) for c in classes)


def _walk_text(root: etree._Element, cut_quotes: bool) -> str:
    """Text of the tree: blocks and <br> become line breaks. `cut_quotes` leaves history out.

    lxml's iterwalk does the walking in C; a quote's subtree is skipped, not visited. After a
    history header (Outlook's divRplyFwdMsg) its later siblings are skipped too, tails and all,
    until the walk leaves their parent."""
    out: list[str] = []
    emit = out.append
    depth = 0
    cut_depth = 0  # > 0: siblings at this depth are history, up to their parent's end
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            depth += 1
            if cut_depth == depth:
                walker.skip_subtree()
                continue
            if tag in _ALWAYS_SKIP or (cut_quotes and el.attrib and _starts_history(el)):
                if tag not in _ALWAYS_SKIP:
                    cut_depth = depth
                walker.skip_subtree()
                continue
            if cut_quotes and (tag == "blockquote" or (el.attrib and _is_quote(tag, el))):
                emit("\n")
                walker.skip_subtree()
                continue
            if tag in _LINE_BREAKS:
                emit("\n")
            if el.text:
                emit(el.text)
            continue
        if cut_depth and depth == cut_depth:  # history: no tail either
            depth -= 1
            continue
        if cut_depth and depth == cut_depth - 1:
            cut_depth = 0  # left the parent of the history: new text again
        depth -= 1
        if tag in _BLOCKS:
            emit("\n")
        if el.tail:
            emit(el.tail)
    return "".join(out)


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(html: str, cut_quotes: bool = True) -> str:
    """Readable text: blocks and <br> become line breaks, spaces collapsed."""
    root = _root(html)
    return "" if root is None else _tidy(_walk_text(root, cut_quotes))


def has_quote_markup(html: str) -> bool:
    """True when the HTML marks quoted history (a client's quote element)."""
    root = _root(html)
    if root is None:
        return False
    for el in root.iter(etree.Element):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if _starts_history(el) or _is_quote(tag, el):
            return True
    return False


def strip_html_quote(html: str) -> str:
    """The same HTML with the quoted history removed."""
    root = _root(html)
    if root is None:
        return ""
    history: list[etree._Element] = []  # removed with their tails: all of it is old text
    quotes: list[etree._Element] = []  # removed, their tails kept
    cut_parents: set[etree._Element] = set()
    for el in root.iter(etree.Element):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        parent = el.getparent()
        if parent in cut_parents:
            continue
        if _starts_history(el) and parent is not None:
            cut_parents.add(parent)
            prev = el.getprevious()
            if prev is not None and prev.tag == "hr":  # Outlook's rule above the header
                history.append(prev)
            history.extend([el, *el.itersiblings()])
        elif _is_quote(tag, el) or tag in ("script", "style"):
            quotes.append(el)
    for el in history:
        if el.getparent() is not None:
            el.getparent().remove(el)
    for el in quotes:
        if el.getparent() is not None:
            _drop_keeping_tail(el)
    return etree.tostring(root, method="html", encoding="unicode")


def _drop_keeping_tail(el: etree._Element) -> None:
    parent, prev, tail = el.getparent(), el.getprevious(), el.tail or ""
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    elif parent is not None:
        parent.text = (parent.text or "") + tail
    if parent is not None:
        parent.remove(el)
