"""The ways one file can fail to be read. Every message is safe to show and to log: it never
names the file or quotes its content (the caller shows its own label beside it)."""

from __future__ import annotations

from core.errors import IntakeError


class UnsupportedFormatError(IntakeError):
    def __init__(self, message: str = "This file type is not supported.") -> None:
        super().__init__(
            message, hint="Veil reads PDF, DOCX, ODT, RTF, TXT/MD and images (PNG, JPEG, TIFF)."
        )


class FileTooLargeError(IntakeError):
    def __init__(self, limit_bytes: int) -> None:
        super().__init__(f"This file is larger than the {limit_bytes // 1_000_000} MB limit.")


class TextTooLongError(IntakeError):
    def __init__(self, limit_chars: int) -> None:
        super().__init__(
            f"This document holds more text than a resume would (over {limit_chars:,} characters);"
            " it was not read.",
            hint="Split it into one file per resume, or check that it is the right file.",
        )


class TooManyPagesError(IntakeError):
    def __init__(self, limit_pages: int) -> None:
        super().__init__(f"This document has more than {limit_pages} pages, the limit per file.")


class PasswordProtectedError(IntakeError):
    def __init__(self) -> None:
        super().__init__(
            "This file is password-protected.",
            hint="Ask for a copy without a password, or remove it, then import again.",
        )


class CorruptFileError(IntakeError):
    def __init__(self, what: str = "file") -> None:
        super().__init__(f"This {what} is damaged or not what its name says; it cannot be read.")


class NoReadableTextError(IntakeError):
    def __init__(self) -> None:
        super().__init__(
            "No readable text in this file.",
            hint="It may be empty, or a picture too unclear to read.",
        )


class ResourceLimitError(IntakeError):
    """The parser ran out of time or memory (often a hostile or broken file), or crashed."""


class ArchiveError(IntakeError):
    """A ZIP archive (or one of its entries) was refused before extraction."""


class SourceError(IntakeError):
    """A path given for import cannot be read."""


ERROR_KINDS: dict[str, type[IntakeError]] = {
    cls.__name__: cls
    for cls in (
        UnsupportedFormatError,
        FileTooLargeError,
        TooManyPagesError,
        TextTooLongError,
        PasswordProtectedError,
        CorruptFileError,
        NoReadableTextError,
        ResourceLimitError,
        ArchiveError,
        SourceError,
        IntakeError,
    )
}


def rebuild(kind: str, message: str, hint: str) -> IntakeError:
    """An error sent over the worker pipe, rebuilt as the same class (message kept as sent)."""
    cls = ERROR_KINDS.get(kind, IntakeError)
    error = IntakeError.__new__(cls)
    IntakeError.__init__(error, message, hint=hint)
    return error
