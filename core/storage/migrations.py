"""Forward-only schema migrations, numbered by ``PRAGMA user_version``.

Each step runs in its own transaction together with the version bump, so a crash leaves the
workspace at the previous version or the next, never in between. Steps are never edited once
released: a change is a new step appended to ``MIGRATIONS``. A workspace written by a newer Veil
(a version above the last step) is refused, never downgraded.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import WorkspaceError
from core.storage.connection import Connection


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        requirements_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE candidates (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        language TEXT NOT NULL,
        redacted_text TEXT NOT NULL,
        redaction_mapping_json TEXT NOT NULL,
        spans_json TEXT NOT NULL,
        warnings_json TEXT NOT NULL
    )""",
    """CREATE TABLE documents (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        filename TEXT NOT NULL,
        media_type TEXT NOT NULL,
        data BLOB NOT NULL,
        text TEXT NOT NULL,
        metadata_json TEXT NOT NULL
    )""",
    """CREATE TABLE job_candidates (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (job_id, candidate_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE scores (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        model_version TEXT NOT NULL,
        detail_json TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        PRIMARY KEY (job_id, candidate_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('shortlist', 'hold', 'reject')),
        reason TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        subject_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)

_V2 = (
    """CREATE TABLE embeddings (
        model_hash TEXT NOT NULL,
        key TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model_hash, key)
    ) WITHOUT ROWID""",
    "CREATE INDEX decisions_by_pair ON decisions (job_id, candidate_id, id)",
    "CREATE INDEX job_candidates_by_candidate ON job_candidates (candidate_id)",
)

_V3 = (
    """CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data_hash TEXT NOT NULL,
        base_model_hash TEXT NOT NULL,
        encoder_hash TEXT NOT NULL,
        metrics_json TEXT NOT NULL,
        examples INTEGER NOT NULL,
        weights BLOB NOT NULL,
        encoder_weights BLOB,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        adopted_at TEXT
    )""",
    "CREATE UNIQUE INDEX models_one_active ON models (active) WHERE active = 1",
)

_V4 = (
    """CREATE TABLE encoders (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        model_hash TEXT NOT NULL UNIQUE,
        model_type TEXT NOT NULL,
        dim INTEGER NOT NULL,
        manifest_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        selected_at TEXT
    )""",
    "CREATE UNIQUE INDEX encoders_one_active ON encoders (active) WHERE active = 1",
)

# Voluntary self-identification (issue 19): read only by the impact audit, never by scoring,
# learning or a blind view.
_V5 = (
    """CREATE TABLE self_identification (
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        value TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (candidate_id, category)
    ) WITHOUT ROWID""",
)

# Employees (issue 21): their own tables, apart from candidates, so no candidate view, ranking or
# learning query can ever reach them; their embeddings are cached apart too.
_V6 = (
    """CREATE TABLE roles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        language TEXT NOT NULL,
        requirements_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE RESTRICT,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX people_by_name ON people (role_id, name) WHERE name != ''",
    """CREATE TABLE person_documents (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        language TEXT NOT NULL,
        redacted_text TEXT NOT NULL,
        redaction_mapping_json TEXT NOT NULL,
        spans_json TEXT NOT NULL,
        warnings_json TEXT NOT NULL,
        filename TEXT NOT NULL,
        media_type TEXT NOT NULL,
        data BLOB NOT NULL,
        text TEXT NOT NULL,
        metadata_json TEXT NOT NULL
    )""",
    "CREATE INDEX person_documents_by_person ON person_documents (person_id)",
    """CREATE TABLE person_embeddings (
        model_hash TEXT NOT NULL,
        key TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model_hash, key)
    ) WITHOUT ROWID""",
    """CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        skills TEXT NOT NULL,
        hours REAL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (title, language)
    )""",
    """CREATE TABLE review_ratings (
        id INTEGER PRIMARY KEY,
        cycle TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        competency TEXT NOT NULL,
        rating REAL NOT NULL,
        manager TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (cycle, person_id, competency, manager)
    )""",
)

# A reviewer's word on a gap-matrix cell (issue 21): shown or not shown, with the reason; the
# matrix follows it, and Veil's agreement with the marks is shown beside the matrix.
_V7 = (
    """CREATE TABLE person_marks (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        competency TEXT NOT NULL,
        shown INTEGER NOT NULL,
        reason TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (person_id, competency)
    ) WITHOUT ROWID""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "jobs, candidates, documents, scores, decisions, settings, audit log", _V1),
    Migration(2, "embedding cache; indexes for decisions and job membership", _V2),
    Migration(3, "learned model versions (weights, metrics, the adopted one)", _V3),
    Migration(4, "imported encoders (SHA-256 manifest, the one in use)", _V4),
    Migration(5, "voluntary self-identification, apart from everything scoring reads", _V5),
    Migration(6, "employees: roles, people, their documents and embeddings, courses, ratings", _V6),
    Migration(7, "reviewers' marks on gap-matrix cells", _V7),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _apply(conn: Connection, step: Migration) -> None:
    for statement in step.statements:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {int(step.version)}")


def create_schema(conn: Connection) -> int:
    """Lay the latest schema on an empty database, inside the caller's transaction.

    A new workspace is created in one transaction, so one killed half-way is left at version 0,
    which ``open`` refuses as incomplete."""
    if schema_version(conn) != 0:
        raise RuntimeError("create_schema on a database that already has a schema")
    for step in MIGRATIONS:
        _apply(conn, step)
    return LATEST_VERSION


def migrate(conn: Connection, target: int = LATEST_VERSION) -> int:
    """Bring the schema forward to ``target``, one transaction per step; return the version."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise WorkspaceError(
            "This workspace was written by a newer version of Veil.",
            hint="Update Veil to open it; nothing was changed.",
        )
    for step in MIGRATIONS:
        if current < step.version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                _apply(conn, step)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            current = step.version
    return current
