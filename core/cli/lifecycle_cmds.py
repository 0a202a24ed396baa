"""Candidates' data over its life: ``veil retention show|set``, ``veil purge [--dry-run]``,
``veil erase CANDIDATE_ID``, ``veil export CANDIDATE_ID --out DIR`` and
``veil explain CANDIDATE_ID --job ID [--out FILE]``. Each is audited."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import open_workspace, print_json
from core.cli.progress_bar import drive
from core.cli.review_cmd import reviewer_name
from core.compliance import explanation, retention
from core.errors import UserError
from core.services import lifecycle


def _actor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reviewer",
        default=None,
        metavar="NAME",
        help="who acts (default: $VEIL_REVIEWER, else the login name); kept in the audit log",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ret = subparsers.add_parser("retention", help="how long candidates' data is kept")
    sub = ret.add_subparsers(dest="retention_command", metavar="show|set|contact", required=True)
    show = sub.add_parser("show", help="the period, its source, the presets, who is due")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_retention_show)
    put = sub.add_parser("set", help="set the period: DAYS, or --preset NAME (audited)")
    put.add_argument("days", type=int, nargs="?", default=None, metavar="DAYS")
    put.add_argument("--preset", choices=[p.name for p in retention.PRESETS], default=None)
    _actor_option(put)
    put.set_defaults(func=run_retention_set)

    contact = sub.add_parser(
        "contact", help="the organisation and privacy contact named to candidates (audited)"
    )
    contact.add_argument("--organisation", default="", metavar="NAME")
    contact.add_argument("--contact", default="", metavar="TEXT", help="e.g. an e-mail address")
    _actor_option(contact)
    contact.set_defaults(func=run_contact)

    purge = subparsers.add_parser("purge", help="delete every candidate past retention")
    purge.add_argument("--dry-run", action="store_true", help="only list who would be deleted")
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(func=run_purge)

    erase = subparsers.add_parser("erase", help="delete one candidate entirely (GDPR Art. 17)")
    erase.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _actor_option(erase)
    erase.set_defaults(func=run_erase)

    exp = subparsers.add_parser("export", help="everything held about a candidate (GDPR Art. 15)")
    exp.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    exp.add_argument("--out", type=Path, required=True, metavar="DIR")
    _actor_option(exp)
    exp.set_defaults(func=run_export)

    why = subparsers.add_parser("explain", help="a one-page explanation for the candidate")
    why.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    why.add_argument("--job", type=int, required=True, metavar="ID")
    why.add_argument("--out", type=Path, default=None, metavar="FILE", help=".html or text")
    _actor_option(why)
    why.set_defaults(func=run_explain)


def run_retention_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        status = lifecycle.retention_status(ws)
    if args.json:
        print_json(
            {
                "days": status.days,
                "preset": status.preset,
                "description": status.description,
                "candidates": status.candidates,
                "due": status.due,
                "presets": [
                    {"name": p.name, "days": p.days, "title": p.title, "source": p.source}
                    for p in retention.PRESETS
                ],
            }
        )
        return 0
    print(status.description)
    print(f"{status.candidates} candidate(s); {status.due} past the period now.")
    print("\nPresets (veil retention set --preset NAME):")
    for p in retention.PRESETS:
        print(f"  {p.name:<9} {p.days:>4} days  {p.title}\n            source: {p.source}")
    return 0


def run_retention_set(args: argparse.Namespace) -> int:
    if (args.days is None) == (args.preset is None):
        raise UserError("Give either a number of days or --preset NAME.")
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        status = lifecycle.set_retention(ws, days=args.days, preset=args.preset, actor=who)
    print(status.description)
    print(f"{status.due} candidate(s) are past it; they are deleted at the next unlock or purge.")
    return 0


def run_contact(args: argparse.Namespace) -> int:
    if not (args.organisation.strip() or args.contact.strip()):
        raise UserError("Give --organisation NAME, --contact TEXT or both.")
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        lifecycle.set_contact(ws, organisation=args.organisation, contact=args.contact, actor=who)
    print("Saved: exports and explanations name them.")
    return 0


def run_purge(args: argparse.Namespace) -> int:
    # opened without the automatic purge, so that a dry run shows what is due
    with open_workspace(args, purge=False) as ws:
        result = drive(
            lifecycle.purge(ws, actor="purge", dry_run=args.dry_run), desc="Purging", unit="cand"
        )
    ids = list(result.due) if args.dry_run else [e.candidate_id for e in result.erased]
    if args.json:
        print_json({"days": result.days, "dry_run": args.dry_run, "candidates": ids})
        return 0
    if result.days is None:
        print("No retention period is set (veil retention set): nothing was deleted.")
    elif not ids:
        print("Nobody is past the retention period.")
    elif args.dry_run:
        print(f"{len(ids)} candidate(s) would be deleted: " + ", ".join(map(str, ids)))
    else:
        print(f"Deleted {len(ids)} candidate(s): " + ", ".join(map(str, ids)))
    return 0


def _confirm(cid: int) -> None:
    if not sys.stdin.isatty():
        raise UserError("Erasing cannot be undone.", hint="Add --yes to confirm.")
    answer = input(f"Delete everything about candidate {cid}? This cannot be undone. [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        raise UserError("Nothing was deleted.")


def run_erase(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    if not args.yes:
        _confirm(args.candidate_id)
    with open_workspace(args) as ws:
        erased = lifecycle.erase(ws, args.candidate_id, actor=who)
    print(
        f"Candidate {erased.candidate_id} erased; the audit log keeps a tombstone "
        f"(event {erased.audit_seq}) with the number, file hash and date only."
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        written = lifecycle.export_candidate(ws, args.candidate_id, args.out, actor=who)
    print("Written (plaintext, personal data: hand it over securely, then delete it):")
    for path in written:
        print(f"  {path}")
    return 0


def run_explain(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        if args.out is not None:
            written = lifecycle.explain_to_file(
                ws, args.candidate_id, args.job, args.out, actor=who
            )
            print(f"Written: {written}")
            return 0
        result = lifecycle.explain(ws, args.candidate_id, args.job, actor=who)
    print(explanation.render_text(result))
    return 0
