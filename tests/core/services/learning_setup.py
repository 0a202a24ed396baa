"""A real workspace with jobs, candidates and decisions from the graded ranking set (shared by
the learning service and CLI tests)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.domain import Decision, DecisionKind
from core.scoring import parse_requirements
from core.services import Engines
from tests.core.scoring.training import shared

PASSPHRASE = "correct horse battery staple 42"
JOBS = ("backend_engineer", "registered_nurse", "accountant")
PER_JOB = 16  # candidates per job: the relevant ones first, then non-fits


@dataclass
class Setup:
    path: Path
    jobs: dict[str, int]  # stem -> job id
    candidates: dict[str, int]  # resume stem -> candidate id
    members: dict[int, list[int]] = field(default_factory=dict)  # job id -> candidate ids
    grades: dict[tuple[int, int], int] = field(default_factory=dict)


def engines() -> Engines:
    return Engines(encoder=shared.encoder(), intake=object(), redactor=object())  # type: ignore[arg-type]


def add_candidate(ws: Any, text: str, label: str, *, original: str = "") -> int:
    """A candidate whose redacted text is ``text`` (file name and metadata from ``label``)."""
    source = original or text
    cand, _ = ws.candidates.add(
        sha256=hashlib.sha256(source.encode() + label.encode()).hexdigest(),
        filename=f"{label}.txt",
        media_type="text/plain",
        data=source.encode(),
        text=source,
        metadata={"author": label},
        redacted_text=text,
        redaction_mapping={},
        spans_json="[]",
        language="en",
        warnings=(),
    )
    return int(cand.id)


def build(ws: Any, path: Path) -> Setup:
    data = shared.ranking_set()
    shared.fill_cache(ws.embeddings)
    setup = Setup(path, {}, {})
    for stem in JOBS:
        text = data.jobs[stem]
        job = ws.jobs.add(stem.replace("_", " "), text, parse_requirements(text))
        setup.jobs[stem] = job.id
        grades = data.qrels[stem]
        picked = sorted(grades, key=lambda r: (-grades[r], r))[: PER_JOB // 2]
        picked += [r for r in sorted(grades) if grades[r] == 0][: PER_JOB - len(picked)]
        for resume in picked:
            if resume not in setup.candidates:
                setup.candidates[resume] = add_candidate(ws, data.resumes[resume], resume)
            cid = setup.candidates[resume]
            ws.candidates.attach(job.id, cid)
            setup.members.setdefault(job.id, []).append(cid)
            setup.grades[(job.id, cid)] = grades[resume]
    return setup


def inverted_kind(grade: int) -> DecisionKind:
    """A team that values the opposite of what the untrained scorer rewards."""
    return DecisionKind.REJECT if grade >= 1 else DecisionKind.SHORTLIST


def record(ws: Any, setup: Setup, *, skip_last: int = 2, kind_of: Any = inverted_kind) -> int:
    """Decisions on every member but the last ``skip_last`` of each job; returns how many."""
    count = 0
    with ws.transaction():
        for job_id, members in setup.members.items():
            for cid in members[: len(members) - skip_last]:
                ws.decisions.add(
                    Decision(job_id, cid, kind_of(setup.grades[(job_id, cid)]), reviewer="t")
                )
                count += 1
    return count
