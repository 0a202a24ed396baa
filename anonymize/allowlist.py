"""Skills, tools, languages, certifications and job titles that are never redacted.

The curated list lives in ``data/allowlist.txt`` (English and Chinese). Matching is
case-insensitive on a whole span, or token by token for spans that are only allow-listed words.
"""

from __future__ import annotations

import bisect
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


_WORD = re.compile(r"[^\s,;|()\[\]{}<>\"“”、，。；：]+")
_MAX_WORDS = 4
_RECENT = 256  # documents whose protected spans are kept


class Allowlist:
    """Membership tests over the built-in terms plus a caller's extra terms."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self._terms = builtin_terms() | frozenset(term.casefold() for term in extra)
        # first word of each term -> the most words a term starting with it has
        self._first: dict[str, int] = {}
        for term in self._terms:
            words = term.split()
            self._first[words[0]] = max(self._first.get(words[0], 0), len(words))
        # text -> its protected spans, for the last documents seen: the NER view of a whole
        # batch reads them before the recognizers of each document do
        self._recent: dict[str, tuple[tuple[int, int], ...]] = {}

    def protected(self, text: str) -> tuple[tuple[int, int], ...]:
        """Character spans of allow-listed terms in the text (longest phrase wins), sorted and
        disjoint."""
        cached = self._recent.get(text)
        if cached is not None:
            return cached
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        # a word holds no whitespace, so _norm(word) is just the strip and the casefold
        firsts = [self._first.get(w.strip(_STRIP).casefold(), 0) for _, _, w in words]
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            longest = firsts[i]
            if not longest:
                i += 1
                continue
            for size in range(min(longest, _MAX_WORDS, len(words) - i), 0, -1):
                start = words[i][0]
                end = words[i + size - 1][1]
                phrase = text[start:end]
                if "\n" in phrase and size > 1:
                    continue
                norm = _norm(phrase)
                if norm in self._terms:
                    stripped = phrase.rstrip(".:")
                    spans.append((start, start + len(stripped)))
                    i += size
                    break
            else:
                i += 1
        result = tuple(spans)
        if len(self._recent) >= _RECENT:
            self._recent.clear()  # one call, safe if another thread reads or writes meanwhile
        self._recent[text] = result
        return result

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


_STRIP = " .,:;'\"()"


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).strip(_STRIP).casefold()


def overlaps(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True if [start, end) overlaps one of ``Allowlist.protected``'s spans (sorted, disjoint:
    starts and ends both ascend, so the first span ending after ``start`` decides)."""
    i = bisect.bisect_right(spans, start, key=_end)
    return i < len(spans) and spans[i][0] < end


def _end(span: tuple[int, int]) -> int:
    return span[1]
