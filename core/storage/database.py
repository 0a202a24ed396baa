"""One connection, one thread: every database call of a workspace runs on its own thread.

``Database.call`` runs a function on that thread (directly when already there, else through a
single-thread executor) and turns SQLite errors into user-facing ones. ``write`` wraps the
function in a transaction (a savepoint when one is already open), and ``transaction`` lets a
caller on any thread group several writes; the caller's thread holds a lock meanwhile, so
other threads wait instead of seeing or joining the open transaction.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from core.errors import WorkspaceLockedError
from core.storage.connection import Connection, DatabaseError, known_error

T = TypeVar("T")


class Database:
    """The workspace's connection and the one thread allowed to use it."""

    def __init__(self, conn: Connection) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veil-db")
        self._thread_id = self._executor.submit(threading.get_ident).result()
        self._lock = threading.RLock()
        self._conn: Connection | None = conn
        self._stack: list[str] = []  # "" for BEGIN, else a savepoint name
        self._names = itertools.count(1)

    # --- threading ---------------------------------------------------------------------------

    def on_thread(self) -> bool:
        return threading.get_ident() == self._thread_id

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def conn(self) -> Connection:
        """The connection; only for code already running on the database thread."""
        if self._conn is None:
            raise WorkspaceLockedError("The workspace is closed.", hint="Open it again.")
        if not self.on_thread():
            raise RuntimeError("database connection used off its thread")
        return self._conn

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the database thread and return its result (exceptions propagate)."""
        if self.on_thread():
            return self._guarded(fn)
        with self._lock:
            if self._conn is None:
                raise WorkspaceLockedError("The workspace is closed.", hint="Open it again.")
            return self._executor.submit(self._guarded, fn).result()

    @staticmethod
    def _guarded(fn: Callable[[], T]) -> T:
        """Run ``fn``; storage failures become user errors, SQL bugs stay bugs."""
        try:
            return fn()
        except DatabaseError as exc:
            known = known_error(exc)
            if known is None:
                raise
            raise known from exc

    def read(self, fn: Callable[[Connection], T]) -> T:
        return self.call(lambda: fn(self.conn))

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` atomically: all its changes are kept, or none."""

        def work() -> T:
            self._begin()
            try:
                result = fn(self.conn)
                self._commit()
            except BaseException:
                self._rollback()
                raise
            return result

        return self.call(work)

    # --- transactions ------------------------------------------------------------------------

    def _begin(self) -> None:
        conn = self.conn
        if self._stack:
            name = f"veil_sp_{next(self._names)}"
            conn.execute(f"SAVEPOINT {name}")
            self._stack.append(name)
        else:
            conn.execute("BEGIN IMMEDIATE")
            self._stack.append("")

    def _commit(self) -> None:
        """End the innermost transaction; on failure it stays on the stack for ``_rollback``."""
        name = self._stack[-1]
        self.conn.execute(f"RELEASE {name}" if name else "COMMIT")
        self._stack.pop()

    def _rollback(self) -> None:
        name = self._stack.pop()
        conn = self.conn
        if not conn.in_transaction:  # SQLite already rolled it back (e.g. disk full)
            return
        if name:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        else:
            conn.execute("ROLLBACK")

    def _begin_depth(self) -> int:
        self._begin()
        return len(self._stack)

    def _rollback_from(self, depth: int) -> None:
        """Roll back the transaction begun at ``depth``, unless it has already ended.

        It has when Ctrl-C reached the calling thread while it waited for the commit, which the
        database thread then finished: there is nothing left to roll back (it was kept).
        """
        if len(self._stack) >= depth:
            while len(self._stack) > depth:  # inner savepoints left open by the interruption
                self._rollback()
            self._rollback()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes from the calling thread; other threads wait until it ends."""
        with self._lock:
            depth = self.call(self._begin_depth)
            try:
                yield
                self.call(self._commit)
            except BaseException:
                self.call(lambda: self._rollback_from(depth))
                raise

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold off every other thread (no transaction may be open)."""
        with self._lock:
            if self._stack:
                raise RuntimeError("cannot do this inside a transaction")
            yield

    # --- life cycle --------------------------------------------------------------------------

    def replace_connection(self, conn: Connection) -> None:
        """Swap in a new connection (after a passphrase change); on the database thread."""
        if not self.on_thread():
            raise RuntimeError("replace_connection off the database thread")
        self._conn = conn
        self._stack.clear()

    def forget_connection(self) -> None:
        """The connection was closed underneath (a failed passphrase change): lock the workspace."""
        if not self.on_thread():
            raise RuntimeError("forget_connection off the database thread")
        self._conn = None
        self._stack.clear()

    def close(self) -> None:
        with self._lock:

            def shut() -> None:
                conn, self._conn = self._conn, None
                self._stack.clear()
                if conn is not None:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    conn.close()

            if self.on_thread():
                shut()
                self._executor.shutdown(wait=False)
                return
            try:
                self._executor.submit(shut).result()
            except RuntimeError:  # already shut down
                pass
            finally:
                self._conn = None
                self._executor.shutdown(wait=True)
