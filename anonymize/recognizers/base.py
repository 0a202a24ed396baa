"""What every Veil recognizer shares: a Presidio ``EntityRecognizer`` that yields plain hits,
and a pattern table (one small rule per line) for the cheap regex families."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from anonymize.engine import import_presidio

import_presidio()

from presidio_analyzer import EntityRecognizer, RecognizerResult  # noqa: E402

# A hit: (entity type, start, end, score)
Hit = tuple[str, int, int, float]


class ResumeRecognizer(EntityRecognizer):
    """Base of our recognizers: subclasses implement ``find`` and list ``ENTITIES``."""

    ENTITIES: tuple[str, ...] = ()

    def __init__(self, language: str = "en") -> None:
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=f"{type(self).__name__}",
            supported_language=language,
        )

    def load(self) -> None:
        return None

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        wanted = set(entities) if entities else set(self.ENTITIES)
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        return [
            RecognizerResult(kind, start, end, score, recognition_metadata=dict(metadata))
            for kind, start, end, score in self.find(text, nlp_artifacts)
            if kind in wanted and end > start
        ]


@dataclass(frozen=True)
class Rule:
    """One pattern-table entry: the span is the named group ``v`` if the regex has one.

    ``needs``: strings of which the text holds one wherever the regex matches (lower case if
    the regex ignores case); ``han``: the same for a CJK ideograph. Text without them skips the
    regex, which is most of a table's cost (each regex scans the whole resume); ``gate``, a test
    of the text that is true wherever the regex matches, does the same job. The gates are
    checked against the test data (tests/anonymize/test_fast_paths.py).
    """

    entity: str
    regex: re.Pattern[str]
    score: float = 0.8
    validate: Callable[[str], bool] | None = None
    needs: tuple[str, ...] = ()
    han: bool = False
    gate: Callable[[str], bool] | None = None
    first: str = ""  # the class of a match's first character, if given as ``first``


def rule(
    entity: str,
    pattern: str,
    score: float = 0.8,
    flags: int = 0,
    validate: Callable[[str], bool] | None = None,
    *,
    needs: str = "",
    han: bool = False,
    gate: Callable[[str], bool] | None = None,
    first: str = "",
) -> Rule:
    """``needs``: the strings a match must hold, separated by spaces (see ``Rule``).

    ``first``: a character class holding every character a match can start with; the pattern
    then opens with that lookahead, one test per position where the regex engine would otherwise
    try each alternative of a long case-insensitive alternation.
    """
    compiled = re.compile(f"(?={first}){pattern}" if first else pattern, flags)
    return Rule(entity, compiled, score, validate, tuple(needs.split()), han, gate, first)


HAN = re.compile(r"[\u4e00-\u9fff]")
# lower() mirrors IGNORECASE for every character but these (their matches under IGNORECASE
# include ASCII letters that lower() does not give: "ſ" ~ "s", Kelvin "K" ~ "k", "ı"/"İ" ~ "i")
_UNFOLDABLE = re.compile("[\u0130\u0131\u017f\u212a]")


def folded(text: str) -> str | None:
    """``text.lower()`` (same offsets) when substring tests in it mirror IGNORECASE, else None."""
    return None if _UNFOLDABLE.search(text) else text.lower()


def may_match(entry: Rule, text: str, lower: str | None, han: bool) -> bool:
    """False only if ``entry.regex`` cannot match ``text`` (its ``needs`` / ``han`` are absent)."""
    if entry.han and not han:
        return False
    if entry.gate is not None and not entry.gate(text):
        return False
    if not entry.needs:
        return True
    haystack = lower if entry.regex.flags & re.IGNORECASE else text
    return haystack is None or any(need in haystack for need in entry.needs)


class PatternTableRecognizer(ResumeRecognizer):
    """Runs a table of rules; subclasses set ``RULES`` (and ``ENTITIES``)."""

    RULES: Sequence[Rule] = ()

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        lower = folded(text)
        han = HAN.search(text) is not None
        for entry in self.RULES:
            if not may_match(entry, text, lower, han):
                continue
            has_value = "v" in entry.regex.groupindex
            for match in entry.regex.finditer(text):
                start, end = match.span("v") if has_value else match.span()
                if start < 0:
                    continue
                start, end = trim(text, start, end)
                if end <= start:
                    continue
                if entry.validate is not None and not entry.validate(text[start:end]):
                    continue
                yield entry.entity, start, end, entry.score


_EDGE = " \t\r\n.,;:|·•-–—()[]{}\"'“”‘’<>、，。；：（）"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with spaces or punctuation."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end
