"""Consistent numbered placeholders within one document.

The same person gets the same ``<PERSON_n>`` every time, partial mentions included ("Amaka Obi",
"Ms. Obi", "OBI"); the same email, phone, address ... gets the same number. Gender cues are
numbered per occurrence, so swapping "he" for "she" (or "his" for "her") never changes the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymize.types import EMAIL, GENDER, PERSON, PHONE, Span

_INITIAL_OR_TITLE = re.compile(
    r"^(?:[^\W\d_]\.?|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|madam|rev|van|von|der|den|de|"
    r"da|del|della|di|du|le|la|bin|binti|al|el|ibn|jr|sr|ii|iii)$",
    re.IGNORECASE,
)


def _norm(kind: str, value: str) -> str:
    if kind == PHONE:
        return re.sub(r"\D", "", value)[-9:]
    if kind == EMAIL:
        return value.casefold().replace(" ", "")
    return " ".join(value.split()).casefold()


def _name_words(value: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_][\w'’\-]*\.?", value.casefold())
    kept = frozenset(w.rstrip(".") for w in words if not _INITIAL_OR_TITLE.match(w))
    if kept:
        return kept
    # Chinese names have no spaces: the name itself, and its surname (first character) is the key
    return frozenset({value.strip().casefold()})


class PlaceholderBook:
    """Assigns placeholders for one document and remembers the originals."""

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._keys: dict[tuple[str, str], str] = {}
        self._clusters: list[set[str]] = []

    def _new(self, kind: str, original: str) -> str:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        placeholder = f"<{kind}_{self._counts[kind]}>"
        self.mapping[placeholder] = original
        return placeholder

    def placeholder(self, kind: str, original: str) -> str:
        if kind == GENDER:
            return self._new(kind, original)
        if kind == PERSON:
            return self._person(original)
        key = (kind, _norm(kind, original))
        if key not in self._keys:
            self._keys[key] = self._new(kind, original)
        return self._keys[key]

    def cluster_people(self, names: Sequence[str]) -> None:
        """Group mentions of the same person (longest first, so "Obi" joins "Amaka Obi")."""
        for name in sorted(names, key=len, reverse=True):
            words = set(_name_words(name))
            for cluster in self._clusters:
                if words <= cluster or cluster <= words:
                    cluster |= words
                    break
            else:
                self._clusters.append(words)

    def _person(self, original: str) -> str:
        words = set(_name_words(original))
        index = next(
            (i for i, c in enumerate(self._clusters) if words <= c or c <= words),
            None,
        )
        if index is None:
            self._clusters.append(words)
            index = len(self._clusters) - 1
        key = (PERSON, str(index))
        if key not in self._keys:
            self._keys[key] = self._new(PERSON, original)
        placeholder = self._keys[key]
        if len(original) > len(self.mapping[placeholder]):
            self.mapping[placeholder] = original
        return placeholder


def apply(text: str, spans: Sequence[Span]) -> tuple[str, dict[str, str]]:
    """The redacted text and placeholder -> original mapping; spans must not overlap."""
    book = PlaceholderBook()
    ordered = sorted(spans, key=lambda s: s.start)
    book.cluster_people([text[s.start : s.end] for s in ordered if s.type == PERSON])
    parts: list[str] = []
    cursor = 0
    for span in ordered:
        parts.append(text[cursor : span.start])
        parts.append(book.placeholder(span.type, text[span.start : span.end]))
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts), book.mapping
