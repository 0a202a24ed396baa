"""Intake: reading-order quality of PDF libraries, and intake speed through the sandboxed pool.

(1) Reading order on fictitious two-column resumes (tests/core/intake/fixtures.py): for pypdf,
    pdfplumber, raw PDFium text (pypdfium2) and Veil (PDFium characters + column detection),
    "intact" = expected lines found whole, "ordered" = longest run of expected lines in the
    right order (LCS) over all expected lines. 100% / 100% is perfect.
(2) Speed, pool of 2 warm sandboxed workers (subprocess and pipe cost included): text-layer PDF
    pages/s (target >= 20 on 2 cores) and DOCX files/s (target >= 30 on 2 cores); worker start-up
    reported apart. (3) OCR seconds per scanned A4 page (one worker, engine already loaded).

    .venv/bin/python bench/intake.py [--files 60] [--skip-ocr]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import offline

offline.install()

from core.intake import Extraction, IntakePool, Limits, Source  # noqa: E402
from core.intake.pdf import page_text  # noqa: E402
from tests.core.intake import fixtures as fx  # noqa: E402


def _pypdf(data: bytes) -> str:
    import pypdf

    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def _pypdf_layout(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text(extraction_mode="layout") or "" for p in reader.pages)


def _pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdfplumber_layout(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text(layout=True) or "" for page in pdf.pages)


def _pdfium_raw(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _veil(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page_text(page) for page in document)
    finally:
        document.close()


LIBRARIES: dict[str, Callable[[bytes], str]] = {
    "pypdf": _pypdf,
    "pypdf layout": _pypdf_layout,
    "pdfplumber": _pdfplumber,
    "pdfplumber layout": _pdfplumber_layout,
    "pdfium raw": _pdfium_raw,
    "veil (pdfium + columns)": _veil,
}


def _lcs(sequence: list[int]) -> int:
    """Length of the longest increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    for value in sequence:
        index = bisect.bisect_left(tails, value)
        if index == len(tails):
            tails.append(value)
        else:
            tails[index] = value
    return len(tails)


def score(text: str, expected: list[str]) -> tuple[float, float]:
    flat = " ".join(text.split())
    positions = [flat.find(" ".join(line.split())) for line in expected]
    found = [p for p in positions if p >= 0]
    return len(found) / len(expected), _lcs(found) / len(expected)


def reading_order() -> None:
    columns = [*fx.HEADER, *fx.LEFT, *fx.RIGHT, "References available on request"]
    layouts = {mode: (fx.two_column_pdf(mode), columns) for mode in ("rows", "columns", "sidebar")}
    layouts["designer"] = (fx.designer_pdf(), fx.DESIGNER_LINES)
    print("(1) reading order, two-column fixtures: intact% / ordered%")
    header = "".join(f"{mode:>14}" for mode in layouts)
    print(f"    {'library':<25}{header}{'ms/page':>9}")
    for name, function in LIBRARIES.items():
        cells = []
        function(layouts["rows"][0])  # imports and first-call set-up are not timed
        start = time.perf_counter()
        for data, expected in layouts.values():
            intact, ordered = score(function(data), expected)
            cells.append(f"{100 * intact:4.0f} /{100 * ordered:4.0f}")
        ms = 1000 * (time.perf_counter() - start) / len(layouts)
        print(f"    {name:<25}{''.join(f'{c:>14}' for c in cells)}{ms:9.1f}")


def _sources(kind: str, count: int) -> list[Source]:
    if kind == "pdf":
        items = [fx.dense_pdf(pages=2), fx.two_column_pdf("sidebar")]
    else:
        items = [fx.docx_bytes()]
    return [Source(f"{kind}-{i}", items[i % len(items)] + b"\n" * (i % 3), None)
            for i in range(count)]  # fmt: skip


def speed(files: int) -> None:
    print("(2) speed through the pool (2 workers, warm; subprocess and pipes included)")
    start = time.perf_counter()
    with IntakePool(size=2) as pool:
        pool.start()
        pool.extract(b"warm up", "a.txt")
        pool.extract(b"warm up", "b.txt")
        print(f"    worker start-up (2 workers, parallel): {time.perf_counter() - start:.2f} s")
        for kind in ("pdf", "docx"):
            sources = _sources(kind, files)
            start = time.perf_counter()
            results = [r for _, r in pool.extract_many(sources)]
            elapsed = time.perf_counter() - start
            assert all(isinstance(r, Extraction) for r in results)
            pages = sum(r.pages for r in results if isinstance(r, Extraction))
            if kind == "pdf":
                print(f"    text-layer PDF: {pages / elapsed:6.1f} pages/s "
                      f"({pages} pages in {elapsed:.2f} s; target >= 20)")  # fmt: skip
            else:
                print(f"    DOCX:           {files / elapsed:6.1f} files/s "
                      f"({files} files in {elapsed:.2f} s; target >= 30)")  # fmt: skip


def ocr(pages: int = 3) -> None:
    print("(3) OCR (one worker, PP-OCRv6 small on ONNX Runtime, engine loaded first)")
    scan = fx.scanned_pdf()
    with IntakePool(size=1, limits=Limits(wall_seconds=300, cpu_seconds=300)) as pool:
        start = time.perf_counter()
        pool.extract(fx.image_bytes(), "warm.png")
        print(f"    engine load + first small photo: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        for _ in range(pages):
            pool.extract(scan, "scan.pdf")
        print(f"    scanned A4 page: {(time.perf_counter() - start) / pages:.2f} s/page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--skip-ocr", action="store_true")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cpus: {os.cpu_count()}")
    reading_order()
    speed(args.files)
    if not args.skip_ocr:
        ocr()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
