"""A real encrypted workspace with a job and fictitious candidates (redacted text given)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.domain import Requirement, Score

PASSPHRASE = "correct horse battery staple 42"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Any]:
    from core.storage import Workspace

    with Workspace.create(tmp_path / "test.veil", PASSPHRASE) as workspace:
        yield workspace


@pytest.fixture
def job_id(ws: Any) -> int:
    reqs = [Requirement("python"), Requirement("sql")]
    return int(ws.jobs.add("Data Engineer", "Python and SQL.", reqs).id)


def add_candidate(
    ws: Any,
    job_id: int,
    text: str,
    *,
    original: str = "",
    mapping: dict[str, str] | None = None,
    spans_json: str = "[]",
) -> int:
    source = original or text
    cand, _ = ws.candidates.add(
        sha256=hashlib.sha256(source.encode()).hexdigest(),
        filename="resume.txt",
        media_type="text/plain",
        data=source.encode(),
        text=source,
        metadata={},
        redacted_text=text,
        redaction_mapping=dict(mapping or {}),
        spans_json=spans_json,
        language="en",
    )
    ws.candidates.attach(job_id, cand.id)
    return int(cand.id)


def put_score(ws: Any, job_id: int, cid: int, value: float) -> None:
    ws.scores.put_many([Score(value, (), candidate_id=cid, job_id=job_id, model_version="t")])
