"""Employees and their documents, apart from candidates (own tables, own embedding cache).

A person row holds the role and, when the importer gave one, the name that groups their
documents (personal: read only by ``find_by_name``). A document row holds what reviewers see
(redacted text, kind, redacted file name) and, in columns only ``original`` reads, the original
file, its text and the placeholder mapping.

Erasing a person (:meth:`People.erase`) deletes every row with their ``person_id`` (tables found
from the schema, so a later table is erased too), their row in ``people`` and the cache entries
the caller names, and appends a pseudonymous ``person.erased`` tombstone, all in one transaction,
as ``core.storage.lifecycle`` does for candidates. Person numbers are never reused: the highest
erased one is kept in ``meta`` and :meth:`People.add` numbers above it.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import NotFoundError
from core.people.model import Person, PersonDocument
from core.storage.audit import append_event
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection
from core.storage.database import Database
from core.storage.lifecycle import drop_embeddings, raise_high_mark, rows_where, tables_with

ID_HIGH_KEY = "person_id_high"
ERASED_KIND = "person.erased"

_PERSON = (
    "p.id, p.role_id, p.created_at,"
    " (SELECT count(*) FROM person_documents d WHERE d.person_id = p.id)"
)
_DOC = "id, person_id, kind, name, language, redacted_text, created_at"


@dataclass(frozen=True)
class NewDocument:
    """Everything stored about one imported document (all *personal* but ids and kind)."""

    sha256: str
    kind: str
    name: str  # redacted file name
    language: str
    redacted_text: str
    redaction_mapping: dict[str, str]
    spans_json: str
    warnings: Sequence[str]
    filename: str
    media_type: str
    data: bytes
    text: str
    metadata: dict[str, str]


@dataclass(frozen=True)
class ErasedPerson:
    """What one erasure removed: rows per table, the documents' SHA-256, the tombstone's place
    (no personal data)."""

    person_id: int
    sha256: tuple[str, ...]
    rows: dict[str, int]
    embeddings: int
    audit_seq: int


def _person(row: tuple[Any, ...]) -> Person:
    return Person(id=int(row[0]), role_id=int(row[1]), created_at=row[2], documents=int(row[3]))


def _document(row: tuple[Any, ...]) -> PersonDocument:
    return PersonDocument(
        id=int(row[0]),
        person_id=int(row[1]),
        kind=row[2],
        name=row[3],
        language=row[4],
        redacted_text=row[5],
        created_at=row[6],
    )


def person_tables(conn: Connection) -> builtins.list[str]:
    """Tables other than ``people`` with a ``person_id`` column, by name."""
    return [name for name in tables_with(conn, "person_id") if name != "people"]


def _counts(conn: Connection, person_id: int) -> dict[str, int]:
    _get(conn, person_id)
    counts = {
        table: int(
            conn.execute(
                f'SELECT count(*) FROM "{table}" WHERE person_id = ?', (person_id,)
            ).fetchone()[0]
        )
        for table in person_tables(conn)
    }
    return counts | {"people": 1}


def _get(conn: Connection, person_id: int) -> Person:
    row = conn.execute(f"SELECT {_PERSON} FROM people p WHERE p.id = ?", (person_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"Person {int(person_id)} does not exist.")
    return _person(row)


class People:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, role_id: int, name: str = "") -> Person:
        def work(conn: Connection) -> Person:
            # numbered above every erased person, so old audit events never name a newcomer
            cur = conn.execute(
                "INSERT INTO people (id, role_id, name, created_at) VALUES (max((SELECT"
                " coalesce(max(id), 0) FROM people), (SELECT coalesce(max(CAST(value AS INTEGER)),"
                " 0) FROM meta WHERE key = ?)) + 1, ?, ?, ?)",
                (ID_HIGH_KEY, role_id, name, now()),
            )
            return _get(conn, int(cur.lastrowid or 0))

        return self._db.write(work)

    def find_by_name(self, role_id: int, name: str) -> Person | None:
        def work(conn: Connection) -> Person | None:
            row = conn.execute(
                f"SELECT {_PERSON} FROM people p WHERE p.role_id = ? AND p.name = ?",
                (role_id, name),
            ).fetchone()
            return None if row is None else _person(row)

        return self._db.read(work)

    def get(self, person_id: int) -> Person:
        return self._db.read(lambda conn: _get(conn, person_id))

    def list(self, role_id: int | None = None) -> builtins.list[Person]:
        def work(conn: Connection) -> builtins.list[Person]:
            if role_id is None:
                rows = conn.execute(f"SELECT {_PERSON} FROM people p ORDER BY p.id")
            else:
                rows = conn.execute(
                    f"SELECT {_PERSON} FROM people p WHERE p.role_id = ? ORDER BY p.id",
                    (role_id,),
                )
            return [_person(r) for r in rows.fetchall()]

        return self._db.read(work)

    def add_document(self, person_id: int, doc: NewDocument) -> PersonDocument:
        def work(conn: Connection) -> PersonDocument:
            cur = conn.execute(
                "INSERT INTO person_documents (person_id, sha256, kind, name, created_at,"
                " language, redacted_text, redaction_mapping_json, spans_json, warnings_json,"
                " filename, media_type, data, text, metadata_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    person_id,
                    doc.sha256,
                    doc.kind,
                    doc.name,
                    now(),
                    doc.language,
                    doc.redacted_text,
                    dumps(dict(doc.redaction_mapping)),
                    doc.spans_json,
                    dumps(list(doc.warnings)),
                    doc.filename,
                    doc.media_type,
                    bytes(doc.data),
                    doc.text,
                    dumps(dict(doc.metadata)),
                ),
            )
            row = conn.execute(
                f"SELECT {_DOC} FROM person_documents WHERE id = ?", (int(cur.lastrowid or 0),)
            ).fetchone()
            return _document(row)

        return self._db.write(work)

    def person_of_document(self, sha256: str) -> int | None:
        """The person whose document has these bytes, if any."""

        def work(conn: Connection) -> int | None:
            row = conn.execute(
                "SELECT person_id FROM person_documents WHERE sha256 = ?", (sha256,)
            ).fetchone()
            return None if row is None else int(row[0])

        return self._db.read(work)

    def documents(
        self, person_id: int | None = None, *, role_id: int | None = None
    ) -> builtins.list[PersonDocument]:
        """Redacted documents of one person, or of every person of a role, by person then id."""

        def work(conn: Connection) -> builtins.list[PersonDocument]:
            if person_id is not None:
                rows = conn.execute(
                    f"SELECT {_DOC} FROM person_documents WHERE person_id = ? ORDER BY id",
                    (person_id,),
                )
            else:
                rows = conn.execute(
                    f"SELECT {_DOC} FROM person_documents WHERE person_id IN"
                    " (SELECT id FROM people WHERE role_id = ?) ORDER BY person_id, id",
                    (role_id,),
                )
            return [_document(r) for r in rows.fetchall()]

        return self._db.read(work)

    def documents_by_id(self, ids: Sequence[int]) -> builtins.list[PersonDocument]:
        wanted = [int(i) for i in ids]

        def work(conn: Connection) -> builtins.list[PersonDocument]:
            marks = ",".join("?" * len(wanted))
            rows = conn.execute(
                f"SELECT {_DOC} FROM person_documents WHERE id IN ({marks}) ORDER BY id", wanted
            )
            return [_document(r) for r in rows.fetchall()]

        return self._db.read(work) if wanted else []

    def original(self, document_id: int) -> tuple[str, bytes, str, dict[str, str]]:
        """The original file name, bytes, text and placeholder mapping (personal: reveal only)."""

        def work(conn: Connection) -> tuple[str, bytes, str, dict[str, str]]:
            row = conn.execute(
                "SELECT filename, data, text, redaction_mapping_json FROM person_documents"
                " WHERE id = ?",
                (document_id,),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"Document {int(document_id)} does not exist.")
            mapping = {str(k): str(v) for k, v in loads(row[3]).items()}
            return str(row[0]), bytes(row[1]), str(row[2]), mapping

        return self._db.read(work)

    def held_rows(self, person_id: int) -> dict[str, builtins.list[dict[str, Any]]]:
        """The person's row and every row keyed to them, table by table, column by column (for
        the access export; binary values by size and SHA-256). Personal: the export only."""

        def work(conn: Connection) -> dict[str, builtins.list[dict[str, Any]]]:
            _get(conn, person_id)
            out = {"people": rows_where(conn, "people", "id", person_id)}
            for table in person_tables(conn):
                out[table] = rows_where(conn, table, "person_id", person_id)
            return out

        return self._db.read(work)

    def erasure_counts(self, person_id: int) -> dict[str, int]:
        """How many rows erasing the person would delete, per table (counts only)."""
        return self._db.read(lambda conn: _counts(conn, person_id))

    def erase(
        self, person_id: int, *, reason: str, actor: str, embedding_keys: Sequence[str] = ()
    ) -> ErasedPerson:
        """Delete everything keyed to the person, the cache entries ``embedding_keys`` and the
        person, and log a tombstone, in one transaction. The tombstone (``person.erased``) holds
        the person number, the number of documents and each one's SHA-256, the reason code and,
        by its timestamp, the date. Raises :class:`NotFoundError` for an unknown person."""

        def work(conn: Connection) -> ErasedPerson:
            _get(conn, person_id)
            sha256 = tuple(
                str(r[0])
                for r in conn.execute(
                    "SELECT sha256 FROM person_documents WHERE person_id = ? ORDER BY id",
                    (person_id,),
                )
            )
            rows: dict[str, int] = {}
            for table in person_tables(conn):
                cur = conn.execute(f'DELETE FROM "{table}" WHERE person_id = ?', (person_id,))
                rows[table] = max(cur.rowcount, 0)
            dropped = drop_embeddings(conn, embedding_keys, "person_embeddings")
            conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
            rows["people"] = 1
            raise_high_mark(conn, person_id, ID_HIGH_KEY)
            subject: dict[str, int | str] = {
                "person_id": int(person_id),
                "documents": len(sha256),
                "reason": reason,
            }
            subject.update({f"sha256_{i}": h for i, h in enumerate(sha256, start=1)})
            event = append_event(conn, ERASED_KIND, actor, subject)
            return ErasedPerson(int(person_id), sha256, rows, dropped, event.seq)

        return self._db.write(work)
