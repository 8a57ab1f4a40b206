"""Russian -> English words for review topics, sentiment and kinds of business (knowledge/).

`term("упаковка", "en")` -> "packaging"; `term("packaging", "ru")` -> "упаковка"; a word the
glossary does not know comes back as given, so a new topic in a review file never breaks a letter
or a chart — it only stays untranslated until an operator adds it to knowledge/glossary.yaml.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..settings import PROJECT_ROOT

__all__ = ["Glossary", "load_glossary", "term"]

DEFAULT_PATH = PROJECT_ROOT / "knowledge" / "glossary.yaml"


def _key(word: str) -> str:
    return " ".join(word.casefold().replace("ё", "е").split())


class Glossary:
    def __init__(self, sections: dict[str, dict[str, str]]) -> None:
        self.sections = sections
        self._en: dict[str, str] = {}
        self._ru: dict[str, str] = {}
        for mapping in sections.values():
            for ru, en in mapping.items():
                self._en.setdefault(_key(ru), en)
                self._ru.setdefault(_key(en), ru)

    def term(self, word: str, lang: str) -> str:
        """The word in `lang` ("en" or "ru"); unknown words (and any other lang) as given."""
        table = self._en if lang == "en" else self._ru if lang == "ru" else None
        if table is None or not word.strip():
            return word
        found = table.get(_key(word))
        if found is None and lang == "en":
            found = table.get(_key(_lemma_phrase(word)))
        if found is None:
            return word
        return found[:1].upper() + found[1:] if word[:1].isupper() else found

    def knows(self, word: str) -> bool:
        return _key(word) in self._en or _key(word) in self._ru


def _lemma_phrase(text: str) -> str:
    """«упаковку» -> «упаковка», so an inflected topic still finds its entry."""
    from .knowledge import lemmas  # pymorphy3 is loaded only when an exact match fails

    return " ".join(lemmas(text))


def load_glossary(path: Path | str = DEFAULT_PATH) -> Glossary:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"glossary {path}: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"glossary {path}: expected a mapping at the top")
    sections = {str(name): {str(k): str(v) for k, v in (mapping or {}).items()}
                for name, mapping in data.items()}
    return Glossary(sections)


@lru_cache(maxsize=1)
def _default() -> Glossary:
    return load_glossary()


def term(word: str, lang: str) -> str:
    """`word` in `lang` from knowledge/glossary.yaml; unknown words returned as given."""
    return _default().term(word, lang)
