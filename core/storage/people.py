"""Employees and their documents, apart from candidates (own tables, own embedding cache).

A person row holds the role and, when the importer gave one, the name that groups their
documents (personal: read only by ``find_by_name``). A document row holds what reviewers see
(redacted text, kind, redacted file name) and, in columns only ``original`` reads, the original
file, its text and the placeholder mapping.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import NotFoundError
from core.people.model import Person, PersonDocument
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection
from core.storage.database import Database

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
            cur = conn.execute(
                "INSERT INTO people (role_id, name, created_at) VALUES (?, ?, ?)",
                (role_id, name, now()),
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
