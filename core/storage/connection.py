"""Opening, creating and keying the SQLCipher file: one place that knows the file's rules.

Every connection gets SQLCipher 4's default key derivation (PBKDF2-HMAC-SHA512, >= 256,000
iterations), per-page HMAC, no plaintext header, ``cipher_memory_security``, in-memory temp
storage, WAL with ``synchronous=FULL``, foreign keys, secure delete and an exclusive lock (one
Veil process per workspace, and no ``-shm`` file). The settings are read back from the open
connection and checked, so a weaker file is refused rather than used.

Opening never creates, recreates or repairs anything, and a failed open changes no byte of any
file: the path is checked first, the file is opened with ``mode=rw`` (SQLite then cannot create
it), and when a ``-wal`` or ``-journal`` file is present (an unclean shutdown) the passphrase is
first verified on an ``immutable`` connection, which reads the main file only, because SQLite
would otherwise replay those files before it finds out that the key is wrong.

That check judges the key and nothing else. While a ``-wal`` file exists, the main file alone
is not a consistent database and need not be one: a checkpoint stopped by a full disk (or a
power cut) leaves it with some pages copied from the WAL and others not, page 1 already
counting pages that only the WAL holds, and a torn last page. SQLite finishes that copy from
the WAL on the next read-write open, so refusing such a file as damaged would turn a full disk
into a lost workspace (issue 17). The key is right when the main file's pages pass their HMAC.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlcipher3 import dbapi2 as sqlcipher

from core.errors import (
    WorkspaceCorruptError,
    WorkspaceError,
    WorkspaceExistsError,
    WorkspaceNotFoundError,
    WrongPassphraseError,
)

# the side files and fsync, at home in ``files``, as callers import them from here
from core.storage.files import SIDECAR_SUFFIXES as SIDECAR_SUFFIXES
from core.storage.files import fsync_dir as fsync_dir
from core.storage.files import fsync_file as fsync_file
from core.storage.files import remove_files as remove_files
from core.storage.files import sidecars as sidecars

if TYPE_CHECKING:  # sqlcipher3 has no type stubs; its API is the standard sqlite3 one
    from sqlite3 import Connection as Connection
    from sqlite3 import DatabaseError as DatabaseError
    from sqlite3 import IntegrityError as IntegrityError
else:
    Connection = sqlcipher.Connection
    DatabaseError = sqlcipher.DatabaseError
    IntegrityError = sqlcipher.IntegrityError

PAGE_SIZE = 4096
MIN_KDF_ITER = 256_000
KDF_ALGORITHM = "PBKDF2_HMAC_SHA512"
HMAC_ALGORITHM = "HMAC_SHA512"
_SQLITE_HEADER = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 500


def check_passphrase(passphrase: str) -> None:
    if not isinstance(passphrase, str) or not passphrase:
        raise WorkspaceError("The passphrase is empty.", hint="Enter the workspace passphrase.")
    if "\x00" in passphrase:
        raise WorkspaceError("The passphrase contains a NUL character, which is not allowed.")


def quote_passphrase(passphrase: str) -> str:
    """The passphrase as an SQL string literal (for PRAGMA key / ATTACH ... KEY)."""
    return "'" + passphrase.replace("'", "''") + "'"


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path.absolute().as_uri()}?{query}"


def _connect(uri: str) -> Connection:
    try:
        conn: Connection = sqlcipher.connect(
            uri,
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=_BUSY_TIMEOUT_MS / 1000,
        )
        return conn
    except sqlcipher.OperationalError as exc:
        raise WorkspaceError(
            "The workspace file cannot be opened.", hint=f"({_reason(exc)})"
        ) from None


def _reason(exc: BaseException) -> str:
    """SQLite's own short message: names no file and holds no data."""
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _not_writable(target: Path) -> bool:
    """``target`` is marked read-only, or cannot be written, or sits on a read-only mount.

    Mode bits are checked as well as ``os.access`` because the super-user may write anywhere:
    a file the user marked read-only is still treated as read-only.
    """
    try:
        st = os.stat(target)
    except OSError:
        return False
    if not st.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        return True
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return True
    return False


def _is_read_only(path: Path) -> bool:
    """The workspace file or its folder (where SQLite writes its side files) is read-only."""
    return _not_writable(path) or _not_writable(path.parent)


def preflight(path: Path) -> None:
    """Refuse, before SQLite sees it, any path that cannot be a usable workspace."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise WorkspaceNotFoundError(
            "No workspace exists at this place.",
            hint="Check the path, or create a new workspace (veil init).",
        ) from None
    except OSError as exc:
        raise WorkspaceError(
            "The workspace cannot be reached.", hint=f"({exc.strerror or 'unreadable'})"
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise WorkspaceNotFoundError(
            "This is a folder, not a workspace file.", hint="Give the path of the .veil file."
        )
    if not stat.S_ISREG(st.st_mode):
        raise WorkspaceError("This is not a regular file, so it cannot be a workspace.")
    if not os.access(path, os.R_OK):
        raise WorkspaceError("The workspace file cannot be read (permission denied).")
    if _is_read_only(path):
        raise WorkspaceError(
            "The workspace is in a read-only location.",
            hint="Veil must be able to write next to the file. Copy it to a writable folder.",
        )
    with open(path, "rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if head == _SQLITE_HEADER:
        raise WorkspaceError("This is an unencrypted SQLite database, not a Veil workspace.")
    # A checkpoint stopped by a full disk may leave a torn last page; the WAL still holds it.
    torn_tail_allowed = path.with_name(path.name + "-wal").exists()
    if st.st_size == 0 or (st.st_size % PAGE_SIZE and not torn_tail_allowed):
        raise WorkspaceCorruptError(
            "This file is not a Veil workspace, or it is truncated or damaged.",
            hint="Nothing was changed. Check the path, or restore the workspace from a backup.",
        )


def _configure_before_key(conn: Connection) -> None:
    # Process-wide in SQLCipher: its log would otherwise go to stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA cipher_memory_security = ON")
    # Before the first read: WAL then keeps its index in private memory, with no -shm file.
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")


def _key_and_probe(conn: Connection, passphrase: str) -> None:
    conn.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    try:
        conn.execute("PRAGMA user_version").fetchone()
    except DatabaseError as exc:
        raise translate(exc) from None


def _verify_key_without_side_files(path: Path, passphrase: str) -> None:
    """Check the passphrase on the main file alone: no lock, no ``-wal``/``-journal`` replay.

    Only the key is judged (see the module's docstring): ``writable_schema`` lets page 1 count
    more pages than the file holds yet (the connection is read-only and immutable, so nothing
    can be written), and when page 1 itself fails, the key is still right if any other page
    of the main file passes its HMAC (a wrong key fails every page). A main file of one torn
    page (a workspace whose first checkpoint was cut short) has nothing left to judge the key
    by, and is refused as a wrong passphrase; its WAL is left as it is.
    """
    conn = _connect(_uri(path, mode="ro", immutable="1"))
    try:
        _configure_before_key(conn)
        conn.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
        conn.execute("PRAGMA writable_schema = ON")
        try:
            conn.execute("PRAGMA user_version").fetchone()
        except DatabaseError as exc:
            error = translate(exc)
            if not isinstance(error, WrongPassphraseError) or not _other_pages_verify(conn, path):
                raise error from None
    finally:
        conn.close()


def _other_pages_verify(conn: Connection, path: Path) -> bool:
    """Some page of the main file passes its HMAC under this key (page 1 may be torn)."""
    try:
        failures = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except DatabaseError:
        return False
    pages = -(-os.path.getsize(path) // PAGE_SIZE)
    return pages > 1 and failures < pages


def _configure_after_key(conn: Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise WorkspaceError("The workspace cannot switch to its safe journal mode.")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    # Take the exclusive lock now, so a second Veil process fails here and not mid-work.
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("COMMIT")


def _pragma(conn: Connection, name: str) -> str:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return "" if row is None else str(row[0])


def settings_report(conn: Connection) -> dict[str, str]:
    """The security-relevant settings, as the open connection reports them."""
    names = (
        "cipher_version",
        "kdf_iter",
        "cipher_kdf_algorithm",
        "cipher_hmac_algorithm",
        "cipher_use_hmac",
        "cipher_plaintext_header_size",
        "cipher_page_size",
        "cipher_memory_security",
        "cipher_log_level",
        "journal_mode",
        "synchronous",
        "foreign_keys",
        "temp_store",
        "locking_mode",
        "secure_delete",
    )
    return {name: _pragma(conn, name) for name in names}


def verify_settings(conn: Connection) -> dict[str, str]:
    """Raise unless every setting is what Veil promises; return them."""
    got = settings_report(conn)
    expected_ok = {
        "kdf_iter": got["kdf_iter"].isdigit() and int(got["kdf_iter"]) >= MIN_KDF_ITER,
        "cipher_kdf_algorithm": got["cipher_kdf_algorithm"] == KDF_ALGORITHM,
        "cipher_hmac_algorithm": got["cipher_hmac_algorithm"] == HMAC_ALGORITHM,
        "cipher_use_hmac": got["cipher_use_hmac"] == "1",
        "cipher_plaintext_header_size": got["cipher_plaintext_header_size"] == "0",
        "cipher_memory_security": got["cipher_memory_security"] == "1",
        "cipher_log_level": got["cipher_log_level"].upper() == "NONE",
        "journal_mode": got["journal_mode"].lower() == "wal",
        "synchronous": got["synchronous"] == "2",  # FULL
        "foreign_keys": got["foreign_keys"] == "1",
        "temp_store": got["temp_store"] == "2",  # MEMORY
        "locking_mode": got["locking_mode"].lower() == "exclusive",
        "secure_delete": got["secure_delete"] == "1",
    }
    bad = sorted(name for name, ok in expected_ok.items() if not ok)
    if bad:
        raise WorkspaceError(
            "The workspace's encryption settings are weaker than Veil requires.",
            hint="(" + ", ".join(bad) + ")",
        )
    return got


def known_error(exc: BaseException) -> WorkspaceError | None:
    """The user-facing error a SQLite/SQLCipher error stands for; None when it is a bug."""
    text = str(exc).lower()
    if "file is not a database" in text:
        return WrongPassphraseError()
    if "malformed" in text or "corrupt" in text or "hmac" in text:
        return WorkspaceCorruptError(
            "The workspace is damaged or was tampered with.",
            hint="Nothing was repaired. Restore it from a backup.",
        )
    if "database is locked" in text or "busy" in text:
        return WorkspaceError(
            "The workspace is open in another Veil window or process.",
            hint="Close it there first.",
        )
    if "readonly" in text or "read-only" in text:
        return WorkspaceError("The workspace is in a read-only location.")
    if "disk is full" in text:
        return WorkspaceError("The disk is full; the last change was not saved.")
    if "disk i/o error" in text or "unable to open" in text:
        return WorkspaceError(
            "The workspace file could not be read or written.", hint=f"({_reason(exc)})"
        )
    return None


def translate(exc: BaseException) -> WorkspaceError:
    """Like :func:`known_error`, with a generic user-facing error for anything else."""
    known = known_error(exc)
    if known is not None:
        return known
    return WorkspaceError("The workspace could not be used.", hint=f"({_reason(exc)})")


@contextlib.contextmanager
def _closing_on_error(conn: Connection) -> Iterator[Connection]:
    try:
        yield conn
    except BaseException:
        conn.close()
        raise


def open_connection(path: Path, passphrase: str) -> Connection:
    """Open an existing workspace file; raise a :class:`WorkspaceError` subclass on failure."""
    check_passphrase(passphrase)
    preflight(path)
    if any(side.exists() for side in sidecars(path)):
        _verify_key_without_side_files(path, passphrase)
    conn = _connect(_uri(path, mode="rw"))
    with _closing_on_error(conn):
        _configure_before_key(conn)
        _key_and_probe(conn, passphrase)
        try:
            _configure_after_key(conn)
        except DatabaseError as exc:
            raise translate(exc) from None
        verify_settings(conn)
    return conn


def create_connection(path: Path, passphrase: str) -> Connection:
    """Create a new, empty, keyed workspace file. Refuses to touch anything that exists."""
    check_passphrase(passphrase)
    parent = path.parent
    if not parent.is_dir():
        raise WorkspaceNotFoundError(
            "The folder for the new workspace does not exist.", hint="Create the folder first."
        )
    if path.exists() or path.is_symlink() or any(s.exists() for s in sidecars(path)):
        raise WorkspaceExistsError(
            "A file already exists where the new workspace should go.",
            hint="Nothing was changed. Choose another name or open the existing workspace.",
        )
    if _not_writable(parent):
        raise WorkspaceError("The folder for the new workspace is read-only.")
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        raise WorkspaceExistsError(
            "A file already exists where the new workspace should go."
        ) from None
    except OSError as exc:
        raise WorkspaceError(
            "The workspace file cannot be created.", hint=f"({exc.strerror or 'error'})"
        ) from None
    try:
        conn = _connect(_uri(path, mode="rw"))
        with _closing_on_error(conn):
            _configure_before_key(conn)
            conn.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
            _configure_after_key(conn)
            verify_settings(conn)
    except BaseException:
        remove_files(path)
        raise
    return conn
