"""Document intake: every resume format recruiters receive, read safely (sandboxed child
processes with limits) and well (reading order, tables, clean-up).

    extract(data, filename, limits=None) -> Extraction        # one file, a fresh child process
    IntakePool(size=None, limits=None)                         # pooled workers, context manager
        .extract(data, filename) -> Extraction
        .extract_many(sources) -> Iterator[tuple[Source, Extraction | IntakeError]]
    iter_sources(paths, limits=None) -> Iterator[Source]       # files, folders, ZIPs
    iter_entries(paths, limits=None) -> Iterator[Entry]        # the same, unread: Entry.read()
"""

from __future__ import annotations

from core.errors import IntakeError
from core.intake.errors import (
    ArchiveError,
    CorruptFileError,
    FileTooLargeError,
    NoReadableTextError,
    PasswordProtectedError,
    ResourceLimitError,
    SourceError,
    TextTooLongError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from core.intake.limits import DEFAULT_LIMITS, Limits
from core.intake.model import Extraction, Source
from core.intake.sandbox import IntakePool, extract
from core.intake.sources import Entry, iter_entries, iter_sources

__all__ = [
    "DEFAULT_LIMITS",
    "ArchiveError",
    "CorruptFileError",
    "Entry",
    "Extraction",
    "FileTooLargeError",
    "IntakeError",
    "IntakePool",
    "Limits",
    "NoReadableTextError",
    "PasswordProtectedError",
    "ResourceLimitError",
    "Source",
    "SourceError",
    "TextTooLongError",
    "TooManyPagesError",
    "UnsupportedFormatError",
    "extract",
    "iter_entries",
    "iter_sources",
]
