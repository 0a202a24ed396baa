"""The audit log: append-only and hash-chained.

Each event stores the hash of the event before it (``prev_hash``; 64 zeros for the first) and
its own ``hash``: the SHA-256 of the canonical JSON of its content (seq, at, kind, actor,
subject, prev_hash). The head (last seq and hash) is also kept in ``meta``, so removing events
from the end is caught too. Triggers refuse UPDATE and DELETE on the table. ``verify`` walks the
chain and names the first event that does not fit.

Events carry ids and kinds, never personal data: ``subject`` maps short keys to ids or short
codes, and is checked for it.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from core.domain import AuditEvent, AuditVerification
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection
from core.storage.database import Database

GENESIS_HASH = "0" * 64
_HEAD_KEY = "audit_head"
_KIND = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_MAX_TEXT = 80


def event_hash(
    seq: int, at: str, kind: str, actor: str, subject: dict[str, Any], prev_hash: str
) -> str:
    content = {
        "seq": seq,
        "at": at,
        "kind": kind,
        "actor": actor,
        "subject": subject,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(dumps(content).encode("utf-8")).hexdigest()


def _check(kind: str, actor: str, subject: dict[str, int | str]) -> None:
    if not _KIND.match(kind):
        raise ValueError(f"bad audit kind {kind!r}")
    if not isinstance(actor, str) or len(actor) > _MAX_TEXT or "\n" in actor:
        raise ValueError("audit actor must be a short single-line text")
    for key, value in subject.items():
        if not _KEY.match(key):
            raise ValueError(f"bad audit subject key {key!r}")
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError("audit subject values are ids (int) or short codes (str)")
        if isinstance(value, str) and (len(value) > _MAX_TEXT or "\n" in value):
            raise ValueError("audit subject text must be a short code, never free text")


def _row_to_event(row: tuple[Any, ...]) -> AuditEvent:
    return AuditEvent(
        seq=int(row[0]),
        at=row[1],
        kind=row[2],
        actor=row[3],
        subject=loads(row[4]),
        prev_hash=row[5],
        hash=row[6],
    )


def head(conn: Connection, schema: str = "main") -> tuple[int, str]:
    row = conn.execute(f"SELECT value FROM {schema}.meta WHERE key = ?", (_HEAD_KEY,)).fetchone()
    if row is None:
        return 0, GENESIS_HASH
    seq, _, digest = str(row[0]).partition(":")
    return int(seq), digest


def append_event(
    conn: Connection,
    kind: str,
    actor: str,
    subject: dict[str, int | str],
    *,
    schema: str = "main",
) -> AuditEvent:
    """Append on an open transaction (``schema`` lets a passphrase change write to the copy)."""
    _check(kind, actor, subject)
    last = conn.execute(
        f"SELECT seq, hash FROM {schema}.audit ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    seq, prev = (1, GENESIS_HASH) if last is None else (int(last[0]) + 1, str(last[1]))
    at = now()
    subject = dict(subject)
    digest = event_hash(seq, at, kind, actor, subject, prev)
    conn.execute(
        f"INSERT INTO {schema}.audit (seq, at, kind, actor, subject_json, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, at, kind, actor, dumps(subject), prev, digest),
    )
    conn.execute(
        f"INSERT INTO {schema}.meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_HEAD_KEY, f"{seq}:{digest}"),
    )
    return AuditEvent(seq, at, kind, actor, subject, prev, digest)


def verify_chain(conn: Connection) -> AuditVerification:
    expected_seq, prev = 1, GENESIS_HASH
    checked = 0
    for row in conn.execute(
        "SELECT seq, at, kind, actor, subject_json, prev_hash, hash FROM audit ORDER BY seq"
    ):
        seq = int(row[0])
        if seq != expected_seq:
            return AuditVerification(
                False, checked, min(seq, expected_seq), "events are missing or out of order"
            )
        if row[5] != prev:
            return AuditVerification(
                False, checked, seq, "does not follow the event before it (deleted or inserted)"
            )
        try:
            subject = loads(row[4])
        except ValueError:
            return AuditVerification(False, checked, seq, "content is unreadable")
        if event_hash(seq, row[1], row[2], row[3], subject, row[5]) != row[6]:
            return AuditVerification(False, checked, seq, "content was changed")
        checked += 1
        expected_seq, prev = seq + 1, str(row[6])
    head_seq, head_hash = head(conn)
    last_seq = expected_seq - 1
    if head_seq > last_seq:
        return AuditVerification(False, checked, last_seq + 1, "events are missing at the end")
    if head_seq < last_seq or head_hash != prev:
        return AuditVerification(
            False, checked, head_seq + 1 if head_seq < last_seq else last_seq, "head mismatch"
        )
    return AuditVerification(True, checked)


class Audit:
    def __init__(self, db: Database) -> None:
        self._db = db

    def append(self, kind: str, actor: str, subject: dict[str, int | str]) -> AuditEvent:
        _check(kind, actor, subject)
        return self._db.write(lambda conn: append_event(conn, kind, actor, subject))

    def list(self, limit: int | None = None) -> list[AuditEvent]:
        """Events oldest first; with ``limit``, only the most recent ``limit`` of them."""

        def work(conn: Connection) -> list[AuditEvent]:
            columns = "seq, at, kind, actor, subject_json, prev_hash, hash"
            if limit is None:
                rows = conn.execute(f"SELECT {columns} FROM audit ORDER BY seq").fetchall()
            else:
                rows = conn.execute(
                    f"SELECT {columns} FROM audit ORDER BY seq DESC LIMIT ?", (int(limit),)
                ).fetchall()[::-1]
            return [_row_to_event(row) for row in rows]

        return self._db.read(work)

    def verify(self) -> AuditVerification:
        return self._db.read(verify_chain)
