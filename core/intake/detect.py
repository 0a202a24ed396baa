"""What a file really is, from its first bytes (magic numbers), whatever its name says."""

from __future__ import annotations

import io
import zipfile

from core.intake.archive import ZIP_ERRORS

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
RTF = "application/rtf"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
GIF = "image/gif"
BMP = "image/bmp"
WEBP = "image/webp"
HEIC = "image/heic"
ZIP = "application/zip"
OLE = "application/x-ole-storage"  # legacy .doc, or an encrypted (password-protected) DOCX
OTHER_OFFICE = "application/x-office-other"  # XLSX, PPTX, ODS, ...
ARCHIVE = "application/x-archive"  # RAR, 7z, gzip, tar, ...
UNKNOWN = "application/octet-stream"
DAMAGED_ZIP = "application/x-damaged-zip"  # starts like a ZIP (DOCX, ODT) but cannot be opened

IMAGE_TYPES = frozenset({PNG, JPEG, TIFF, GIF, BMP, WEBP})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})

_ARCHIVE_MAGIC = (
    b"Rar!\x1a\x07",
    b"7z\xbc\xaf\x27\x1c",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
)


def sniff(data: bytes, filename: str = "") -> str:
    """The media type of ``data``; ``filename`` only separates Markdown from plain text."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"BM") and len(data) > 26:
        return BMP
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim"):
        return HEIC
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(_ARCHIVE_MAGIC) or head[257:262] == b"ustar":
        return ARCHIVE
    if filename.lower().endswith((".md", ".markdown")):
        return MARKDOWN
    return TEXT  # the text reader decides whether it really is text


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = archive.read("mimetype").strip().decode("ascii", "replace")
                    return ODT if mimetype in (ODT, ODT + "-template") else OTHER_OFFICE
            if "[Content_Types].xml" in names:
                return OTHER_OFFICE
    except ZIP_ERRORS:  # also an encrypted or oddly compressed entry (found by fuzzing)
        return DAMAGED_ZIP
    except ValueError:
        return DAMAGED_ZIP
    return ZIP


def is_encrypted_office(data: bytes) -> bool:
    """An OLE container holding an encrypted OOXML package (how Word stores protected DOCX)."""
    marker = "EncryptionInfo".encode("utf-16-le")
    return marker in data[: 1 << 20] or marker in data[-(1 << 20) :]
