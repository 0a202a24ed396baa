"""Small fakes for the parts around the services' orchestration logic (not for what is tested)."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from anonymize.types import RedactionResult, Span
from core.domain import Requirement, RequirementScore, Score
from core.errors import IntakeError


@dataclass(frozen=True)
class FakeSource:
    label: str
    data: bytes | None
    error: IntakeError | None = None


@dataclass(frozen=True)
class FakeExtraction:
    text: str
    filename: str
    data: bytes
    sha256: str
    language: str = "en"
    pages: int = 1
    warnings: tuple[str, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    media_type: str = "text/plain"


class FakeIntake:
    """Decodes bytes as text; bytes starting with BROKEN fail like a damaged file."""

    def __init__(self, delay: float = 0.0, metadata: dict[str, str] | None = None) -> None:
        self.delay = delay
        self.metadata = metadata or {}
        self.extracted = 0
        self.closed = False

    def extract_many(self, sources: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        for source in sources:
            time.sleep(self.delay)
            self.extracted += 1
            if source.data.startswith(b"BROKEN"):
                yield source, IntakeError("This file is damaged and cannot be read.")
                continue
            name = source.label.rsplit("/", 1)[-1]
            yield (
                source,
                FakeExtraction(
                    text=source.data.decode(),
                    filename=name,
                    data=source.data,
                    sha256=hashlib.sha256(source.data).hexdigest(),
                    metadata=dict(self.metadata),
                ),
            )

    def close(self) -> None:
        self.closed = True


class FakeRedactor:
    """Redacts capitalised words from a fixed list of names, and e-mail addresses."""

    NAMES = ("Alice", "Bob", "Carol", "Zhang", "Okafor")
    _PATTERN = re.compile(r"\b(?:" + "|".join(NAMES) + r")\b|\S+@\S+\.\w+")

    def __init__(self) -> None:
        self.calls = 0
        self.threads: set[str] = set()

    def redact(self, text: str, language: str | None = None) -> RedactionResult:
        self.calls += 1
        self.threads.add(threading.current_thread().name)
        mapping: dict[str, str] = {}
        by_value: dict[str, str] = {}
        spans = []
        for m in self._PATTERN.finditer(text):
            kind = "EMAIL" if "@" in m.group() else "PERSON"
            if m.group() not in by_value:
                n = sum(1 for p in mapping if p.startswith(f"<{kind}_")) + 1
                by_value[m.group()] = f"<{kind}_{n}>"
                mapping[by_value[m.group()]] = m.group()
            spans.append(Span(kind, m.start(), m.end(), 1.0, "fake"))
        out = self._PATTERN.sub(lambda m: by_value[m.group()], text)
        return RedactionResult(out, tuple(spans), mapping, language or "en")


class FakeScorer:
    """Scores by word overlap; ``prepare`` and ``rank`` count what a real encoder would encode,
    going through the embedding cache given (the workspace's) like the real scorer."""

    model_version = "fake-model@1"
    MODEL_HASH = "fakehash"

    def __init__(self, cache: Any, counter: dict[str, int]) -> None:
        self.cache = cache
        self.counter = counter

    def _embed(self, texts: Sequence[str]) -> None:
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        have = self.cache.get_many(self.MODEL_HASH, keys) if self.cache is not None else {}
        missing = {k: b"\x00" * 4 for k in keys if k not in have}
        self.counter["encoded"] = self.counter.get("encoded", 0) + len(missing)
        self.counter["hits"] = self.counter.get("hits", 0) + len(keys) - len(missing)
        if self.cache is not None and missing:
            self.cache.put_many(self.MODEL_HASH, missing)

    def prepare(self, texts: Sequence[str]) -> None:
        self._embed(texts)

    def rank(
        self,
        requirements: Sequence[Requirement],
        texts: Mapping[int, str],
        *,
        job_text: str | None = None,
    ) -> Iterator[tuple[int, Score]]:
        self.counter["job_text"] = int(bool(job_text))
        self._embed(list(texts.values()))
        for cid, text in texts.items():
            words = set(text.lower().split())
            parts = []
            for req in requirements:
                hit = req.text.lower() in words
                parts.append(
                    RequirementScore(
                        req, 1.0 if hit else 0.0, 0.0, matched=(req.text,) if hit else ()
                    )
                )
            score = 100.0 * sum(p.satisfaction for p in parts) / max(1, len(parts))
            yield cid, Score(score, tuple(parts))


def fake_scorer_factory(counter: dict[str, int]) -> Any:
    def factory(encoder: Any, cache: Any) -> FakeScorer:
        return FakeScorer(cache, counter)

    return factory
