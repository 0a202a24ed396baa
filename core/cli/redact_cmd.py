"""``veil redact FILE... [--json]``: print resumes with personal data replaced by placeholders.

Stores nothing. Files are read by the sandboxed intake (folders and ZIPs are expanded); all of
them share one redaction engine start-up. Plain output prints each redacted text (after a
``==> path <==`` line when there are several); ``--json`` prints one object per line and file:
``{"path", "redacted", "spans": [{"type", "start", "end", "score"}]}`` with offsets into the
extracted text. A file that cannot be read is reported on stderr and the others go on (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.common import print_json
from core.errors import IntakeError, RedactionError

if TYPE_CHECKING:
    from anonymize import RedactionResult

_BATCH = 16


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "redact",
        help="print resumes with personal data replaced by placeholders (stores nothing)",
        description="Read resumes as Veil would and print them redacted.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files, folders, ZIPs")
    parser.add_argument("--json", action="store_true", help="one JSON object per line and file")
    parser.add_argument(
        "--redact-organizations", action="store_true", help="also redact employers and schools"
    )
    parser.set_defaults(func=run_redact)


def _load_redactor(args: argparse.Namespace) -> Any:
    from anonymize import RedactionOptions, Redactor
    from anonymize.engine import ModelMissingError

    try:
        return Redactor(RedactionOptions(redact_organizations=args.redact_organizations))
    except ModelMissingError as exc:
        raise RedactionError(
            "The redaction language model is not installed.",
            hint="Reinstall Veil (make install); Veil never downloads models.",
        ) from exc


def _extracted(paths: Sequence[Path]) -> Iterator[tuple[str, str | None, str, str]]:
    """(label, text or None, language, error message) per file, in order."""
    from core.intake import IntakePool, iter_sources

    with IntakePool() as pool:
        for source, outcome in pool.extract_many(iter_sources(paths)):
            if isinstance(outcome, IntakeError):
                yield source.label, None, "", str(outcome)
            else:
                yield source.label, outcome.text, outcome.language, ""


def run_redact(args: argparse.Namespace) -> int:
    redactor = _load_redactor(args)
    failed = 0
    batch: list[tuple[str, str, str]] = []
    first = True

    def flush() -> None:
        nonlocal first
        if not batch:
            return
        results = redactor.redact_many([t for _, t, _ in batch], [lang for _, _, lang in batch])
        for (label, _, _), result in zip(batch, results, strict=True):
            _print(label, result, as_json=args.json, many=len(args.files) > 1 or not first)
        first = False
        batch.clear()

    for label, text, language, error in _extracted(args.files):
        if text is None:
            failed += 1
            print(f"veil: {label}: {error}", file=sys.stderr)
            continue
        batch.append((label, text, language))
        if len(batch) >= _BATCH:
            flush()
    flush()
    return 1 if failed else 0


def _print(label: str, result: RedactionResult, *, as_json: bool, many: bool) -> None:
    if as_json:
        spans = [
            {"type": s.type, "start": s.start, "end": s.end, "score": s.score} for s in result.spans
        ]
        print_json({"path": label, "redacted": result.text, "spans": spans})
        return
    if many:
        sys.stdout.write(f"==> {label} <==\n")
    sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")
