"""Plain text and Markdown: encoding detection (BOMs, UTF-8, UTF-16 without BOM, GB18030/GBK,
Windows-1252 and what charset-normalizer recognises)."""

from __future__ import annotations

import codecs

import charset_normalizer

from core.intake.errors import UnsupportedFormatError
from core.intake.model import Parsed

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """The text of ``data``, or UnsupportedFormatError if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, "replace"))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(data.decode(utf16, "replace"))
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError("This file is not a document Veil can read (binary data).")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    gb = _gb18030(data)
    if gb is not None:
        return _checked(gb)
    western = _cp1252(data)
    if western is not None:
        return _checked(western)
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding and not best.encoding.startswith("utf_16"):
        return _checked(data.decode(best.encoding, "replace"))
    return _checked(data.decode("cp1252", "replace"))


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _gb18030(data: bytes) -> str | None:
    """GB18030 (a superset of GBK/GB2312) when it decodes cleanly into mostly Han characters."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return None
    han = sum(1 for c in non_ascii if 0x4E00 <= ord(c) <= 0x9FFF or 0x3000 <= ord(c) <= 0x303F)
    han += sum(1 for c in non_ascii if 0xFF00 <= ord(c) <= 0xFFEF)
    return text if han >= 0.9 * len(non_ascii) else None


_WESTERN_PUNCTUATION = frozenset("“”‘’–—…•€™·«»°±×")


def _cp1252(data: bytes) -> str | None:
    """Windows-1252 when its non-ASCII characters are Western letters and punctuation (short
    texts fool statistical detectors into Baltic or Central European code pages)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 0x7F]
    plausible = sum(
        1
        for c in non_ascii
        if (0xC0 <= ord(c) <= 0xFF and c.isalpha()) or c in _WESTERN_PUNCTUATION
    )
    return text if non_ascii and plausible >= 0.9 * len(non_ascii) else None


def _checked(text: str) -> str:
    sample = text[:20000]
    if not sample:
        return text
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\x0b") or c == "\ufffd")
    if bad > max(8, 0.02 * len(sample)):
        raise UnsupportedFormatError("This file is not a document Veil can read (binary data).")
    return text


def read_text(data: bytes) -> Parsed:
    return Parsed(text=decode(data), pages=1)
