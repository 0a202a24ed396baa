"""ZIP safety checks, made on the central directory before anything is decompressed.

Used for ZIPs a user imports and for the ZIP containers inside DOCX and ODT files.
"""

from __future__ import annotations

import lzma
import posixpath
import zipfile
import zlib

from core.intake.errors import ArchiveError
from core.intake.limits import Limits

#: What reading a damaged ZIP container can raise (found by bench/fuzz.py): a bad deflate stream,
#: a compression method Python lacks, an encrypted entry, a truncated file.
ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,  # an LZMA entry with invalid filter properties
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
)


def is_unsafe_name(name: str) -> bool:
    """Absolute paths, drive letters, ``..`` parts, NUL bytes: path-traversal names."""
    normal = name.replace("\\", "/")
    if "\x00" in normal or normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return ".." in posixpath.normpath(normal).split("/") or ".." in normal.split("/")


def check_archive(archive: zipfile.ZipFile, limits: Limits, *, container: bool = False) -> None:
    """Refuse a ZIP whose declared sizes, ratios, entry count or names are dangerous.

    ``container`` is True for the ZIP inside a DOCX/ODT: its parts must each fit the file-size
    limit, and the whole must fit too.
    """
    infos = archive.infolist()
    what = "document" if container else "ZIP archive"
    if len(infos) > limits.zip_max_entries:
        raise ArchiveError(
            f"This {what} has more than {limits.zip_max_entries} entries; it was not opened."
        )
    total = 0
    for info in infos:
        if is_unsafe_name(info.filename):
            raise ArchiveError(
                f"This {what} contains a file name that points outside the archive "
                "(a path-traversal attack); it was not opened."
            )
        if info.flag_bits & 0x1:
            raise ArchiveError(f"This {what} is encrypted (password-protected); it was not opened.")
        total += info.file_size
        limit = limits.zip_max_total_bytes if not container else limits.max_bytes * 10
        if info.file_size > limit or total > limit:
            raise ArchiveError(
                f"This {what} declares more uncompressed data than allowed "
                f"({limit // 1_000_000} MB); it was not opened."
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > limits.zip_max_ratio:
            raise ArchiveError(
                f"This {what} is compressed suspiciously well (a possible ZIP bomb); "
                "it was not opened."
            )
