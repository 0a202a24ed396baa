"""A person's record as a whole: when it was last active, and erasing all of it at once.

Every table with a ``candidate_id`` column holds data keyed to one person (documents, job lists,
scores, decisions, self-identification, ...). They are found from the schema, so a table added by
a later migration is erased too without being listed here; ``candidates`` goes last. Embedding
cache entries are keyed by a hash of the text, not by the person, so the caller names the keys to
drop. The audit log is append-only and is never touched: an erasure adds a pseudonymous tombstone
to it, in the same transaction as the deletes, so a killed process leaves the person either whole
(no tombstone) or gone (with one). ``secure_delete`` is on for every connection (see
``connection.py``): freed cells and pages are overwritten with zeros; :meth:`Lifecycle.checkpoint`
then copies the WAL into the main file and truncates it.

Candidate numbers are never reused: the highest erased number is kept in ``meta``, and a new
candidate is numbered above it, so old audit events never point at a newcomer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import NotFoundError, WorkspaceError
from core.storage.audit import append_event
from core.storage.connection import Connection
from core.storage.database import Database

ID_HIGH_KEY = "candidate_id_high"
ERASED_KIND = "candidate.erased"
_BATCH = 500


@dataclass(frozen=True)
class Activity:
    """When a candidate came in and when a reviewer last decided on them (UTC ISO text)."""

    candidate_id: int
    imported_at: str
    last_decision_at: str = ""

    @property
    def last_activity(self) -> str:
        """What retention counts from: the later of the import and the last decision."""
        return max(self.imported_at, self.last_decision_at)


@dataclass(frozen=True)
class Erased:
    """What one erasure removed: counts per table and the tombstone's place (no personal data)."""

    candidate_id: int
    sha256: str
    rows: dict[str, int]
    embeddings: int
    audit_seq: int


def tables_with(conn: Connection, column: str) -> list[str]:
    """Tables with a column named ``column``, by name."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return [
        name
        for name in names
        if any(str(col[1]) == column for col in conn.execute(f'PRAGMA table_info("{name}")'))
    ]


def candidate_tables(conn: Connection) -> list[str]:
    """Tables other than ``candidates`` with a ``candidate_id`` column, by name."""
    return [name for name in tables_with(conn, "candidate_id") if name != "candidates"]


def _activity(conn: Connection) -> list[Activity]:
    rows = conn.execute(
        "SELECT c.id, c.created_at, coalesce(max(d.created_at), '') FROM candidates c"
        " LEFT JOIN decisions d ON d.candidate_id = c.id GROUP BY c.id ORDER BY c.id"
    ).fetchall()
    return [Activity(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def raise_high_mark(conn: Connection, cid: int, key: str = ID_HIGH_KEY) -> None:
    """Keep ``cid`` in ``meta`` under ``key`` if it is the highest erased number yet."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET"
        " value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)",
        (key, str(int(cid))),
    )


def drop_embeddings(conn: Connection, keys: Sequence[str], table: str = "embeddings") -> int:
    """Delete the cache entries with these keys (under every model hash); how many went."""
    wanted = list(dict.fromkeys(keys))
    removed = 0
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start : start + _BATCH]
        marks = ",".join("?" * len(chunk))
        cur = conn.execute(f'DELETE FROM "{table}" WHERE key IN ({marks})', chunk)
        removed += max(cur.rowcount, 0)
    return removed


def plain_value(value: Any) -> Any:
    """A column value as JSON can hold it: binary values by size and SHA-256."""
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return value


def rows_where(conn: Connection, table: str, column: str, value: int) -> list[dict[str, Any]]:
    """The rows of ``table`` whose ``column`` is ``value``, column by column (binary values by
    size and SHA-256)."""
    cur = conn.execute(f'SELECT * FROM "{table}" WHERE "{column}" = ?', (value,))
    names = [str(d[0]) for d in cur.description]
    return [
        {name: plain_value(v) for name, v in zip(names, row, strict=True)} for row in cur.fetchall()
    ]


class Lifecycle:
    def __init__(self, db: Database) -> None:
        self._db = db

    def activity(self) -> list[Activity]:
        """Every candidate's import and last-decision time, by candidate number."""
        return self._db.read(_activity)

    def erase(
        self,
        cid: int,
        *,
        reason: str,
        actor: str,
        embedding_keys: Sequence[str] = (),
    ) -> Erased:
        """Delete everything keyed to candidate ``cid`` and log a tombstone, in one transaction.

        The tombstone (``candidate.erased``) holds the candidate number, the SHA-256 of the
        original file, the reason code and, by its timestamp, the date: nothing that names or
        describes the person. Raises :class:`NotFoundError` when there is no such candidate."""

        def work(conn: Connection) -> Erased:
            row = conn.execute("SELECT sha256 FROM candidates WHERE id = ?", (cid,)).fetchone()
            if row is None:
                raise NotFoundError(f"Candidate {int(cid)} does not exist.")
            sha256 = str(row[0])
            rows: dict[str, int] = {}
            for table in candidate_tables(conn):
                cur = conn.execute(f'DELETE FROM "{table}" WHERE candidate_id = ?', (cid,))
                rows[table] = max(cur.rowcount, 0)
            dropped = drop_embeddings(conn, embedding_keys)
            conn.execute("DELETE FROM candidates WHERE id = ?", (cid,))
            rows["candidates"] = 1
            raise_high_mark(conn, cid)
            event = append_event(
                conn,
                ERASED_KIND,
                actor,
                {"candidate_id": int(cid), "sha256": sha256, "reason": reason},
            )
            return Erased(int(cid), sha256, rows, dropped, event.seq)

        return self._db.write(work)

    def held(self, cid: int, *, skip: Sequence[str] = ()) -> dict[str, list[dict[str, Any]]]:
        """Every row keyed to ``cid`` in each candidate table not in ``skip``, column by column
        (for the access export: a table added later is listed without being named here).
        Binary values are given by size and SHA-256."""

        def work(conn: Connection) -> dict[str, list[dict[str, Any]]]:
            out: dict[str, list[dict[str, Any]]] = {}
            for table in candidate_tables(conn):
                if table not in skip:
                    out[table] = rows_where(conn, table, "candidate_id", cid)
            return out

        return self._db.read(work)

    def checkpoint(self) -> None:
        """Copy the WAL into the main file and truncate it (outside any transaction)."""

        def work(conn: Connection) -> None:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if int(busy):
                raise WorkspaceError(
                    "The workspace could not be compacted after the deletion.",
                    hint="Close other Veil windows, then run the command again.",
                )

        with self._db.exclusive():
            self._db.read(work)

    def erased(self) -> list[int]:
        """Candidate numbers with a tombstone in the audit log, in order."""

        def work(conn: Connection) -> list[int]:
            rows = conn.execute(
                "SELECT json_extract(subject_json, '$.candidate_id') FROM audit"
                " WHERE kind = ? ORDER BY seq",
                (ERASED_KIND,),
            )
            return [int(r[0]) for r in rows]

        return self._db.read(work)
