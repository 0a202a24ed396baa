"""``veil import [--job ID] [--json] PATH...``: import resumes (files, folders, ZIPs)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from core.cli.common import open_workspace
from core.cli.progress_bar import drive
from core.cli.terminal import safe
from core.services import Engines, FileOutcome, ImportSummary, Progress, import_paths

#: Exit code when the import ran but some files could not be imported.
EXIT_SOME_FAILED = 3
#: Exit code when Ctrl-C stopped the import (what finished before is kept).
EXIT_INTERRUPTED = 130


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import resumes (files, folders, ZIPs)",
        description="Import resumes: each is read, redacted and stored encrypted. Exit code 0 when "
        f"every file was imported (or already there), {EXIT_SOME_FAILED} when some failed.",
    )
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    parser.add_argument("--job", type=int, default=None, metavar="ID", help="attach to this job")
    parser.add_argument("--json", action="store_true", help="one JSON object per file on stdout")
    parser.set_defaults(func=run)


def outcome_json(outcome: FileOutcome) -> dict[str, object]:
    return {
        "path": outcome.label,
        "candidate_id": outcome.candidate_id,
        "status": outcome.status,
        "error": outcome.error,
    }


def print_summary(summary: ImportSummary, file: TextIO) -> None:
    if not summary.outcomes:
        print(
            "No files found: the paths given hold no files (empty folders?). Nothing changed.",
            file=file,
        )
        return
    print(
        f"Imported {summary.imported}, duplicates {summary.duplicates}, failed {summary.failed}.",
        file=file,
    )
    for o in summary.outcomes:
        if o.status == "failed":
            print(f"  failed: {safe(o.label)}: {safe(o.error)}", file=file)


def run(args: argparse.Namespace) -> int:
    finished: list[FileOutcome] = []

    def show(point: Progress) -> None:
        if isinstance(point.item, FileOutcome):
            finished.append(point.item)
            if args.json:
                sys.stdout.write(json.dumps(outcome_json(point.item), ensure_ascii=False) + "\n")
                sys.stdout.flush()

    out = sys.stderr if args.json else sys.stdout
    try:
        with open_workspace(args) as ws, Engines() as engines:
            summary = drive(
                import_paths(ws, engines, args.paths, job_id=args.job),
                desc="Importing",
                on_progress=show,
            )
    except KeyboardInterrupt:  # the import stopped cleanly (drive closed it): say what was kept
        stopped = ImportSummary(outcomes=tuple(finished))
        print(
            f"Interrupted. Files finished before the stop are kept: imported {stopped.imported},"
            f" duplicates {stopped.duplicates}, failed {stopped.failed}. Run the same import"
            " again to finish (files already imported are skipped as duplicates).",
            file=out,
        )
        return EXIT_INTERRUPTED
    print_summary(summary, out)
    return EXIT_SOME_FAILED if summary.failed else 0
