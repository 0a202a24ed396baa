"""ODT (OpenDocument text) through odfpy: headings, paragraphs, lists and tables in order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.parsers.expat import ExpatError
from xml.sax import SAXException

from core.intake.archive import ZIP_ERRORS, check_archive
from core.intake.errors import CorruptFileError
from core.intake.limits import Limits
from core.intake.model import Parsed

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_BLOCKS = {(_TEXT_NS, "p"), (_TEXT_NS, "h")}


def read_odt(data: bytes, limits: Limits) -> Parsed:
    from odf import teletype
    from odf.opendocument import load

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, limits, container=True)
        document = load(io.BytesIO(data))
    except ZIP_ERRORS:
        raise CorruptFileError("ODT file") from None
    except (KeyError, ValueError, AttributeError, TypeError, SyntaxError, ExpatError, SAXException):
        raise CorruptFileError("ODT file") from None
    if document.text is None:  # a container without an office:text body (found by fuzzing)
        raise CorruptFileError("ODT file")
    lines = list(_walk(document.text, teletype))
    return Parsed(text="\n".join(lines), pages=1, metadata=_metadata(document))


def _walk(element: Any, teletype: Any) -> Iterator[str]:
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _BLOCKS:
            yield teletype.extractText(child)
        elif qname == (_TABLE_NS, "table-row"):
            cells = [
                " ".join(_walk(cell, teletype)).strip()
                for cell in child.childNodes
                if getattr(cell, "qname", None) == (_TABLE_NS, "table-cell")
            ]
            yield " | ".join(cell for cell in cells if cell)
        elif qname is not None:
            yield from _walk(child, teletype)


def _metadata(document: Any) -> dict[str, str]:
    from odf import teletype

    values: dict[str, str] = {}
    for child in document.meta.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None:
            continue
        value = teletype.extractText(child).strip()
        if value and qname[1] in ("creator", "initial-creator", "title", "subject", "description"):
            values[qname[1].replace("-", "_")] = value[:500]
    return values
