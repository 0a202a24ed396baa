"""DOCX: body paragraphs, tables (nested too), content controls, text boxes, headers and footers,
in document order. Veil reads the package's XML parts directly with a hardened lxml parser
(no entity expansion, no DTD, no network): python-docx's ``paragraphs`` misses tables and headers,
and building its whole object model costs more than the reading itself."""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from core.intake.archive import ZIP_ERRORS, check_archive
from core.intake.errors import CorruptFileError
from core.intake.limits import Limits
from core.intake.model import Parsed

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_LEAVES = frozenset(
    {f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen", f"{_W}txbxContent"}
)
_SKIP = frozenset({f"{_W}sectPr", f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}tcPr", f"{_W}trPr"})


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)
_CORE_FIELDS = {
    "{http://purl.org/dc/elements/1.1/}creator": "author",
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}subject": "subject",
    "{http://purl.org/dc/elements/1.1/}description": "comments",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords": "keywords",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy": (
        "last_modified_by"
    ),
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}category": (
        "category"
    ),
}


def read_docx(data: bytes, limits: Limits) -> Parsed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, limits, container=True)
            main_name = _main_part(archive)
            body = _xml(archive, main_name)
            if body is None:
                raise CorruptFileError("DOCX file")
            rels = _relationships(archive, main_name)
            headers = _margin_parts(archive, body, rels, "headerReference")
            footers = _margin_parts(archive, body, rels, "footerReference")
            metadata = _metadata(_xml(archive, "docProps/core.xml"))
    except (*ZIP_ERRORS, KeyError, ValueError, etree.Error):
        raise CorruptFileError("DOCX file") from None
    content = body.find(f"{_W}body")
    blocks = [*headers, *(_blocks(content) if content is not None else ()), *footers]
    return Parsed(text="\n".join(blocks), pages=1, metadata=metadata)


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        raw = archive.read(name)
    except KeyError:
        return None
    return etree.fromstring(raw, _PARSER)


def _main_part(archive: zipfile.ZipFile) -> str:
    root = _xml(archive, "_rels/.rels")
    if root is not None:
        for rel in root.iter(f"{_REL}Relationship"):
            if rel.get("Type") in _OFFICE_DOCUMENT and rel.get("Target"):
                return posixpath.normpath(str(rel.get("Target")).lstrip("/"))
    return "word/document.xml"


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    root = _xml(archive, posixpath.join(folder, "_rels", name + ".rels"))
    if root is None:
        return {}
    targets: dict[str, str] = {}
    for rel in root.iter(f"{_REL}Relationship"):
        target, rel_id = rel.get("Target"), rel.get("Id")
        if target and rel_id and rel.get("TargetMode") != "External":
            targets[rel_id] = posixpath.normpath(posixpath.join(folder, target))
    return targets


def _margin_parts(
    archive: zipfile.ZipFile, document: etree._Element, rels: dict[str, str], kind: str
) -> list[str]:
    """The text of each distinct header (or footer) part, in section order."""
    texts: list[str] = []
    seen: set[str] = set()
    for reference in document.iter(f"{_W}{kind}"):
        name = rels.get(str(reference.get(f"{_R}id")))
        if not name or name in seen:
            continue
        seen.add(name)
        root = _xml(archive, name)
        text = "\n".join(line for line in _blocks(root) if line.strip()) if root is not None else ""
        if text and text not in texts:
            texts.append(text)
    return texts


def _blocks(element: etree._Element) -> Iterator[str]:
    """The text blocks (paragraphs, table rows/cells) below ``element``, in document order."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{_W}p":
            yield from _paragraph(child)
        elif tag == f"{_W}tbl":
            yield from _table(child)
        elif tag == f"{_MC}AlternateContent":
            choice = child.find(f"{_MC}Choice")
            if choice is not None:
                yield from _blocks(choice)
        elif tag == f"{_MC}Fallback":
            continue
        else:  # sdt, sdtContent, customXml, smartTag, txbxContent, ...
            yield from _blocks(child)


def _paragraph(paragraph: etree._Element) -> Iterator[str]:
    parts: list[str] = []
    boxes: list[str] = []
    for node in _iter_paragraph(paragraph):
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}txbxContent":
            boxes.extend(_blocks(node))
    yield "".join(parts)
    yield from boxes


def _iter_paragraph(element: etree._Element) -> Iterator[etree._Element]:
    """Text nodes of a paragraph; text boxes are returned whole, Fallback copies skipped."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag == f"{_MC}Fallback":
            continue
        if (
            tag in (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")
            or tag == f"{_W}txbxContent"
        ):
            yield child
        elif tag not in (f"{_W}delText", f"{_W}instrText", f"{_W}rPr", f"{_W}pPr"):
            yield from _iter_paragraph(child)


def _table(table: etree._Element) -> Iterator[str]:
    for row in table.iter(f"{_W}tr"):
        if _parent_table(row) is not table:
            continue
        cells: list[list[str]] = []
        for cell in row:
            if cell.tag == f"{_W}sdt":
                content = cell.find(f"{_W}sdtContent")
                cell = content.find(f"{_W}tc") if content is not None else None
            if cell is None or cell.tag != f"{_W}tc" or _continues_merge(cell):
                continue
            lines = [line for line in _blocks(cell) if line.strip()]
            if lines:
                cells.append(lines)
        if cells and all(len(lines) == 1 for lines in cells) and len(cells) > 1:
            yield " | ".join(lines[0] for lines in cells)
        else:
            for lines in cells:
                yield from lines
                yield ""


def _parent_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _continues_merge(cell: etree._Element) -> bool:
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val") in (None, "continue")


def _metadata(core: etree._Element | None) -> dict[str, str]:
    if core is None:
        return {}
    values: dict[str, str] = {}
    for child in core:
        key = _CORE_FIELDS.get(child.tag) if isinstance(child.tag, str) else None
        text = (child.text or "").strip()
        if key and text:
            values[key] = text[:500]
    return values
