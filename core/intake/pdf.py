"""PDF: the text layer through PDFium (pypdfium2), in reading order (see layout.py); pages
without a text layer go to OCR. JavaScript, forms and embedded files are never touched: PDFium
runs no JavaScript unless a form environment is initialised, and Veil never initialises one."""

from __future__ import annotations

import ctypes
import itertools
import re
import unicodedata
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.intake.cleanup import clean_pages
from core.intake.errors import CorruptFileError, PasswordProtectedError, TooManyPagesError
from core.intake.layout import Segment, reading_order
from core.intake.limits import Limits
from core.intake.model import Parsed

_FPDF_ERR_PASSWORD = 4
_MIN_TEXT_CHARS = 20  # fewer printable characters than this: treat the page as a scan
_OCR_SCALE = 2.5  # 180 dpi


def read_pdf(data: bytes, limits: Limits) -> Parsed:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise PasswordProtectedError() from None
        raise CorruptFileError("PDF") from None
    try:
        count = len(document)
        if count == 0:
            raise CorruptFileError("PDF")
        if count > limits.max_pages:
            raise TooManyPagesError(limits.max_pages)
        parsed = Parsed(text="", pages=count, metadata=_metadata(document))
        texts: list[str] = []
        ocr_used = 0
        for index in range(count):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                parsed.warnings.append(f"page {index + 1} unreadable")
                continue
            try:
                text = page_text(page)
                garbled = _garbled(text)
                scanned = len("".join(text.split())) < _MIN_TEXT_CHARS and _has_images(page)
                if garbled or scanned:
                    reason = "text layer unreadable" if garbled else "no text layer"
                    if not limits.ocr:
                        parsed.warnings.append(f"page {index + 1}: {reason} (OCR is off)")
                    elif ocr_used >= limits.max_ocr_pages:
                        parsed.warnings.append(
                            f"page {index + 1}: {reason}, not read (OCR page limit)"
                        )
                    else:
                        ocr_used += 1
                        text = _ocr_page(page)
                        parsed.warnings.append(f"page {index + 1}: {reason}, OCR used")
                texts.append(text)
            except pdfium.PdfiumError:
                parsed.warnings.append(f"page {index + 1} unreadable")
            finally:
                page.close()
        parsed.text = clean_pages(texts)
        parsed.cleaned = True
        return parsed
    finally:
        document.close()


def page_text(page: pdfium.PdfPage) -> str:
    """The text of one page in reading order."""
    textpage = page.get_textpage()
    try:
        return reading_order(_segments(textpage, page.get_height()))
    finally:
        textpage.close()


_WORD = re.compile(r"[^\s\x00\ufffe\uffff]+")
#: Many PDF writers draw the space between two words as a gap and put no space character there
#: (real resumes: a third of the longer words came out glued, "FinancialAccountantspecializing").
#: Letters of one word touch or overlap in PDFium's loose boxes; a word space is about a quarter of
#: the font size: a positive gap that stands out from the word's others is a word break (below).
#: Words at least this long are checked letter by letter for such gaps ("ofIT" hides two); the
#: per-letter path costs about twice the fast one: ~12 ms more CPU per two-page resume.
_CHECK_LENGTH = 3
_STANDOUT_GAP = 0.05
_NOT_CHARS = frozenset("\x00\ufffe\uffff")
_NO_BREAK_AFTER = frozenset("-‐‑–—/([{'’\"“@#$")
_NO_BREAK_BEFORE = frozenset("-‐‑–—/)]}.,;:!?%'’\"”")


def _segments(textpage: pdfium.PdfTextPage, page_height: float) -> list[Segment]:
    """Runs of words on one line, split at line changes and at wide gaps (column gutters).

    Fast path: the page text in one call, then the boxes of each word's first and last
    character only; a word that looks too wide to be one word (no space between two runs) and
    pages whose text does not map 1:1 onto character indexes take the per-character path.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        return _Builder(raw, page_height).characters(range(count)).finish()
    builder = _Builder(raw, page_height)
    for match in _WORD.finditer(text):
        start, end = match.span()
        first, last = builder.box(start), builder.box(end - 1)
        if first is None or last is None:
            builder.characters(range(start, end), text)
            continue
        height = max(first[3] - first[1], 1.0)
        glued = last[2] - first[0] > 1.5 * height * (end - start) + height or last[1] > first[3]
        if glued or end - start >= _CHECK_LENGTH:
            builder.characters(range(start, end), text)  # letter by letter: gaps may hide breaks
            continue
        box = (first[0], min(first[1], last[1]), last[2], max(first[3], last[3]))
        builder.add(match.group(), box, space_before=True)
    return builder.finish()


def _hidden_word_breaks(letters: str, boxes: list[tuple[float, float, float, float]]) -> set[int]:
    """Indexes of letters that start a new word although no space character precedes them.

    A break is a positive gap that stands out from the run's usual (median) gap between letters
    by ``_STANDOUT_GAP`` of the letter height: some writers set word gaps of only 0.03 of it,
    where letters of one word overlap by as much. Evenly spaced letters (a letter-spaced
    heading) have no gap that stands out, so they stay one word.
    """
    if len(boxes) < 2:
        return set()
    gaps = [(b[0] - a[2]) / max(a[3] - a[1], 1.0) for a, b in itertools.pairwise(boxes)]
    usual = sorted(gaps)[len(gaps) // 2]
    # letter-spaced text (a tracked heading): only a gap of about two letter gaps breaks a word
    wide = 2 * usual + _STANDOUT_GAP if usual > _STANDOUT_GAP else usual + _STANDOUT_GAP
    return {
        k + 1
        for k, gap in enumerate(gaps)
        if gap > 0
        and gap > wide
        and letters[k] not in _NO_BREAK_AFTER
        and letters[k + 1] not in _NO_BREAK_BEFORE
    }


class _Builder:
    """Accumulates words or characters into segments."""

    def __init__(self, raw: Any, page_height: float) -> None:
        self.raw = raw
        self.page_height = page_height
        self.segments: list[Segment] = []
        self.parts: list[str] = []
        self.current: list[float] = []  # x0, top, x1, bottom
        self.last_x1 = 0.0
        self.rect = pdfium_c.FS_RECTF()

    def box(self, index: int) -> tuple[float, float, float, float] | None:
        if not pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, ctypes.byref(self.rect)):
            return None
        rect = self.rect
        return (
            rect.left,
            self.page_height - rect.top,
            rect.right,
            self.page_height - rect.bottom,
        )

    def characters(self, indexes: range, text: str | None = None) -> _Builder:
        """Add the characters at ``indexes`` (``text``: the page text, when it maps 1:1 onto
        character indexes, saves a call per character)."""
        run: list[tuple[str, tuple[float, float, float, float]]] = []
        for index in indexes:
            if text is not None:
                char = text[index]
                if char in _NOT_CHARS:
                    continue
            else:
                code = pdfium_c.FPDFText_GetUnicode(self.raw, index)
                if code in (0, 0xFFFE, 0xFFFF) or code >= 0x110000:
                    continue
                char = chr(code)
            if char in ("\r", "\n"):
                self._add_run(run)
                self.flush()
                continue
            if char.isspace():
                self._add_run(run)
                continue
            box = self.box(index)
            if box is not None:
                run.append((char, box))
        self._add_run(run)
        return self

    def _add_run(self, run: list[tuple[str, tuple[float, float, float, float]]]) -> None:
        """Add letters written without a space between them, breaking words at hidden gaps."""
        breaks = _hidden_word_breaks("".join(char for char, _ in run), [box for _, box in run])
        for k, (char, box) in enumerate(run):
            self.add(char, box, space_before=k == 0 or k in breaks)
        run.clear()

    def add(self, text: str, box: tuple[float, float, float, float], *, space_before: bool) -> None:
        x0, top, x1, bottom = box
        current = self.current
        if current:
            height = max(current[3] - current[1], bottom - top, 1.0)
            same_line = abs((top + bottom) / 2 - (current[1] + current[3]) / 2) < 0.5 * height
            gap = x0 - self.last_x1
            if not same_line or gap > 1.5 * height or gap < -0.5 * height:
                self.flush()
        if not self.current:
            self.current.extend(box)
        else:
            if space_before:
                self.parts.append(" ")
            current[0], current[1] = min(current[0], x0), min(current[1], top)
            current[2], current[3] = max(current[2], x1), max(current[3], bottom)
        self.parts.append(text)
        self.last_x1 = x1

    def flush(self) -> None:
        text = "".join(self.parts).strip()
        if text and self.current:
            c = self.current
            self.segments.append(Segment(c[0], c[1], c[2], c[3], text))
        self.parts.clear()
        self.current.clear()

    def finish(self) -> list[Segment]:
        self.flush()
        return self.segments


def _garbled(text: str) -> bool:
    """A text layer of mostly replacement, private-use or unassigned characters (fonts without
    a Unicode map): the page is read with OCR instead."""
    chars = "".join(text.split())
    if len(chars) < _MIN_TEXT_CHARS:
        return False
    bad = sum(
        1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn", "Cc", "Cs")
    )
    return bad > 0.3 * len(chars)


def _has_images(page: pdfium.PdfPage) -> bool:
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        return True
    return False


def _ocr_page(page: pdfium.PdfPage) -> str:
    from core.intake.ocr import ocr_image

    bitmap = page.render(scale=_OCR_SCALE, grayscale=True)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    return str(ocr_image(image))


def _metadata(document: pdfium.PdfDocument) -> dict[str, str]:
    try:
        values = document.get_metadata_dict(skip_empty=True)
    except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
        return {}
    return {key.lower(): str(value)[:500] for key, value in values.items() if value}
