"""Voluntary self-identification (sex, race/ethnicity, other categories), stored apart.

Its own table, read only by the impact audit (``core.services.compliance``). Nothing that
scores, learns or shows a candidate to a reviewer reads it; a test checks that no query of
theirs ever touches the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.errors import NotFoundError
from core.storage.codec import now
from core.storage.connection import Connection, IntegrityError
from core.storage.database import Database

Answers = dict[int, dict[str, str]]  # candidate id -> category -> value


def _read(rows: Iterable[tuple[Any, ...]]) -> Answers:
    out: Answers = {}
    for cid, category, value in rows:
        out.setdefault(int(cid), {})[str(category)] = str(value)
    return out


class SelfIdentification:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put_many(self, answers: Mapping[int, Mapping[str, str]]) -> int:
        """Store the answers (one transaction; an answer given again replaces the old one).
        Returns how many values were written."""
        stamp = now()
        rows = [
            (int(cid), str(category), str(value), stamp)
            for cid, by_category in answers.items()
            for category, value in by_category.items()
        ]

        def work(conn: Connection) -> int:
            try:
                conn.executemany(
                    "INSERT INTO self_identification (candidate_id, category, value, recorded_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (candidate_id, category)"
                    " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at",
                    rows,
                )
            except IntegrityError:
                raise NotFoundError("A candidate in the answers does not exist.") from None
            return len(rows)

        return self._db.write(work)

    def for_candidates(self, ids: Iterable[int]) -> Answers:
        """The answers of these candidates (those who gave none are absent)."""
        wanted = sorted({int(i) for i in ids})

        def work(conn: Connection) -> Answers:
            out: Answers = {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                out.update(
                    _read(
                        conn.execute(
                            "SELECT candidate_id, category, value FROM self_identification"
                            f" WHERE candidate_id IN ({marks}) ORDER BY candidate_id, category",
                            chunk,
                        ).fetchall()
                    )
                )
            return out

        return self._db.read(work)

    def categories(self) -> list[str]:
        """Every category anyone answered, in name order."""
        return self._db.read(
            lambda conn: [
                str(r[0])
                for r in conn.execute(
                    "SELECT DISTINCT category FROM self_identification ORDER BY category"
                )
            ]
        )

    def count(self) -> int:
        """How many candidates gave at least one answer."""
        return self._db.read(
            lambda conn: int(
                conn.execute(
                    "SELECT COUNT(DISTINCT candidate_id) FROM self_identification"
                ).fetchone()[0]
            )
        )

    def delete(self, cid: int) -> int:
        """Remove one candidate's answers (withdrawn consent); returns how many were removed."""
        return self._db.write(
            lambda conn: int(
                conn.execute(
                    "DELETE FROM self_identification WHERE candidate_id = ?", (int(cid),)
                ).rowcount
            )
        )
