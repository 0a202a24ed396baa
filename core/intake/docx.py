"""DOCX: body paragraphs, tables (nested too), content controls, text boxes, headers and footers,
in document order. python-docx's ``paragraphs`` alone misses tables and headers, so Veil walks
the XML itself (python-docx parses it with entity resolution off)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from core.intake.archive import check_archive
from core.intake.errors import CorruptFileError
from core.intake.limits import Limits
from core.intake.model import Parsed

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_LEAVES = frozenset(
    {f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen", f"{_W}txbxContent"}
)
_SKIP = frozenset({f"{_W}sectPr", f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}tcPr", f"{_W}trPr"})


def read_docx(data: bytes, limits: Limits) -> Parsed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, limits, container=True)
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.Error):
        raise CorruptFileError("DOCX file") from None
    blocks: list[str] = []
    headers, footers = _headers_footers(document)
    blocks.extend(headers)
    blocks.extend(_blocks(document.element.body))
    blocks.extend(footers)
    return Parsed(text="\n".join(blocks), pages=1, metadata=_metadata(document))


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


def _headers_footers(document: docx.document.Document) -> tuple[list[str], list[str]]:
    headers: list[str] = []
    footers: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        for part_list, items in (
            (headers, (section.first_page_header, section.header, section.even_page_header)),
            (footers, (section.first_page_footer, section.footer, section.even_page_footer)),
        ):
            for item in items:
                if item.is_linked_to_previous:
                    continue
                text = "\n".join(line for line in _blocks(item._element) if line.strip())
                if text and text not in seen:
                    seen.add(text)
                    part_list.append(text)
    return headers, footers


def _metadata(document: docx.document.Document) -> dict[str, str]:
    props = document.core_properties
    values = {
        "author": props.author,
        "title": props.title,
        "subject": props.subject,
        "keywords": props.keywords,
        "comments": props.comments,
        "last_modified_by": props.last_modified_by,
        "category": props.category,
    }
    return {key: str(value)[:500] for key, value in values.items() if value}
