"""Jobs and their requirements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.domain import Job, Requirement
from core.errors import NotFoundError
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection
from core.storage.database import Database

_COLUMNS = "id, title, text, requirements_json, created_at"


def requirements_to_json(requirements: Sequence[Requirement]) -> str:
    return dumps([{"text": r.text, "must": r.must, "weight": r.weight} for r in requirements])


def requirement_from_dict(item: dict[str, Any]) -> Requirement:
    return Requirement(
        text=str(item["text"]), must=bool(item["must"]), weight=float(item["weight"])
    )


def _row_to_job(row: tuple[Any, ...]) -> Job:
    return Job(
        id=int(row[0]),
        title=row[1],
        text=row[2],
        requirements=tuple(requirement_from_dict(r) for r in loads(row[3])),
        created_at=row[4],
    )


def _get(conn: Connection, job_id: int) -> Job:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"Job {int(job_id)} does not exist.")
    return _row_to_job(row)


class Jobs:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, title: str, text: str, requirements: Sequence[Requirement] = ()) -> Job:
        reqs = requirements_to_json(requirements)

        def work(conn: Connection) -> Job:
            stamp = now()
            cur = conn.execute(
                "INSERT INTO jobs (title, text, requirements_json, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (title, text, reqs, stamp, stamp),
            )
            return _get(conn, int(cur.lastrowid or 0))

        return self._db.write(work)

    def get(self, job_id: int) -> Job:
        return self._db.read(lambda conn: _get(conn, job_id))

    def list(self) -> list[Job]:
        return self._db.read(
            lambda conn: [
                _row_to_job(row)
                for row in conn.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY id").fetchall()
            ]
        )

    def update(
        self,
        job_id: int,
        *,
        title: str | None = None,
        text: str | None = None,
        requirements: Sequence[Requirement] | None = None,
    ) -> Job:
        def work(conn: Connection) -> Job:
            old = _get(conn, job_id)
            conn.execute(
                "UPDATE jobs SET title = ?, text = ?, requirements_json = ?, updated_at = ?"
                " WHERE id = ?",
                (
                    old.title if title is None else title,
                    old.text if text is None else text,
                    requirements_to_json(
                        old.requirements if requirements is None else requirements
                    ),
                    now(),
                    job_id,
                ),
            )
            return _get(conn, job_id)

        return self._db.write(work)
