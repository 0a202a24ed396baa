"""What the services need from intake, redaction and scoring, as structural types.

The real ``core.intake.IntakePool``, ``anonymize.Redactor`` and ``core.scoring.Scorer`` satisfy
these protocols; tests and the GUI's tests pass small fakes that do too. Only the attributes the
services use are listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from core.domain import Requirement, Score


class IntakeLike(Protocol):
    def extract_many(self, sources: Iterable[Any]) -> Iterator[tuple[Any, Any]]: ...


class RedactorLike(Protocol):
    def redact(self, text: str, language: str | None = None) -> Any: ...


class EncoderLike(Protocol):
    @property
    def model_hash(self) -> str: ...
    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


class ScorerLike(Protocol):
    @property
    def model_version(self) -> str: ...
    def rank(
        self,
        requirements: Sequence[Requirement],
        texts: Mapping[int, str],
        *,
        job_text: str | None = None,
    ) -> Iterator[tuple[int, Score]]: ...
