"""The ``Workspace`` facade: one encrypted file, one connection, one thread, one door to the data.

    with Workspace.open(path, passphrase) as ws:
        job = ws.jobs.add("Data engineer", text, requirements)

Every repository call runs on the workspace's own database thread (see ``database.py``), so
services, the CLI and GUI workers may call it from any thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from core.errors import UserError, WorkspaceCorruptError
from core.storage import rekey
from core.storage.audit import Audit, append_event
from core.storage.candidates import Candidates
from core.storage.codec import now
from core.storage.connection import (
    Connection,
    DatabaseError,
    check_passphrase,
    create_connection,
    open_connection,
    remove_files,
    settings_report,
    translate,
)
from core.storage.courses import Courses, Ratings
from core.storage.database import Database
from core.storage.decisions import Decisions
from core.storage.embeddings import Embeddings
from core.storage.jobs import Jobs
from core.storage.lifecycle import Lifecycle
from core.storage.migrations import LATEST_VERSION, create_schema, migrate, schema_version
from core.storage.models import Encoders, Models
from core.storage.people import People
from core.storage.person_marks import PersonMarks
from core.storage.roles import Roles
from core.storage.scores import Scores
from core.storage.selfid import SelfIdentification
from core.storage.settings import Settings

MIN_PASSPHRASE_LENGTH = 8


def validate_new_passphrase(passphrase: str) -> None:
    """The policy for a passphrase chosen by a user (front ends call this before create)."""
    check_passphrase(passphrase)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            f"The passphrase is too short: use at least {MIN_PASSPHRASE_LENGTH} characters."
        )


def _quick_check(conn: Connection) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except DatabaseError as exc:
        raise translate(exc) from None
    if [str(r[0]) for r in rows] != ["ok"]:
        raise WorkspaceCorruptError(
            "The workspace is damaged or was tampered with.",
            hint="Nothing was repaired. Restore it from a backup.",
        )


def _finish_checkpoint(conn: Connection) -> None:
    """Finish the copy of a ``-wal`` file left by a crash or a full disk into the main file.

    Until then the main file may hold a half-made copy (a torn last page, pages the WAL still
    holds), which SQLite reads around but which a check of the main file's pages reports. A
    disk that is still full refuses the copy: the WAL then stays, and the next open tries again.
    """
    with contextlib.suppress(DatabaseError):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


class Workspace:
    """An open, unlocked workspace. Use :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self._db = db
        self.jobs = Jobs(db)
        self.candidates = Candidates(db)
        self.scores = Scores(db)
        self.decisions = Decisions(db)
        self.settings = Settings(db)
        self.audit = Audit(db)
        self.embeddings = Embeddings(db)
        self.models = Models(db)
        self.encoders = Encoders(db)
        # employees (issue 21): own tables and embedding cache, apart from candidates
        self.roles = Roles(db)
        self.people = People(db)
        self.person_embeddings = Embeddings(db, "person_embeddings")
        self.courses = Courses(db)
        self.ratings = Ratings(db)
        self.marks = PersonMarks(db)
        self.selfid = SelfIdentification(db)  # read only by the impact audit
        self.lifecycle = Lifecycle(db)

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, passphrase: str, *, actor: str = "system") -> Workspace:
        """Create a new workspace file; refuses to overwrite anything that exists."""
        target = Path(path)
        conn = create_connection(target, passphrase)
        try:
            conn.execute("BEGIN IMMEDIATE")
            create_schema(conn)
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('created_at', ?), ('format', 'veil')",
                (now(),),
            )
            append_event(conn, "workspace.created", actor, {"schema": LATEST_VERSION})
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            remove_files(target)
            raise
        return cls(target, Database(conn))

    @classmethod
    def open(cls, path: str | Path, passphrase: str, *, check: bool = True) -> Workspace:
        """Open and unlock; migrate the schema forward. ``check`` runs SQLite's quick check."""
        target = Path(path)
        recovering = target.with_name(target.name + "-wal").exists()
        conn = open_connection(target, passphrase)
        try:
            if recovering:
                _finish_checkpoint(conn)
            if check:
                _quick_check(conn)
            try:
                if schema_version(conn) == 0:
                    raise WorkspaceCorruptError(
                        "This workspace was never completely created.",
                        hint="Nothing was changed. Create a new workspace.",
                    )
                migrate(conn)
            except DatabaseError as exc:
                raise translate(exc) from None
        except BaseException:
            conn.close()
            raise
        rekey.remove_leftover(target)
        return cls(target, Database(conn))

    # --- life cycle --------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    @property
    def closed(self) -> bool:
        return self._db.closed

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- whole-workspace operations ----------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes as one: all kept, or none (on any exception)."""
        with self._db.transaction():
            yield

    def change_passphrase(self, new_passphrase: str, *, actor: str = "system") -> None:
        """Re-encrypt everything under a new passphrase, keeping all data.

        Atomic: if interrupted, the file on disk opens with exactly one of the two passphrases.
        """
        check_passphrase(new_passphrase)
        with self._db.exclusive():

            def work() -> None:
                conn = self._db.conn
                try:
                    tmp = rekey.export_copy(conn, self.path, new_passphrase, actor)
                except BaseException:
                    rekey.abandon(self.path)
                    raise
                try:
                    new_conn = rekey.swap_in(conn, self.path, tmp, new_passphrase)
                except BaseException:
                    self._db.forget_connection()  # the old connection is closed by now
                    raise
                self._db.replace_connection(new_conn)

            self._db.call(work)

    @property
    def schema_version(self) -> int:
        return self._db.read(schema_version)

    def security_settings(self) -> dict[str, str]:
        """Cipher and journal settings as the open connection reports them."""
        return self._db.read(settings_report)

    def check_integrity(self) -> list[str]:
        """Full checks: SQLCipher's page HMACs and SQLite's integrity check. Empty when sound."""

        def work(conn: Connection) -> list[str]:
            # cipher_integrity_check reads the main file's pages: first copy the WAL into it.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
            problems += [
                str(r[0]) for r in conn.execute("PRAGMA integrity_check") if str(r[0]) != "ok"
            ]
            problems += [f"foreign key: {r[0]}" for r in conn.execute("PRAGMA foreign_key_check")]
            return problems

        return self._db.read(work)
