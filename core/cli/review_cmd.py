"""``veil show CANDIDATE_ID [--reveal]`` and ``veil decide CANDIDATE_ID --job ID KIND``."""

from __future__ import annotations

import argparse
import getpass
import os

from core.cli.common import open_workspace
from core.cli.table import checklist, mark_evidence
from core.cli.terminal import has_controls, safe
from core.domain import DecisionKind
from core.errors import UserError
from core.services import decide, reveal_identity, review_candidate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = subparsers.add_parser(
        "show",
        help="a candidate's redacted text with evidence, or (--reveal, audited) the original",
    )
    show.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    show.add_argument(
        "--job", type=int, default=None, metavar="ID", help="show this job's evidence"
    )
    show.add_argument(
        "--reveal", action="store_true", help="show the original, identity included (audited)"
    )
    _reviewer_option(show)
    show.set_defaults(func=run_show)

    dec = subparsers.add_parser("decide", help="record shortlist / hold / reject (audited)")
    dec.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    dec.add_argument("--job", type=int, required=True, metavar="ID")
    dec.add_argument(
        "kind", choices=[k.value for k in DecisionKind], metavar="shortlist|hold|reject"
    )
    dec.add_argument("--reason", default="", metavar="TEXT")
    _reviewer_option(dec)
    dec.set_defaults(func=run_decide)


def _reviewer_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reviewer",
        default=None,
        metavar="NAME",
        help="who reviews (default: $VEIL_REVIEWER, else the login name); kept in the audit log",
    )


#: The longest reviewer name kept in the audit log.
MAX_REVIEWER_LENGTH = 64


def reviewer_name(args: argparse.Namespace) -> str:
    """Who acts: ``--reviewer``, else ``$VEIL_REVIEWER``, else the login name (audited)."""
    if args.reviewer:
        return _checked_reviewer(str(args.reviewer))
    env = os.environ.get("VEIL_REVIEWER", "").strip()
    if env:
        return _checked_reviewer(env)
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _checked_reviewer(name: str) -> str:
    """A reviewer name is printable text of bounded length: it is shown in every audit list."""
    name = name.strip()
    if not name or has_controls(name) or not name.isprintable():
        raise UserError(
            "The reviewer name must be printable text (no control characters).",
            hint="Give a plain name with --reviewer or VEIL_REVIEWER.",
        )
    if len(name) > MAX_REVIEWER_LENGTH:
        raise UserError(f"The reviewer name is longer than {MAX_REVIEWER_LENGTH} characters.")
    return name


def run_show(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        if args.reveal:
            doc = reveal_identity(ws, args.candidate_id, reviewer=who, job_id=args.job)
            print(f"Candidate {doc.candidate_id}: {safe(doc.filename)} ({safe(doc.media_type)})")
            print()
            print(doc.text)
            return 0
        review = review_candidate(ws, args.candidate_id, reviewer=who, job_id=args.job)
    candidate, score = review.candidate, review.score
    print(f"{candidate.label} (redacted)")
    for w in candidate.warnings:
        print(f"  note: {w}")
    print()
    if score is None:
        print(candidate.redacted_text)
        if args.job is not None:
            print("\n(not scored for this job yet: run veil rank --job ID)")
        return 0
    print(mark_evidence(candidate.redacted_text, score))
    print()
    print(checklist(score))
    return 0


def run_decide(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        decision = decide(
            ws,
            args.job,
            args.candidate_id,
            DecisionKind(args.kind),
            reason=args.reason,
            reviewer=reviewer_name(args),
        )
    print(f"Candidate {decision.candidate_id}: {decision.kind.value} for job {decision.job_id}")
    return 0
