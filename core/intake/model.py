"""The plain data that intake returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import IntakeError


@dataclass(frozen=True)
class Extraction:
    """The cleaned text of one document and what is known about it.

    ``metadata`` and ``filename`` are personal data (they often hold the candidate's name), and so
    are ``text`` and ``data`` (the original bytes): never log them.
    """

    text: str = field(repr=False)
    language: str
    pages: int
    warnings: tuple[str, ...]
    metadata: dict[str, str] = field(repr=False)
    filename: str = field(repr=False)
    media_type: str
    sha256: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Source:
    """One input file: its bytes, or the reason it could not be taken (``error``)."""

    label: str = field(repr=False)
    data: bytes | None = field(repr=False)
    error: IntakeError | None = None


@dataclass
class Parsed:
    """What a format reader returns, before clean-up and language detection."""

    text: str
    pages: int = 1
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    cleaned: bool = False  # the reader already ran the clean-up (e.g. page-aware PDF)
