"""Candidates, their original documents and their redaction mapping.

A candidate row holds what reviewers see first (redacted text, language, warnings). The
original file, its extracted text, its metadata and the placeholder-to-original mapping are
personal and sit in separate columns/tables that only ``document`` and ``mapping`` read.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from core.domain import Candidate, Document
from core.errors import NotFoundError
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection, IntegrityError
from core.storage.database import Database
from core.storage.lifecycle import ID_HIGH_KEY

_COLUMNS = "id, created_at, language, redacted_text, warnings_json"


def _row_to_candidate(row: tuple[Any, ...]) -> Candidate:
    return Candidate(
        id=int(row[0]),
        created_at=row[1],
        language=row[2],
        redacted_text=row[3],
        warnings=tuple(str(w) for w in loads(row[4])),
    )


def _get(conn: Connection, cid: int) -> Candidate:
    row = conn.execute(f"SELECT {_COLUMNS} FROM candidates WHERE id = ?", (cid,)).fetchone()
    if row is None:
        raise NotFoundError(f"Candidate {int(cid)} does not exist.")
    return _row_to_candidate(row)


def _find(conn: Connection, sha256: str) -> Candidate | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM candidates WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else _row_to_candidate(row)


class Candidates:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        *,
        sha256: str,
        filename: str,
        media_type: str,
        data: bytes,
        text: str,
        metadata: dict[str, str],
        redacted_text: str,
        redaction_mapping: dict[str, str],
        spans_json: str,
        language: str,
        warnings: Sequence[str] = (),
    ) -> tuple[Candidate, bool]:
        """Store a candidate; ``(existing, False)`` when the same file (by SHA-256) is there."""
        mapping_json = dumps(dict(redaction_mapping))
        metadata_json = dumps(dict(metadata))
        warnings_json = dumps(list(warnings))

        def work(conn: Connection) -> tuple[Candidate, bool]:
            existing = _find(conn, sha256)
            if existing is not None:
                return existing, False
            # numbered above every erased candidate, so old audit events never name a newcomer
            cur = conn.execute(
                "INSERT INTO candidates (id, sha256, created_at, language, redacted_text,"
                " redaction_mapping_json, spans_json, warnings_json)"
                " VALUES (max((SELECT coalesce(max(id), 0) FROM candidates),"
                " (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta"
                " WHERE key = ?)) + 1, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ID_HIGH_KEY,
                    sha256,
                    now(),
                    language,
                    redacted_text,
                    mapping_json,
                    spans_json,
                    warnings_json,
                ),
            )
            cid = int(cur.lastrowid or 0)
            conn.execute(
                "INSERT INTO documents (candidate_id, filename, media_type, data, text,"
                " metadata_json) VALUES (?, ?, ?, ?, ?, ?)",
                (cid, filename, media_type, bytes(data), text, metadata_json),
            )
            return _get(conn, cid), True

        return self._db.write(work)

    def find_by_sha256(self, sha256: str) -> Candidate | None:
        return self._db.read(lambda conn: _find(conn, sha256))

    def get(self, cid: int) -> Candidate:
        return self._db.read(lambda conn: _get(conn, cid))

    def list(self, job_id: int | None = None) -> list[Candidate]:
        def work(conn: Connection) -> list[Candidate]:
            if job_id is None:
                rows = conn.execute(f"SELECT {_COLUMNS} FROM candidates ORDER BY id")
            else:
                rows = conn.execute(
                    f"SELECT {_COLUMNS} FROM candidates WHERE id IN"
                    " (SELECT candidate_id FROM job_candidates WHERE job_id = ?) ORDER BY id",
                    (job_id,),
                )
            return [_row_to_candidate(row) for row in rows.fetchall()]

        return self._db.read(work)

    def document(self, cid: int) -> Document:
        """The original file and its extracted text (personal: for reveal only)."""

        def work(conn: Connection) -> Document:
            row = conn.execute(
                "SELECT c.sha256, d.filename, d.media_type, d.data, d.text, d.metadata_json"
                " FROM candidates c JOIN documents d ON d.candidate_id = c.id WHERE c.id = ?",
                (cid,),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"Candidate {int(cid)} does not exist.")
            return Document(
                candidate_id=int(cid),
                sha256=row[0],
                filename=row[1],
                media_type=row[2],
                data=bytes(row[3]),
                text=row[4],
                metadata={str(k): str(v) for k, v in loads(row[5]).items()},
            )

        return self._db.read(work)

    def mapping(self, cid: int) -> dict[str, str]:
        """Placeholder -> original value (personal)."""

        def work(conn: Connection) -> dict[str, str]:
            row = conn.execute(
                "SELECT redaction_mapping_json FROM candidates WHERE id = ?", (cid,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"Candidate {int(cid)} does not exist.")
            return {str(k): str(v) for k, v in loads(row[0]).items()}

        return self._db.read(work)

    def spans_json(self, cid: int) -> str:
        def work(conn: Connection) -> str:
            row = conn.execute("SELECT spans_json FROM candidates WHERE id = ?", (cid,)).fetchone()
            if row is None:
                raise NotFoundError(f"Candidate {int(cid)} does not exist.")
            return str(row[0])

        return self._db.read(work)

    def attach(self, job_id: int, cid: int) -> None:
        """Put a candidate on a job's list (idempotent)."""

        def work(conn: Connection) -> None:
            try:
                conn.execute(
                    "INSERT OR IGNORE INTO job_candidates (job_id, candidate_id, added_at)"
                    " VALUES (?, ?, ?)",
                    (job_id, cid, now()),
                )
            except IntegrityError:
                raise NotFoundError(
                    f"Job {int(job_id)} or candidate {int(cid)} does not exist."
                ) from None

        self._db.write(work)

    def ids_for_job(self, job_id: int) -> builtins.list[int]:
        return self._db.read(
            lambda conn: [
                int(r[0])
                for r in conn.execute(
                    "SELECT candidate_id FROM job_candidates WHERE job_id = ?"
                    " ORDER BY candidate_id",
                    (job_id,),
                )
            ]
        )
