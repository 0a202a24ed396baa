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
    """One pattern-table entry: the span is the named group ``v`` if the regex has one."""

    entity: str
    regex: re.Pattern[str]
    score: float = 0.8
    validate: Callable[[str], bool] | None = None


def rule(
    entity: str,
    pattern: str,
    score: float = 0.8,
    flags: int = 0,
    validate: Callable[[str], bool] | None = None,
) -> Rule:
    return Rule(entity, re.compile(pattern, flags), score, validate)


class PatternTableRecognizer(ResumeRecognizer):
    """Runs a table of rules; subclasses set ``RULES`` (and ``ENTITIES``)."""

    RULES: Sequence[Rule] = ()

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        for entry in self.RULES:
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
