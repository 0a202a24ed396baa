"""One entry point inside the sandboxed worker: bytes and a file name in, cleaned text out.
The file name is used only to tell Markdown from plain text; the content decides the format."""

from __future__ import annotations

from collections.abc import Callable

from core.intake import detect
from core.intake.errors import (
    ArchiveError,
    CorruptFileError,
    FileTooLargeError,
    NoReadableTextError,
    PasswordProtectedError,
    TextTooLongError,
    UnsupportedFormatError,
)
from core.intake.language import detect_language
from core.intake.limits import Limits
from core.intake.model import Parsed

Reader = Callable[[bytes, Limits], Parsed]


def _reader(media_type: str) -> Reader | None:
    if media_type == detect.PDF:
        from core.intake.pdf import read_pdf

        return read_pdf
    if media_type == detect.DOCX:
        from core.intake.docx import read_docx

        return read_docx
    if media_type in (detect.TEXT, detect.MARKDOWN):
        from core.intake.text import read_text

        return lambda data, _limits: read_text(data)
    if media_type == detect.ODT:
        from core.intake.odt import read_odt

        return read_odt
    if media_type == detect.RTF:
        from core.intake.rtf import read_rtf

        return read_rtf
    if media_type in detect.IMAGE_TYPES or media_type == detect.HEIC:
        from core.intake.image import read_image

        return read_image
    return None


def parse(data: bytes, filename: str, limits: Limits) -> tuple[str, Parsed]:
    """The media type and parsed content of one file; raises an IntakeError subclass."""
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(limits.max_bytes)
    if not data.strip():
        raise NoReadableTextError()
    media_type = detect.sniff(data, filename)
    if media_type == detect.OLE:
        if detect.is_encrypted_office(data):
            raise PasswordProtectedError()
        raise UnsupportedFormatError(
            "Old Word (.doc) and other legacy Office files are not supported; "
            "save it as DOCX or PDF."
        )
    if media_type == detect.DAMAGED_ZIP:
        raise CorruptFileError("document (DOCX, ODT or ZIP)")
    if media_type in (detect.ZIP, detect.ARCHIVE):
        raise ArchiveError("An archive inside an archive (or passed as a document) is refused.")
    reader = _reader(media_type)
    if reader is None:
        raise UnsupportedFormatError()
    parsed = reader(data, limits)
    if len(parsed.text) > limits.max_text_chars:
        raise TextTooLongError(limits.max_text_chars)
    if not parsed.cleaned:
        from core.intake.cleanup import clean_text

        parsed.text = clean_text(parsed.text)
        parsed.cleaned = True
    if sum(1 for char in parsed.text if char.isalnum()) < 3:
        raise NoReadableTextError()
    return media_type, parsed


def language_of(text: str) -> str:
    return detect_language(text)
