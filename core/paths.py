"""Where Veil keeps its files.

By default the platform's user folders (platformdirs). ``VEIL_HOME`` relocates everything under
one folder (tests, portable installs): ``$VEIL_HOME/data``, ``/config``, ``/logs``, ``/cache``.
Personal data lives only inside the encrypted workspace file; these folders hold settings, logs
without personal data, and nothing else.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

from core.errors import UserError

APP_NAME = "Veil"
WORKSPACE_SUFFIX = ".veil"
DEFAULT_WORKSPACE_NAME = "workspace" + WORKSPACE_SUFFIX
MAX_TABLE_BYTES = 20 * 1024 * 1024  # a CSV the user imports (decisions, self-identification)


def _home() -> Path | None:
    value = os.environ.get("VEIL_HOME", "").strip()
    return Path(value).expanduser().resolve() if value else None


def _ensure(path: Path) -> Path:
    """Create one of Veil's own folders, private to the user (also one an older version made)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def data_dir() -> Path:
    home = _home()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False)))


def config_dir() -> Path:
    home = _home()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False)))


def log_dir() -> Path:
    home = _home()
    return _ensure(home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False)))


def cache_dir() -> Path:
    home = _home()
    return _ensure(home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, False)))


def default_workspace() -> Path:
    """The workspace used when neither ``--workspace`` nor ``VEIL_WORKSPACE`` names one."""
    env = os.environ.get("VEIL_WORKSPACE", "").strip()
    if env:
        return Path(env).expanduser()
    return data_dir() / DEFAULT_WORKSPACE_NAME


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file the user asked for (an export, a saved document, a report): a private
    temporary file in the same folder (mode 0600), fsync, rename; never a half-written file.
    ``OSError`` when the place cannot be written."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".veil-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_user_text(
    path: Path, what: str, *, max_bytes: int | None = None, error: type[UserError] = UserError
) -> str:
    """The text of a file the user gives (a posting, a role, a CSV): UTF-8, with or without a
    byte-order mark. ``what`` names it in the messages ("job file"); ``error`` is the
    ``UserError`` raised when it is too large, unreadable or not UTF-8."""
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise error(f"The {what} is too large (over {max_bytes // (1024 * 1024)} MB).")
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"Cannot read the {what}.", hint=f"({exc.strerror or 'unreadable'})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(
            f"The {what} is not UTF-8 text.",
            hint="Save it as UTF-8 text (from a spreadsheet: CSV UTF-8), then try again.",
        ) from None
