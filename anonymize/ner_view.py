"""Run spaCy's NER only where it can matter, and hand recognizers plain entities.

NER is most of the cost of redaction. A line whose capitalised words are all allow-listed skills,
resume verbs, function words or words of allow-listed phrases ("- Built Kafka and Spark
pipelines", "- Shipped it on Spring Boot") cannot yield a name or a place that we would keep (the
recognizers drop entities on allow-listed words), so only the other lines are joined into a
shorter "view" for spaCy; entity offsets are mapped back to the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from anonymize.allowlist import Allowlist, overlaps

_CAPITALISED = re.compile(r"(?<![\w@./])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*")
_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        """a an and as at but by for from has have i in into is it its of on or our over per the
        their this to under up via was we were will with within without""",
    )
)


@dataclass(frozen=True)
class NerToken:
    idx: int
    text: str
    is_punct: bool
    is_space: bool


@dataclass(frozen=True)
class NerEntity:
    """A spaCy entity in original-text offsets (what our recognizers read)."""

    label_: str
    start_char: int
    end_char: int
    text: str
    tokens: tuple[NerToken, ...]

    def __iter__(self) -> Iterator[NerToken]:
        return iter(self.tokens)


@dataclass(frozen=True)
class NerArtifacts:
    """Stands in for Presidio's NlpArtifacts: our recognizers only read ``entities``."""

    entities: tuple[NerEntity, ...]


EMPTY = NerArtifacts(())


@dataclass(frozen=True)
class View:
    text: str
    view_starts: tuple[int, ...]  # start of each kept line in the view
    orig_starts: tuple[int, ...]  # ... and in the original text

    def to_original(self, pos: int) -> int:
        i = bisect.bisect_right(self.view_starts, pos) - 1
        return self.orig_starts[i] + (pos - self.view_starts[i])


def _worth_ner(
    line: str, offset: int, allowlist: Allowlist, protected: tuple[tuple[int, int], ...]
) -> bool:
    for match in _CAPITALISED.finditer(line):
        word = match.group()
        low = word.casefold().strip("'’-")
        if low in _FUNCTION_WORDS or word in allowlist:
            continue
        if overlaps(protected, offset + match.start(), offset + match.end()):
            continue  # part of an allow-listed phrase ("Spring Boot", "GitHub Actions")
        return True
    return False


def make_view(text: str, allowlist: Allowlist) -> View:
    parts: list[str] = []
    view_starts: list[int] = []
    orig_starts: list[int] = []
    offset = 0
    length = 0
    protected = allowlist.protected(text)
    for line in text.split("\n"):
        if line.strip() and _worth_ner(line, offset, allowlist, protected):
            view_starts.append(length)
            orig_starts.append(offset)
            parts.append(line)
            length += len(line) + 1
        offset += len(line) + 1
    return View("\n".join(parts), tuple(view_starts), tuple(orig_starts))


def artifacts(doc: object, view: View, labels: frozenset[str]) -> NerArtifacts:
    """Entities of a spaCy Doc over ``view``, in original offsets."""
    ents = []
    for ent in getattr(doc, "ents", ()):
        if ent.label_ not in labels:
            continue
        tokens = tuple(
            NerToken(view.to_original(t.idx), t.text, t.is_punct, t.is_space) for t in ent
        )
        start = view.to_original(ent.start_char)
        ents.append(NerEntity(ent.label_, start, start + len(ent.text), ent.text, tokens))
    return NerArtifacts(tuple(ents))
