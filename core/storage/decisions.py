"""Reviewers' decisions: append-only history; the latest per (job, candidate) is the current one."""

from __future__ import annotations

from typing import Any

from core.domain import Decision, DecisionKind
from core.errors import NotFoundError
from core.storage.codec import now
from core.storage.connection import Connection, IntegrityError
from core.storage.database import Database

_COLUMNS = "id, job_id, candidate_id, kind, reason, reviewer, created_at"


def _row_to_decision(row: tuple[Any, ...]) -> Decision:
    return Decision(
        id=int(row[0]),
        job_id=int(row[1]),
        candidate_id=int(row[2]),
        kind=DecisionKind(row[3]),
        reason=row[4],
        reviewer=row[5],
        created_at=row[6],
    )


class Decisions:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, decision: Decision) -> Decision:
        """Record a decision (its ``id`` and ``created_at`` are assigned here)."""
        kind = DecisionKind(decision.kind).value

        def work(conn: Connection) -> Decision:
            try:
                cur = conn.execute(
                    "INSERT INTO decisions (job_id, candidate_id, kind, reason, reviewer,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        decision.job_id,
                        decision.candidate_id,
                        kind,
                        decision.reason,
                        decision.reviewer,
                        now(),
                    ),
                )
            except IntegrityError:
                raise NotFoundError(
                    f"Job {int(decision.job_id)} or candidate {int(decision.candidate_id)}"
                    " does not exist."
                ) from None
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM decisions WHERE id = ?", (cur.lastrowid,)
            ).fetchone()
            return _row_to_decision(row)

        return self._db.write(work)

    def for_job(self, job_id: int) -> list[Decision]:
        """Every decision of the job, oldest first."""
        return self._db.read(
            lambda conn: [
                _row_to_decision(row)
                for row in conn.execute(
                    f"SELECT {_COLUMNS} FROM decisions WHERE job_id = ? ORDER BY id", (job_id,)
                ).fetchall()
            ]
        )

    def latest(self, job_id: int, cid: int) -> Decision | None:
        def work(conn: Connection) -> Decision | None:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM decisions WHERE job_id = ? AND candidate_id = ?"
                " ORDER BY id DESC LIMIT 1",
                (job_id, cid),
            ).fetchone()
            return None if row is None else _row_to_decision(row)

        return self._db.read(work)

    def all(self) -> list[Decision]:
        """Every decision in the workspace, oldest first (for training and reports)."""
        return self._db.read(
            lambda conn: [
                _row_to_decision(row)
                for row in conn.execute(f"SELECT {_COLUMNS} FROM decisions ORDER BY id").fetchall()
            ]
        )
