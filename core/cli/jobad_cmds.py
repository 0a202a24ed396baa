"""``veil job check FILE|--job ID`` and ``veil review check FILE``: findings with sources.

Extends the ``job`` group (``job_cmd``) with ``check``, and the ``review`` group with ``check``
(the group is created here when no module before this one made it). Exit code 0 even with
findings: the findings are advice for a person, not a failure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.common import group_actions, open_workspace, print_json
from core.errors import UserError
from core.paths import read_user_text
from core.services.jobad import (
    JURISDICTIONS,
    JobCheck,
    Report,
    check_job,
    check_posting_text,
    check_review_text,
)

_SYMBOL = {"error": "ERROR", "warning": "warn ", "advice": "note "}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    jobs = group_actions(subparsers, "job")
    if jobs is not None:
        chk = jobs.add_parser(
            "check", help="check a posting: unlawful, risky and unclear wording, with sources"
        )
        chk.add_argument("file", type=Path, nargs="?", default=None, metavar="FILE")
        chk.add_argument("--job", type=int, default=None, metavar="ID", help="a stored job")
        chk.add_argument(
            "--jurisdiction",
            type=str.upper,
            choices=JURISDICTIONS,
            default=None,
            help="add that place's rules (pay transparency: EU, US-NY, US-CO, US-CA, US-WA)",
        )
        chk.add_argument("--json", action="store_true", help="print one JSON object")
        chk.set_defaults(func=run_job_check)

    review = subparsers.choices.get("review")
    if review is None:
        review = subparsers.add_parser("review", help="check performance-review text")
        review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    reviews = group_actions(subparsers, "review")
    assert reviews is not None  # the group exists: found or made above
    rev = reviews.add_parser(
        "check", help="flag review wording applied unevenly (personality, vague praise, ...)"
    )
    rev.add_argument("file", type=Path, metavar="FILE")
    rev.add_argument("--json", action="store_true", help="print one JSON object")
    rev.set_defaults(func=run_review_check)


def _print_report(report: Report, text: str) -> None:
    if not report.findings:
        print("No findings.")
    for f in report.findings:
        where = "whole text" if f.document else f"{f.start}-{f.end}"
        quoted = f' "{" ".join(f.text.split())}"' if f.text else ""
        print(f"{_SYMBOL[f.severity]} [{f.category}] {where}{quoted}: {f.message}")
        print(f"       suggestion: {f.suggestion}")
        if f.replacement is not None:
            print(f"       rewrite: {f.replacement or '(remove)'}")
        print(f"       source: {f.source}")
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("error", "warning", "advice"))
    print(f"{len(report.findings)} findings ({counts}); {report.stats['words']} words.")


def _print_pool(check: JobCheck) -> None:
    pool = check.pool
    print()
    print(f"Pool: {pool.pool} ranked candidates (shortlist of {pool.shortlist_size}).")
    for note in pool.notes:
        print(f"  {note}")
    for m in pool.must_haves:
        flags = f"  [{', '.join(m.flags)}]" if m.flags else ""
        print(f"  must: {' '.join(m.requirement.split())}{flags}")
        print(
            f"    met by {m.met} of {m.candidates} ({100 * m.share_met:.0f}%); meeting every "
            f"must-have: {m.qualified_now}, if nice-to-have: {m.qualified_if_nice}; "
            f"new on the shortlist if nice-to-have: {len(m.entering)}"
        )
        for note in m.notes:
            print(f"    {note}")


def run_job_check(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.job is None):
        raise UserError("Give a posting file or --job ID (one of them).")
    if args.job is not None:
        with open_workspace(args) as ws:
            result = check_job(ws, args.job, jurisdiction=args.jurisdiction)
        if args.json:
            print_json(result.as_json())
            return 0
        _print_report(result.report, "")
        _print_pool(result)
        return 0
    text = read_user_text(args.file, "job file")
    report = check_posting_text(text, jurisdiction=args.jurisdiction)
    if args.json:
        print_json(report.as_json())
        return 0
    _print_report(report, text)
    return 0


def run_review_check(args: argparse.Namespace) -> int:
    text = read_user_text(args.file, "review file")
    report = check_review_text(text)
    if args.json:
        print_json(report.as_json())
        return 0
    _print_report(report, text)
    return 0
