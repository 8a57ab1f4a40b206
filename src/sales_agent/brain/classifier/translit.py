"""Russian typed in Latin letters («napishite cherez mesyac», «davaite v chetverg v 15»).

Dates and times in such a reply are read from its Cyrillic spelling: `to_cyrillic` is a plain
letter map (good enough for date words, not for display), `looks_translit` says when to use it.
"""

from __future__ import annotations

import re

_MULTI = (("shch", "щ"), ("sch", "щ"), ("yo", "ё"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
          ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("iy", "ий"),
          ("yy", "ый"), ("ey", "ей"), ("ay", "ай"), ("oy", "ой"))
_SINGLE = dict(zip("abvgdezijklmnoprstufhcyw'", "абвгдезийклмнопрстуфхцыв\u044c", strict=True))
_MULTI_RE = re.compile("|".join(k for k, _ in _MULTI))
_MULTI_MAP = dict(_MULTI)
# Words that only a Russian writing in Latin letters uses.
_MARKERS = re.compile(
    r"\b(?:cherez|zavtra|posle|nedel\w*|mesya[cts]\w*|davai\w*|davay\w*|pishite|napishite|"
    r"pozhal\w*|spasibo|spasib|chetverg\w*|pyatnic\w*|ponedel\w*|vtornik\w*|sred[auy]|"
    r"subbot\w*|prazdnik\w*|kvartal\w*|sleduyu\w*|sled|yanvar\w*|fevral\w*|dekabr\w*|"
    r"noyabr\w*|v\s+\d{1,2}|na\s+sled\w*|segodnya|poslezavtra|godu|goda)\b")


def looks_translit(text: str) -> bool:
    """No Cyrillic at all, and at least one word only transliterated Russian has."""
    return not re.search(r"[а-яё]", text, re.I) and bool(_MARKERS.search(text.lower()))


def to_cyrillic(text: str) -> str:
    low = _MULTI_RE.sub(lambda m: _MULTI_MAP[m[0]], text.lower())
    return "".join(_SINGLE.get(ch, ch) for ch in low)


__all__ = ["looks_translit", "to_cyrillic"]
