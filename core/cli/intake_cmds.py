"""``veil extract FILE``: print a document's cleaned text (warnings on stderr); stores nothing.

For users and for debugging a file that reads badly. A file that cannot be read gives exit code 2
and a one-line reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.errors import UserError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the cleaned text of a resume file (stores nothing)",
        description="Read one document as Veil would (sandboxed) and print its cleaned text.",
    )
    parser.add_argument("file", type=Path, help="PDF, DOCX, ODT, RTF, TXT/MD or image")
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR images or scans")
    parser.add_argument(
        "--info", action="store_true", help="also print type, language and pages on stderr"
    )
    parser.set_defaults(func=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    from core.intake import Limits, extract, iter_sources

    limits = Limits(ocr=not args.no_ocr)
    path: Path = args.file
    if path.is_dir() or path.suffix.lower() == ".zip":
        raise UserError("veil extract reads one document; give a file, not a folder or ZIP.")
    sources = list(iter_sources([path], limits))
    source = sources[0]
    if source.error is not None:
        raise source.error
    assert source.data is not None
    result = extract(source.data, path.name, limits)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.info:
        print(
            f"type: {result.media_type}; language: {result.language}; pages: {result.pages}",
            file=sys.stderr,
        )
    sys.stdout.write(result.text + "\n")
    return 0
