"""Changing the passphrase without any moment where the workspace could be lost.

The data is exported (``sqlcipher_export``) to a sibling file keyed with the new passphrase,
fsynced, and then moved over the workspace with ``os.replace`` (atomic on one file system). Until
that rename the file on disk is the old workspace (old passphrase); after it, the new one (new
passphrase). Before the rename the old connection leaves WAL mode and closes, so no old ``-wal``
file can sit next to the new database. A leftover sibling from an interrupted change is removed
on the next successful open.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from core.errors import WorkspaceError
from core.storage import audit
from core.storage.connection import (
    Connection,
    check_passphrase,
    fsync_dir,
    fsync_file,
    open_connection,
    quote_passphrase,
    remove_files,
    sidecars,
)
from core.storage.migrations import schema_version

REKEY_SUFFIX = ".rekey-tmp"


def rekey_path(path: Path) -> Path:
    return path.with_name(path.name + REKEY_SUFFIX)


def remove_leftover(path: Path) -> None:
    """Drop what an interrupted passphrase change left behind (only our own sibling files)."""
    tmp = rekey_path(path)
    if tmp.exists() or any(s.exists() for s in sidecars(tmp)):
        with contextlib.suppress(OSError):
            remove_files(tmp)


def export_copy(conn: Connection, path: Path, new_passphrase: str, actor: str) -> Path:
    """Write the whole workspace, keyed with ``new_passphrase``, to the sibling file."""
    check_passphrase(new_passphrase)
    tmp = rekey_path(path)
    remove_files(tmp)
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute(f"ATTACH DATABASE ? AS rekey KEY {quote_passphrase(new_passphrase)}", (str(tmp),))
    try:
        conn.execute("SELECT sqlcipher_export('rekey')")
        conn.execute(f"PRAGMA rekey.user_version = {schema_version(conn)}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            audit.append_event(conn, "passphrase.changed", actor, {}, schema="rekey")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE rekey")
    fsync_file(tmp)
    for side in sidecars(tmp):
        if side.exists():
            raise WorkspaceError("The new copy of the workspace was not completed.")
    return tmp


def swap_in(old: Connection, path: Path, tmp: Path, new_passphrase: str) -> Connection:
    """Close ``old`` and move the copy over the workspace; return the new connection."""
    old.execute("PRAGMA journal_mode = DELETE")  # checkpoints and removes the -wal file
    old.close()
    if any(side.exists() for side in sidecars(path)):
        raise WorkspaceError(
            "The passphrase could not be changed: the workspace did not close cleanly.",
            hint="The old passphrase still works. Open the workspace again and retry.",
        )
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return open_connection(path, new_passphrase)


def abandon(path: Path) -> None:
    with contextlib.suppress(OSError):
        remove_files(rekey_path(path))
