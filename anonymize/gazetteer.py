"""A multilingual gazetteer of given and family names (Latin script), and common English words
that are never taken for a name on their own. Data: ``data/*_names.txt`` (from Faker, MIT)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _read(name: str) -> frozenset[str]:
    text = resources.files("anonymize").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line and not line.startswith("#")
    )


@dataclass(frozen=True)
class Gazetteer:
    given: frozenset[str]
    family: frozenset[str]
    common: frozenset[str]

    def is_name(self, word: str) -> bool:
        low = word.casefold()
        return (low in self.given or low in self.family) and low not in self.common

    def is_family(self, word: str) -> bool:
        low = word.casefold()
        return low in self.family and low not in self.common

    def is_given(self, word: str) -> bool:
        low = word.casefold()
        return low in self.given and low not in self.common


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    from spacy.lang.en.stop_words import STOP_WORDS

    # words other recognizers own (gender, religion, status) or honorifics are not names alone
    owned = frozenset(
        {"male", "female", "man", "woman", "muslim", "hindu", "jewish", "catholic", "buddhist"}
        | {"sikh", "single", "married", "san", "sama", "kun", "chan", "sensei"}
    )
    common = _read("common_words.txt") | frozenset(w.casefold() for w in STOP_WORDS) | owned
    return Gazetteer(_read("given_names.txt"), _read("family_names.txt"), common)
