"""PDF: the text layer through PDFium (pypdfium2), in reading order (see layout.py); pages
without a text layer go to OCR. JavaScript, forms and embedded files are never touched: PDFium
runs no JavaScript unless a form environment is initialised, and Veil never initialises one."""

from __future__ import annotations

import ctypes
import unicodedata

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


def _segments(textpage: pdfium.PdfTextPage, page_height: float) -> list[Segment]:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    segments: list[Segment] = []
    chars: list[str] = []
    box: list[float] = []  # x0, top, x1, bottom of the current segment
    last_x1 = 0.0

    def flush() -> None:
        text = "".join(chars).strip()
        if text and box:
            segments.append(Segment(box[0], box[1], box[2], box[3], text))
        chars.clear()
        box.clear()

    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in (0, 0xFFFE, 0xFFFF):
            continue
        char = chr(code) if code < 0x110000 else ""
        if char in ("\r", "\n"):
            flush()
            continue
        if char.isspace():
            if chars:
                chars.append(" ")
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(_rect_buffer)):
            continue
        x0, y_top, x1, y_bottom = (
            _rect_buffer.left,
            page_height - _rect_buffer.top,
            _rect_buffer.right,
            page_height - _rect_buffer.bottom,
        )
        if box:
            height = max(box[3] - box[1], y_bottom - y_top, 1.0)
            same_line = abs((y_top + y_bottom) / 2 - (box[1] + box[3]) / 2) < 0.5 * height
            gap = x0 - last_x1
            if not same_line or gap > 1.5 * height or gap < -0.5 * height:
                flush()
        if not box:
            box.extend((x0, y_top, x1, y_bottom))
        else:
            box[0], box[1] = min(box[0], x0), min(box[1], y_top)
            box[2], box[3] = max(box[2], x1), max(box[3], y_bottom)
        chars.append(char)
        last_x1 = x1
    flush()
    return segments


_rect_buffer = pdfium_c.FS_RECTF()


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
