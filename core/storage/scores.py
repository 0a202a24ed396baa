"""Scores: one per (job, candidate), the latest computed, with every part as JSON.

The detail JSON keeps each requirement's score and its evidence (offsets into the redacted text),
the notes and the components, so a stored score explains itself exactly as it did when computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.domain import Evidence, RequirementScore, Score
from core.errors import NotFoundError
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection, IntegrityError
from core.storage.database import Database
from core.storage.jobs import requirement_from_dict


def _evidence_to_dict(ev: Evidence | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {"start": ev.start, "end": ev.end, "text": ev.text, "similarity": ev.similarity}


def _requirement_score_to_dict(rs: RequirementScore) -> dict[str, Any]:
    req = rs.requirement
    return {
        "requirement": {"text": req.text, "must": req.must, "weight": req.weight},
        "satisfaction": rs.satisfaction,
        "similarity": rs.similarity,
        "evidence": _evidence_to_dict(rs.evidence),
        "matched": list(rs.matched),
        "method": rs.method,
    }


def score_to_json(score: Score) -> str:
    return dumps(
        {
            "requirements": [_requirement_score_to_dict(rs) for rs in score.requirements],
            "notes": list(score.notes),
            "components": {str(k): float(v) for k, v in score.components.items()},
        }
    )


def _requirement_score_from_dict(item: dict[str, Any]) -> RequirementScore:
    ev = item.get("evidence")
    return RequirementScore(
        requirement=requirement_from_dict(item["requirement"]),
        satisfaction=float(item["satisfaction"]),
        similarity=float(item["similarity"]),
        evidence=None
        if ev is None
        else Evidence(
            start=int(ev["start"]),
            end=int(ev["end"]),
            text=str(ev["text"]),
            similarity=float(ev["similarity"]),
        ),
        matched=tuple(str(m) for m in item.get("matched", ())),
        method=str(item.get("method", "semantic+lexical")),
    )


def score_from_row(job_id: int, cid: int, value: float, model: str, detail: str) -> Score:
    data = loads(detail)
    return Score(
        score=float(value),
        requirements=tuple(_requirement_score_from_dict(r) for r in data["requirements"]),
        candidate_id=int(cid),
        job_id=int(job_id),
        model_version=str(model),
        notes=tuple(str(n) for n in data.get("notes", ())),
        components={str(k): float(v) for k, v in data.get("components", {}).items()},
    )


_UPSERT = (
    "INSERT INTO scores (job_id, candidate_id, score, model_version, detail_json, computed_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (job_id, candidate_id) DO UPDATE SET score = excluded.score,"
    " model_version = excluded.model_version,"
    " detail_json = excluded.detail_json, computed_at = excluded.computed_at"
)


class Scores:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, score: Score) -> None:
        """Store (or replace) the score of ``score.candidate_id`` for ``score.job_id``."""
        self.put_many([score])

    def put_many(self, scores: Sequence[Score]) -> None:
        """Store (or replace) many scores in one transaction: all of them, or none."""
        stamp = now()
        rows = []
        for score in scores:
            if score.job_id is None or score.candidate_id is None:
                raise ValueError("a stored score needs job_id and candidate_id")
            rows.append(
                (
                    int(score.job_id),
                    int(score.candidate_id),
                    float(score.score),
                    score.model_version,
                    score_to_json(score),
                    stamp,
                )
            )
        if not rows:
            return

        def work(conn: Connection) -> None:
            for row in rows:
                try:
                    conn.execute(_UPSERT, row)
                except IntegrityError:
                    raise NotFoundError(
                        f"Job {row[0]} or candidate {row[1]} does not exist."
                    ) from None

        self._db.write(work)

    def for_job(self, job_id: int) -> list[Score]:
        """The job's stored scores, best first (ties by candidate id)."""

        def work(conn: Connection) -> list[Score]:
            rows = conn.execute(
                "SELECT job_id, candidate_id, score, model_version, detail_json FROM scores"
                " WHERE job_id = ? ORDER BY score DESC, candidate_id",
                (job_id,),
            ).fetchall()
            return [score_from_row(*row) for row in rows]

        return self._db.read(work)

    def get(self, job_id: int, cid: int) -> Score | None:
        def work(conn: Connection) -> Score | None:
            row = conn.execute(
                "SELECT job_id, candidate_id, score, model_version, detail_json FROM scores"
                " WHERE job_id = ? AND candidate_id = ?",
                (job_id, cid),
            ).fetchone()
            return None if row is None else score_from_row(*row)

        return self._db.read(work)

    def clear(self, job_id: int) -> None:
        self._db.write(lambda conn: conn.execute("DELETE FROM scores WHERE job_id = ?", (job_id,)))
