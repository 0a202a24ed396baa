"""Inputs for a batch: files, folders (recursive) and ZIP archives, expanded lazily into
``Source`` items (bytes in memory, or a per-file error). ZIPs are checked on their central
directory before anything is decompressed; archives inside archives are refused.

``iter_entries`` lists a batch without reading any file (so it can be counted first);
each ``Entry.read()`` then reads one file, and ``iter_sources`` reads them as it goes."""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import IntakeError
from core.intake.archive import ZIP_ERRORS, check_archive
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
    ZIPs only document and archive names are taken, hidden and system files skipped. Each
    file is read only when the iterator reaches it.
    """
    for entry in iter_entries(paths, limits):
        yield entry.read()


@dataclass(frozen=True)
class Entry:
    """One input found by ``iter_entries``, not read yet: ``read()`` reads it into a Source
    (its bytes, or why it cannot be taken). Listing a batch costs no file contents, so a
    caller can count it first and then read one file at a time."""

    label: str = field(repr=False)
    read: Callable[[], Source] = field(repr=False)


def iter_entries(paths: Iterable[Path], limits: Limits | None = None) -> Iterator[Entry]:
    """The entries ``iter_sources`` would read, in the same order; nothing is read but file
    sizes, folder listings and ZIP central directories."""
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
                yield _failed(label, SourceError("This path does not exist or is not a file."))
        except OSError:
            yield _failed(label, SourceError("This path cannot be read (permission denied?)."))


def _failed(label: str, error: IntakeError) -> Entry:
    source = Source(label, None, error)
    return Entry(label, lambda: source)


def _folder(folder: Path, limits: Limits) -> Iterator[Entry]:
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
                    yield _failed(str(path), SourceError("This file cannot be read."))


def _file(path: Path, limits: Limits) -> Iterator[Entry]:
    label = str(path)
    suffix = _suffix(path.name)
    if suffix == ".zip":
        yield from _zip(path, limits)
        return
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        yield _failed(label, SourceError("This is not a regular file."))
        return
    if info.st_size > limits.max_bytes:
        yield _failed(label, FileTooLargeError(limits.max_bytes))
        return
    yield Entry(label, lambda: _read_file(path, limits))


def _read_file(path: Path, limits: Limits) -> Source:
    label = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError:
        return Source(label, None, SourceError("This file cannot be read."))
    if len(data) > limits.max_bytes:
        return Source(label, None, FileTooLargeError(limits.max_bytes))
    return Source(label, data, None)


def _zip(path: Path, limits: Limits) -> Iterator[Entry]:
    label = str(path)
    damaged = ArchiveError("This ZIP archive is damaged and cannot be opened.")
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_ERRORS:  # also multi-disk or oddly built archives (found by fuzzing)
        yield _failed(label, damaged)
        return
    except ValueError:
        yield _failed(label, damaged)
        return
    try:
        entries = _zip_entries(archive, path, label, limits)
    except ArchiveError as exc:
        yield _failed(label, exc)
        return
    except ZIP_ERRORS:  # the listing runs in the app itself: a ZIP must never break it
        yield _failed(label, damaged)
        return
    except (ValueError, IndexError):
        yield _failed(label, damaged)
        return
    yield from entries


def _zip_entries(archive: zipfile.ZipFile, path: Path, label: str, limits: Limits) -> list[Entry]:
    entries: list[Entry] = []
    with archive:
        check_archive(archive, limits)
        reader = _ZipReader(path, limits)
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename
            if not name or info.is_dir() or _is_junk(name):
                continue
            entry_label = f"{label}/{name}"
            suffix = _suffix(name)
            if suffix in ARCHIVE_SUFFIXES:
                error = ArchiveError("An archive inside an archive is refused.")
                entries.append(_failed(entry_label, error))
                continue
            if suffix not in DOCUMENT_SUFFIXES:
                continue
            if info.file_size > limits.max_bytes:
                entries.append(_failed(entry_label, FileTooLargeError(limits.max_bytes)))
                continue
            entries.append(reader.entry(info, entry_label))
    return entries


class _ZipReader:
    """Reads the entries of one ZIP lazily, opening it once for all of them (and closing it
    after the last one)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self._path = path
        self._limits = limits
        self._archive: zipfile.ZipFile | None = None
        self._left = 0

    def entry(self, info: zipfile.ZipInfo, label: str) -> Entry:
        self._left += 1
        return Entry(label, lambda: self._read(info, label))

    def _read(self, info: zipfile.ZipInfo, label: str) -> Source:
        try:
            if self._archive is None:
                self._archive = zipfile.ZipFile(self._path)
            return _entry(self._archive, info, label, self._limits)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
            return Source(label, None, CorruptFileError("file in the ZIP archive"))
        finally:
            self._left -= 1
            if self._left <= 0 and self._archive is not None:
                self._archive.close()
                self._archive = None


def _entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, limits: Limits) -> Source:
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.max_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        return Source(label, None, CorruptFileError("file in the ZIP archive"))
    if len(data) > limits.max_bytes:
        return Source(label, None, FileTooLargeError(limits.max_bytes))
    return Source(label, data, None)
