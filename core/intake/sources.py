"""Inputs for a batch: files, folders (recursive) and ZIP archives, expanded lazily into
``Source`` items (bytes in memory, or a per-file error). ZIPs are checked on their central
directory before anything is decompressed; archives inside archives are refused."""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from core.intake.archive import check_archive
from core.intake.errors import ArchiveError, CorruptFileError, FileTooLargeError, SourceError
from core.intake.limits import DEFAULT_LIMITS, Limits
from core.intake.model import Source

DOCUMENT_SUFFIXES = frozenset(
    {
        ".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt", ".md", ".markdown", ".text",
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".gif", ".heic", ".heif",
    }
)  # fmt: skip
ARCHIVE_SUFFIXES = frozenset(
    {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".jar", ".cab"}
)


def _is_junk(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(part.startswith(".") or part == "__MACOSX" for part in parts if part) or (
        parts[-1].lower() in ("thumbs.db", "desktop.ini")
    )


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def iter_sources(paths: Iterable[Path], limits: Limits | None = None) -> Iterator[Source]:
    """Expand ``paths`` into sources, in a stable order (folders sorted, recursive).

    Explicit files are always taken (their content decides the format); inside folders and
    ZIPs only document and archive names are taken, hidden and system files skipped.
    """
    limits = limits or DEFAULT_LIMITS
    for path in paths:
        path = Path(path)
        label = str(path)
        try:
            if path.is_dir():
                yield from _folder(path, limits)
            elif path.is_file():
                yield from _file(path, limits)
            else:
                yield Source(label, None, SourceError("This path does not exist or is not a file."))
        except OSError:
            yield Source(label, None, SourceError("This path cannot be read (permission denied?)."))


def _folder(folder: Path, limits: Limits) -> Iterator[Source]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _is_junk(d))
        for name in sorted(files):
            if _is_junk(name):
                continue
            suffix = _suffix(name)
            if suffix in DOCUMENT_SUFFIXES or suffix == ".zip":
                path = Path(root) / name
                try:
                    yield from _file(path, limits)
                except OSError:
                    yield Source(str(path), None, SourceError("This file cannot be read."))


def _file(path: Path, limits: Limits) -> Iterator[Source]:
    label = str(path)
    suffix = _suffix(path.name)
    if suffix == ".zip":
        yield from _zip(path, limits)
        return
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        yield Source(label, None, SourceError("This is not a regular file."))
        return
    if info.st_size > limits.max_bytes:
        yield Source(label, None, FileTooLargeError(limits.max_bytes))
        return
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        yield Source(label, None, FileTooLargeError(limits.max_bytes))
    else:
        yield Source(label, data, None)


def _zip(path: Path, limits: Limits) -> Iterator[Source]:
    label = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        yield Source(label, None, ArchiveError("This ZIP archive is damaged and cannot be opened."))
        return
    with archive:
        try:
            check_archive(archive, limits)
        except ArchiveError as exc:
            yield Source(label, None, exc)
            return
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename
            if info.is_dir() or _is_junk(name):
                continue
            entry_label = f"{label}/{name}"
            suffix = _suffix(name)
            if suffix in ARCHIVE_SUFFIXES:
                yield Source(
                    entry_label, None, ArchiveError("An archive inside an archive is refused.")
                )
                continue
            if suffix not in DOCUMENT_SUFFIXES:
                continue
            if info.file_size > limits.max_bytes:
                yield Source(entry_label, None, FileTooLargeError(limits.max_bytes))
                continue
            yield _entry(archive, info, entry_label, limits)


def _entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, limits: Limits) -> Source:
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.max_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        return Source(label, None, CorruptFileError("file in the ZIP archive"))
    if len(data) > limits.max_bytes:
        return Source(label, None, FileTooLargeError(limits.max_bytes))
    return Source(label, data, None)
