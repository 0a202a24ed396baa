"""Inputs found by ``bench/fuzz.py``: each is a clear per-file error, never an unexpected one."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from core.intake import CorruptFileError, Limits
from core.intake.parse import parse
from tests.core.intake import fixtures as fx


def _with_method(data: bytes, name: str, method: int) -> bytes:
    """``data`` (a ZIP) with ``name``'s compression method changed in both of its headers."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<H", out, info.header_offset + 8, method)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + length] == name.encode():
            struct.pack_into("<H", out, central + 10, method)
            break
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def _with_broken_deflate(data: bytes, name: str) -> bytes:
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 2, start + min(info.compress_size, 40)):
        out[k] ^= 0x5A
    return bytes(out)


@pytest.mark.parametrize(
    ("fixture", "filename", "member"),
    [(fx.docx_bytes, "cv.docx", "word/document.xml"), (fx.odt_bytes, "cv.odt", "content.xml")],
)
def test_unsupported_compression_method_is_a_corrupt_file(
    fixture: object, filename: str, member: str
) -> None:
    data = _with_method(fixture(), member, 97)  # type: ignore[operator]
    with pytest.raises(CorruptFileError):
        parse(data, filename, Limits())


@pytest.mark.parametrize(
    ("fixture", "filename", "member"),
    [(fx.docx_bytes, "cv.docx", "word/document.xml"), (fx.odt_bytes, "cv.odt", "content.xml")],
)
def test_broken_deflate_stream_is_a_corrupt_file(
    fixture: object, filename: str, member: str
) -> None:
    data = _with_broken_deflate(fixture(), member)  # type: ignore[operator]
    with pytest.raises(CorruptFileError):
        parse(data, filename, Limits())
