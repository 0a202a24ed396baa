"""RTF through striprtf, with the document's ANSI code page (e.g. 936 for Chinese)."""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from core.intake.errors import CorruptFileError
from core.intake.limits import Limits
from core.intake.model import Parsed

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def read_rtf(data: bytes, limits: Limits) -> Parsed:
    del limits
    encoding = "cp1252"
    match = _CODEPAGE.search(data[:4096])
    if match:
        candidate = "cp" + match.group(1).decode()
        try:
            codecs.lookup(candidate)
            encoding = candidate
        except LookupError:
            pass
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, IndexError, RecursionError):
        raise CorruptFileError("RTF file") from None
    return Parsed(text=text, pages=1)
