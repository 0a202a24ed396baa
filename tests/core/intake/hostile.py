"""A corpus of hostile and broken files, built in memory: every one must end in a clear
per-file error within its limits, and the process must survive."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

from tests.core.intake import fixtures as fx

EXTENSIONS = [
    "pdf", "docx", "odt", "rtf", "txt", "md", "png", "jpg", "jpeg", "tif", "gif", "bmp", "webp",
    "doc", "heic", "zip",
]  # fmt: skip


def random_files(seed: int = 7) -> dict[str, bytes]:
    rng = random.Random(seed)
    return {f"random.{ext}": rng.randbytes(3000 + 500 * i) for i, ext in enumerate(EXTENSIONS)}


def truncated(name: str, data: bytes, fractions: tuple[float, ...]) -> dict[str, bytes]:
    return {f"truncated-{int(f * 100)}-{name}": data[: int(len(data) * f)] for f in fractions}


def _pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file with a correct xref table around the given object bodies."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref))  # fmt: skip
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def flate_bomb_pdf(megabytes: int = 300, layers: int = 3) -> bytes:
    """A page whose content stream is Flate inside Flate inside Flate, ~300 MB when unpacked."""
    compressor = zlib.compressobj(1)
    chunk = b"BT /F1 12 Tf 72 712 Td (A) Tj ET\n" * 32768  # ~1 MB
    parts = [compressor.compress(chunk) for _ in range(megabytes)]
    data = b"".join(parts) + compressor.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    filters = b"/Filter [" + b" /FlateDecode" * layers + b" ]"
    return _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(data, filters),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])  # fmt: skip


def looping_pdfs() -> dict[str, bytes]:
    """Object graphs that loop: a page tree that contains itself, a self-referencing parent,
    a contents array that names itself, an xref pointing to garbage."""
    page_tree_cycle = _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ])  # fmt: skip
    parent_cycle = _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])  # fmt: skip
    contents_cycle = _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"[4 0 R 4 0 R]",
    ])  # fmt: skip
    length_cycle = _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
    ])  # fmt: skip
    huge_count = _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ])  # fmt: skip
    bad_xref = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\nxref\n0 999999\n"
    return {
        "loop-page-tree.pdf": page_tree_cycle,
        "loop-parent.pdf": parent_cycle,
        "loop-contents.pdf": contents_cycle,
        "loop-length.pdf": length_cycle,
        "huge-page-count.pdf": huge_count,
        "bad-xref.pdf": bad_xref,
    }


def javascript_pdf() -> bytes:
    """A PDF with an OpenAction JavaScript and an embedded file; its text must still read,
    the script must not run, the attachment must not appear."""
    content = b"BT /F1 14 Tf 72 700 Td (Visible resume text for Quinn Harper) Tj ET"
    return _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /EmbeddedFiles "
        b"<< /Names [(payload.txt) 7 0 R] >> /JavaScript << /Names [(x) 6 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /S /JavaScript /JS (app.alert('EMBEDDED-SCRIPT-RAN'); while(true){}) >>",
        b"<< /Type /Filespec /F (payload.txt) /EF << /F 8 0 R >> >>",
        _stream(b"ATTACHMENT-SECRET-TEXT", b"/Type /EmbeddedFile"),
    ])  # fmt: skip


def _docx_with_document_xml(xml: bytes) -> bytes:
    base = fx.docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = xml if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item, data)
    return out.getvalue()


def billion_laughs_docx() -> bytes:
    entities = b'<!ENTITY lol "lol">'
    for level in range(1, 10):
        previous = b"&lol%d;" % (level - 1) if level > 1 else b"&lol;"
        entities += b'<!ENTITY lol%d "%s">' % (level, previous * 10)
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [' + entities + b"]>"
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with_document_xml(xml)


def external_entity_docx() -> bytes:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with_document_xml(xml)


def deep_nesting_docx(depth: int = 5000) -> bytes:
    open_tags = b"<w:tbl><w:tr><w:tc>" * depth
    close_tags = b"</w:tc></w:tr></w:tbl>" * depth
    xml = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + open_tags + b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + close_tags
        + b"</w:body></w:document>"
    )  # fmt: skip
    return _docx_with_document_xml(xml)


def docx_part_bomb() -> bytes:
    """A DOCX whose document.xml inflates ~1000x (a ZIP bomb inside the container)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 60_000_000)
    return out.getvalue()


def encrypted_docx() -> bytes:
    """What Word writes for a password-protected DOCX: an OLE container with EncryptionInfo."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    body = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + random.Random(3).randbytes(4096)
    return header + body


def png_pixel_bomb() -> bytes:
    """A tiny PNG whose header claims 100000 x 100000 pixels."""
    raw = fx.image_bytes()
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return raw[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + raw[33:]


def many_frames_tiff(frames: int = 80) -> bytes:
    from PIL import Image

    images = [Image.new("L", (8, 8), 255) for _ in range(frames)]
    out = io.BytesIO()
    images[0].save(out, format="TIFF", save_all=True, append_images=images[1:])
    return out.getvalue()


def documents() -> dict[str, bytes]:
    """Hostile single documents (given to the pool as bytes)."""
    files: dict[str, bytes] = {}
    files.update(random_files())
    files.update(truncated("cv.pdf", fx.two_column_pdf(), (0.05, 0.2, 0.5, 0.8)))
    files.update(truncated("cv.docx", fx.docx_bytes(), (0.1, 0.4, 0.7, 0.95)))
    files.update(truncated("cv.odt", fx.odt_bytes(), (0.3, 0.8)))
    files.update(truncated("cv.png", fx.image_bytes(), (0.02, 0.3)))
    files.update(looping_pdfs())
    files.update({
        "flate-bomb.pdf": flate_bomb_pdf(),
        "encrypted.pdf": fx.encrypted_pdf(),
        "billion-laughs.docx": billion_laughs_docx(),
        "external-entity.docx": external_entity_docx(),
        "deep-nesting.docx": deep_nesting_docx(),
        "part-bomb.docx": docx_part_bomb(),
        "encrypted.docx": encrypted_docx(),
        "pixel-bomb.png": png_pixel_bomb(),
        "many-frames.tif": many_frames_tiff(),
        "too-many-pages.pdf": fx.multipage_pdf(pages=60, lines_per_page=1),
        "empty.txt": b"",
        "blank.txt": b" \n\t\n ",
        "nul-bytes.txt": b"name\x00\x01\x02\x03" * 500,
        "rtf-deep-groups.rtf": b"{\\rtf1 " + b"{" * 200_000 + b"x" + b"}" * 200_000 + b"}",
        "rtf-no-text.rtf": b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}",
        "zip-as-pdf.pdf": fx.zip_of_all()[:200_000],
        "gzip.txt": zlib.compress(b"x" * 1000)[:2] + b"\x1f\x8b" + b"\x00" * 100,
        "image-only-blank.pdf": _blank_image_pdf(),
        "ole-legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
    })  # fmt: skip
    return files


def _blank_image_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (300, 300), "white"), x=10, y=10, w=100)
    return bytes(pdf.output())


def _zip(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


def declared_size_zip(size: int = 1 << 30) -> bytes:
    """A ZIP whose one entry declares 1 GB uncompressed (sizes patched in both headers)."""
    data = bytearray(_zip([("huge.txt", b"small content")], zipfile.ZIP_STORED))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, size)
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def archives() -> dict[str, bytes]:
    """Hostile ZIP archives (written to disk and expanded by iter_sources)."""
    zeros = b"\x00" * 50_000_000
    return {
        "zip-bomb.zip": _zip([("bomb.txt", zeros)]),
        "declared-1gb.zip": declared_size_zip(),
        "traversal-dotdot.zip": _zip([("../../evil.txt", b"x"), ("ok.txt", b"fine")]),
        "traversal-absolute.zip": _zip([("/etc/evil.txt", b"x")]),
        "traversal-windows.zip": _zip([("..\\..\\evil.txt", b"x")]),
        "too-many-entries.zip": _zip([(f"f{i}.txt", b"x") for i in range(1100)]),
        "truncated.zip": _zip([("a.txt", b"resume text " * 100)])[:60],
        "random.zip": random.Random(5).randbytes(5000),
        "nested.zip": _zip([("inner.zip", _zip([("a.txt", b"x")]))]),
    }
