"""Fixtures: a real encrypted workspace (fast to make) and engines with fake heavy parts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.domain import Requirement
from core.services import Engines
from tests.core.services.fakes import FakeIntake, FakeRedactor, fake_scorer_factory

PASSPHRASE = "correct horse battery staple 42"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Any]:
    from core.storage import Workspace

    with Workspace.create(tmp_path / "test.veil", PASSPHRASE) as workspace:
        yield workspace


@pytest.fixture
def counter() -> dict[str, int]:
    return {}


@pytest.fixture
def engines(counter: dict[str, int]) -> Engines:
    return Engines(
        intake=FakeIntake(),
        redactor=FakeRedactor(),
        scorer_factory=fake_scorer_factory(counter),
    )


@pytest.fixture
def job_id(ws: Any) -> int:
    reqs = [Requirement("python"), Requirement("sql"), Requirement("kafka", must=False)]
    return int(ws.jobs.add("Data Engineer", "Python, SQL; Kafka is a plus.", reqs).id)


class CountingEncoder:
    """The real encoder, counting the texts it is asked to encode."""

    def __init__(self, encoder: Any) -> None:
        self._encoder = encoder
        self.texts = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._encoder, name)

    def encode_chunks(self, texts: Any) -> Any:
        self.texts += len(texts)
        return self._encoder.encode_chunks(texts)


@pytest.fixture(scope="session")
def real_engines() -> Iterator[Engines]:
    """The real intake pool, redactor and encoder, loaded once for the session."""
    from core.scoring import load_encoder

    engines = Engines(encoder=CountingEncoder(load_encoder("cpu")))
    engines.load()
    yield engines
    engines.close()
