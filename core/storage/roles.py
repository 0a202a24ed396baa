"""Roles and their competency frameworks (stored like a job's requirements)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.domain import Requirement
from core.errors import NotFoundError
from core.people.model import Role
from core.storage.codec import loads, now
from core.storage.connection import Connection
from core.storage.database import Database
from core.storage.jobs import requirement_from_dict, requirements_to_json

_COLUMNS = "id, title, text, language, requirements_json, created_at"


def _row_to_role(row: tuple[Any, ...]) -> Role:
    return Role(
        id=int(row[0]),
        title=row[1],
        text=row[2],
        language=row[3],
        competencies=tuple(requirement_from_dict(r) for r in loads(row[4])),
        created_at=row[5],
    )


def _get(conn: Connection, role_id: int) -> Role:
    row = conn.execute(f"SELECT {_COLUMNS} FROM roles WHERE id = ?", (role_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"Role {int(role_id)} does not exist.")
    return _row_to_role(row)


class Roles:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, title: str, text: str, language: str, competencies: Sequence[Requirement]
    ) -> Role:
        reqs = requirements_to_json(competencies)

        def work(conn: Connection) -> Role:
            stamp = now()
            cur = conn.execute(
                "INSERT INTO roles (title, text, language, requirements_json, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (title, text, language, reqs, stamp, stamp),
            )
            return _get(conn, int(cur.lastrowid or 0))

        return self._db.write(work)

    def get(self, role_id: int) -> Role:
        return self._db.read(lambda conn: _get(conn, role_id))

    def list(self) -> list[Role]:
        return self._db.read(
            lambda conn: [
                _row_to_role(r)
                for r in conn.execute(f"SELECT {_COLUMNS} FROM roles ORDER BY id").fetchall()
            ]
        )

    def update(
        self,
        role_id: int,
        competencies: Sequence[Requirement],
        *,
        profile: tuple[str, str, str] | None = None,
    ) -> Role:
        """Replace the competencies, and with ``profile`` (title, text, language) the rest."""
        reqs = requirements_to_json(competencies)

        def work(conn: Connection) -> Role:
            old = _get(conn, role_id)
            title, text, language = profile or (old.title, old.text, old.language)
            conn.execute(
                "UPDATE roles SET title = ?, text = ?, language = ?, requirements_json = ?,"
                " updated_at = ? WHERE id = ?",
                (title, text, language, reqs, now(), role_id),
            )
            return _get(conn, role_id)

        return self._db.write(work)
