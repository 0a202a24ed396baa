"""The workspace's files on disk: the side files SQLite keeps, fsync, removal."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SIDECAR_SUFFIXES = ("-wal", "-journal", "-shm")


def sidecars(path: Path) -> list[Path]:
    """The files SQLite may keep next to the database (whether or not they exist)."""
    return [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]


def remove_files(path: Path) -> None:
    """Delete a database file Veil itself just made, with its side files."""
    for target in (path, *sidecars(path)):
        with contextlib.suppress(FileNotFoundError):
            target.unlink()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
