"""Inputs found by ``bench/fuzz.py``: each is a clear per-file error, never an unexpected one."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from core.intake import ArchiveError, CorruptFileError, Limits, iter_sources
from core.intake.parse import parse
from tests.core.intake import fixtures as fx


def _patched(data: bytes, name: str, field: str, change: Callable[[int], int]) -> bytes:
    """``data`` (a ZIP) with one 16-bit field of ``name``'s local and central headers changed:
    ``field`` is "method" (compression method) or "flags" (general-purpose bits)."""
    local_at, central_at = {"method": (8, 10), "flags": (6, 8)}[field]
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    for at in [info.header_offset + local_at] + [
        central + central_at
        for central in (m.start() for m in re.finditer(b"PK\x01\x02", out))
        if out[central + 46 : central + 46 + struct.unpack_from("<H", out, central + 28)[0]]
        == name.encode()
    ]:
        struct.pack_into("<H", out, at, change(struct.unpack_from("<H", out, at)[0]))
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
    data = _patched(fixture(), member, "method", lambda _: 97)  # type: ignore[operator]
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


def _recompressed(data: bytes, name: str, method: int) -> bytes:
    """``data`` (a ZIP) with ``name`` stored under another compression ``method``."""
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(rebuilt, "w") as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == name:
                info.compress_type = method
            new.writestr(info, content)
    return rebuilt.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
@pytest.mark.parametrize(
    ("fixture", "filename", "member"),
    [(fx.docx_bytes, "cv.docx", "word/document.xml"), (fx.odt_bytes, "cv.odt", "content.xml")],
)
def test_broken_lzma_or_bzip2_stream_is_a_corrupt_file(
    fixture: object, filename: str, member: str, method: int
) -> None:
    data = _recompressed(fixture(), member, method)  # type: ignore[operator]
    parse(data, filename, Limits())  # the intact container reads
    with pytest.raises(CorruptFileError):
        parse(_with_broken_deflate(data, member), filename, Limits())


@pytest.mark.parametrize(
    ("fixture", "filename", "member"),
    [(fx.docx_bytes, "cv.docx", "word/document.xml"), (fx.odt_bytes, "cv.odt", "content.xml")],
)
def test_invalid_lzma_properties_are_a_corrupt_file(
    fixture: object, filename: str, member: str
) -> None:
    """Found by fuzzing: an LZMA entry whose filter properties are invalid raises LZMAError."""
    out = bytearray(_recompressed(fixture(), member, zipfile.ZIP_LZMA))  # type: ignore[operator]
    with zipfile.ZipFile(io.BytesIO(bytes(out))) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out[start + 4] = 0xFF  # the lc/lp/pb byte: no valid LZMA1 options have it
    with pytest.raises(CorruptFileError):
        parse(bytes(out), filename, Limits())


def test_encrypted_mimetype_entry_is_a_damaged_container() -> None:
    with pytest.raises(CorruptFileError):
        parse(_patched(fx.odt_bytes(), "mimetype", "flags", lambda f: f | 1), "cv.odt", Limits())


def test_odt_without_a_text_body_is_a_corrupt_file() -> None:
    source = io.BytesIO(fx.odt_bytes())
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(rebuilt, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "content.xml":
                data = re.sub(rb"<office:text\b.*</office:text>", b"", data, flags=re.DOTALL)
                data = re.sub(rb"<office:text\b[^>]*/>", b"", data)
            new.writestr(info, data)
    with pytest.raises(CorruptFileError):
        parse(rebuilt.getvalue(), "cv.odt", Limits())


def _zip_of(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return path


def test_zip_needing_a_newer_zip_version_is_one_failed_entry(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError while listing it; the listing runs in the app."""
    path = _zip_of(tmp_path, {"cv.txt": b"Welder with ten years of experience."})
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 0xFF)  # version needed to extract: 25.5
    path.write_bytes(bytes(data))
    (only,) = list(iter_sources([path], Limits()))
    assert isinstance(only.error, ArchiveError)


def test_zip_entry_without_a_name_is_skipped(tmp_path: Path) -> None:
    path = _zip_of(tmp_path, {"": b"nameless", "cv.txt": b"Welder with ten years of experience."})
    sources = list(iter_sources([path], Limits()))
    assert [s.label.rsplit("/", 1)[-1] for s in sources] == ["cv.txt"]
    assert sources[0].data == b"Welder with ten years of experience."
