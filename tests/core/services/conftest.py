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
