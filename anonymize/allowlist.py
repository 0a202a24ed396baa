"""Skills, tools, languages, certifications and job titles that are never redacted.

The curated list lives in ``data/allowlist.txt`` (English and Chinese). Matching is
case-insensitive on a whole span, or token by token for spans that are only allow-listed words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(r"[^\s,;/|()]+")


@lru_cache(maxsize=1)
def builtin_terms() -> frozenset[str]:
    """The curated terms, case-folded."""
    text = resources.files("anonymize").joinpath("data/allowlist.txt").read_text(encoding="utf-8")
    terms = (line.strip() for line in text.splitlines())
    return frozenset(term.casefold() for term in terms if term and not term.startswith("#"))


class Allowlist:
    """Membership tests over the built-in terms plus a caller's extra terms."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self._terms = builtin_terms() | frozenset(term.casefold() for term in extra)

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and _norm(phrase) in self._terms

    def covers(self, phrase: str) -> bool:
        """True if the phrase, or every token of it, is an allow-listed term."""
        norm = _norm(phrase)
        if not norm:
            return False
        if norm in self._terms:
            return True
        tokens = _TOKEN.findall(norm)
        return bool(tokens) and all(token.strip(".:") in self._terms for token in tokens)


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).strip(" .,:;'\"()").casefold()
