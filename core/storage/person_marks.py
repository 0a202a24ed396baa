"""Reviewers' marks on gap-matrix cells: one per person and competency, replaced when re-marked.

A mark is keyed by the competency's text, so a mark on a competency whose text was later edited
no longer applies (it is about what the old text asked). A person's marks go with the person
(``ON DELETE CASCADE``).
"""

from __future__ import annotations

from typing import Any

from core.people.model import Mark
from core.storage.codec import now
from core.storage.connection import Connection
from core.storage.database import Database

_COLUMNS = "m.person_id, m.competency, m.shown, m.reason, m.reviewer, m.created_at"


def _mark(row: tuple[Any, ...]) -> Mark:
    return Mark(int(row[0]), str(row[1]), bool(row[2]), str(row[3]), str(row[4]), str(row[5]))


class PersonMarks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, mark: Mark) -> Mark:
        """Store ``mark`` (replacing an earlier one on the same cell); returns it as stored."""

        def work(conn: Connection) -> Mark:
            at = now()
            conn.execute(
                "INSERT INTO person_marks (person_id, competency, shown, reason, reviewer,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, competency)"
                " DO UPDATE SET shown = excluded.shown, reason = excluded.reason,"
                " reviewer = excluded.reviewer, created_at = excluded.created_at",
                (mark.person_id, mark.competency, int(mark.shown), mark.reason, mark.reviewer, at),
            )
            return Mark(mark.person_id, mark.competency, mark.shown, mark.reason, mark.reviewer, at)

        return self._db.write(work)

    def remove(self, person_id: int, competency: str) -> bool:
        """Drop the mark on one cell; False when there was none."""

        def work(conn: Connection) -> bool:
            cur = conn.execute(
                "DELETE FROM person_marks WHERE person_id = ? AND competency = ?",
                (person_id, competency),
            )
            return cur.rowcount > 0

        return self._db.write(work)

    def of_role(self, role_id: int) -> dict[int, dict[str, Mark]]:
        """Every mark on the people of a role: person id -> competency text -> mark."""

        def work(conn: Connection) -> dict[int, dict[str, Mark]]:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM person_marks m JOIN people p ON p.id = m.person_id"
                " WHERE p.role_id = ? ORDER BY m.person_id, m.competency",
                (role_id,),
            )
            out: dict[int, dict[str, Mark]] = {}
            for row in rows.fetchall():
                mark = _mark(row)
                out.setdefault(mark.person_id, {})[mark.competency] = mark
            return out

        return self._db.read(work)
