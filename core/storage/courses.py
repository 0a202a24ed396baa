"""The company's course catalogue and the managers' ratings of a review cycle."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from core.people.model import Course, Rating
from core.storage.codec import now
from core.storage.connection import Connection
from core.storage.database import Database

_COURSE = "id, title, description, skills, hours, language"


def _course(row: tuple[Any, ...]) -> Course:
    return Course(
        id=int(row[0]),
        title=row[1],
        description=row[2],
        skills=row[3],
        hours=None if row[4] is None else float(row[4]),
        language=row[5],
    )


class Courses:
    def __init__(self, db: Database) -> None:
        self._db = db

    def upsert(self, courses: Sequence[Course]) -> tuple[int, int]:
        """Add courses, or update those with the same title and language: (added, updated)."""

        def work(conn: Connection) -> tuple[int, int]:
            added = updated = 0
            for c in courses:
                row = conn.execute(
                    "SELECT id FROM courses WHERE title = ? AND language = ?",
                    (c.title, c.language),
                ).fetchone()
                values = (c.description, c.skills, c.hours)
                if row is None:
                    conn.execute(
                        "INSERT INTO courses (title, language, description, skills, hours,"
                        " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (c.title, c.language, *values, now()),
                    )
                    added += 1
                else:
                    conn.execute(
                        "UPDATE courses SET description = ?, skills = ?, hours = ? WHERE id = ?",
                        (*values, int(row[0])),
                    )
                    updated += 1
            return added, updated

        return self._db.write(work)

    def list(self) -> builtins.list[Course]:
        return self._db.read(
            lambda conn: [
                _course(r)
                for r in conn.execute(f"SELECT {_COURSE} FROM courses ORDER BY id").fetchall()
            ]
        )


class Ratings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, ratings: Sequence[Rating]) -> int:
        """Store ratings (a rating given again replaces the earlier one); how many were given."""
        rows = [(r.cycle, r.person_id, r.competency, r.rating, r.manager, now()) for r in ratings]

        def work(conn: Connection) -> int:
            conn.executemany(
                "INSERT INTO review_ratings (cycle, person_id, competency, rating, manager,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (cycle, person_id, competency, manager)"
                " DO UPDATE SET rating = excluded.rating, created_at = excluded.created_at",
                rows,
            )
            return len(rows)

        return self._db.write(work)

    def list(self, role_id: int, cycle: str | None = None) -> builtins.list[Rating]:
        def work(conn: Connection) -> builtins.list[Rating]:
            sql = (
                "SELECT cycle, person_id, competency, rating, manager FROM review_ratings"
                " WHERE person_id IN (SELECT id FROM people WHERE role_id = ?)"
            )
            params: tuple[Any, ...] = (role_id,)
            if cycle is not None:
                sql += " AND cycle = ?"
                params += (cycle,)
            rows = conn.execute(sql + " ORDER BY cycle, person_id, id", params).fetchall()
            return [Rating(str(c), int(p), str(k), float(r), str(m)) for c, p, k, r, m in rows]

        return self._db.read(work)
