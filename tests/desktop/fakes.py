"""A fast, deterministic stand-in for the scorer (the model is not what the GUI tests test).

It finds each requirement's words in the redacted text and reports the line as evidence, with
real offsets, so the checklist and the evidence highlight are exercised for real.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from anonymize.types import RedactionResult, Span
from core.domain import Evidence, Requirement, RequirementScore, Score


class KeywordScorer:
    model_version = "keyword-test@1"

    def __init__(self, delay_s: float = 0.0) -> None:
        self.delay_s = delay_s
        self.scored = 0

    def _requirement(self, req: Requirement, text: str) -> RequirementScore:
        lowered = text.lower()
        words = [w for w in req.text.lower().replace(",", " ").split() if len(w) > 2]
        found = [w for w in words if w in lowered]
        satisfaction = len(found) / len(words) if words else 0.0
        evidence = None
        if found:
            at = lowered.index(found[0])
            start = lowered.rfind("\n", 0, at) + 1
            end = lowered.find("\n", at)
            end = len(text) if end < 0 else end
            evidence = Evidence(start, end, text[start:end], round(0.4 + 0.5 * satisfaction, 3))
        return RequirementScore(
            req, satisfaction, evidence.similarity if evidence else 0.1, evidence, tuple(found)
        )

    def score(self, requirements: Sequence[Requirement], text: str) -> Score:
        parts = tuple(self._requirement(r, text) for r in requirements)
        total = sum(r.weight * (2 if r.must else 1) for r in requirements) or 1.0
        value = sum(
            p.satisfaction * p.requirement.weight * (2 if p.requirement.must else 1) for p in parts
        )
        return Score(round(100.0 * value / total, 2), parts)

    def rank(
        self,
        requirements: Sequence[Requirement],
        texts: Mapping[int, str],
        *,
        job_text: str | None = None,
    ) -> Iterator[tuple[int, Score]]:
        for cid, text in texts.items():
            if self.delay_s:
                # stands in for the encoder's forward pass, which releases the GIL like this
                time.sleep(self.delay_s)
            self.scored += 1
            yield cid, self.score(requirements, text)


def keyword_scorer_factory(delay_s: float = 0.0) -> Any:
    def factory(_encoder: Any, _cache: Any) -> KeywordScorer:
        return KeywordScorer(delay_s)

    return factory


class PatternRedactor:
    """Replaces e-mails, phone numbers and the first line (the name) of a resume with
    placeholders; enough for the GUI's tests, which test the GUI, not redaction."""

    def redact(self, text: str, language: str | None = None) -> RedactionResult:
        import re

        patterns = [
            ("EMAIL", re.compile(r"\S+@\S+\.\w+")),
            ("PHONE", re.compile(r"\+\d[\d ]{7,}\d")),
        ]
        first_line = text.split("\n", 1)[0].strip()
        spans: list[Span] = []
        if first_line:
            spans.append(Span("PERSON", 0, len(first_line), 1.0, "test"))
        for kind, pattern in patterns:
            spans.extend(
                Span(kind, m.start(), m.end(), 1.0, "test") for m in pattern.finditer(text)
            )
        spans.sort(key=lambda s: s.start)
        mapping: dict[str, str] = {}
        out: list[str] = []
        last = 0
        counts: dict[str, int] = {}
        for span in spans:
            counts[span.type] = counts.get(span.type, 0) + 1
            placeholder = f"<{span.type}_{counts[span.type]}>"
            mapping[placeholder] = text[span.start : span.end]
            out.append(text[last : span.start])
            out.append(placeholder)
            last = span.end
        out.append(text[last:])
        return RedactionResult("".join(out), tuple(spans), mapping, language or "en")
