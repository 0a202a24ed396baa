"""An employee's data-subject rights: ``veil people erase PERSON_ID --yes`` (GDPR Art. 17) and
``veil people export PERSON_ID --out DIR`` (GDPR Art. 15 and 20). Registered after
``people_cmds``, into its ``people`` group. Both are audited; messages name numbers, never a
person.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.common import group_actions, open_workspace, print_json
from core.cli.review_cmd import reviewer_name
from core.errors import UserError
from core.services.people_rights import (
    ERASURE_REASONS,
    current_gaps,
    erase_person,
    erasure_preview,
    export_person,
)

_WHAT = {
    "person_documents": "document(s), with their original file, text and placeholder mapping",
    "review_ratings": "review rating(s)",
    "people": "person record",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub = group_actions(subparsers, "people", "erase", "export")
    if sub is None:
        return
    erase = sub.add_parser(
        "erase", help="delete everything held about one employee (GDPR Art. 17); needs --yes"
    )
    erase.add_argument("person_id", type=int, metavar="PERSON_ID")
    erase.add_argument("--reason", choices=ERASURE_REASONS, default=ERASURE_REASONS[0])
    erase.add_argument("--yes", action="store_true", help="confirm: erasing cannot be undone")
    exp = sub.add_parser(
        "export", help="everything held about one employee, JSON + HTML + originals (Art. 15)"
    )
    exp.add_argument("person_id", type=int, metavar="PERSON_ID")
    exp.add_argument("--out", type=Path, required=True, metavar="DIR")
    exp.add_argument(
        "--no-evidence",
        action="store_true",
        help="leave out the competency evidence (it needs the encoder, which takes a while)",
    )
    exp.add_argument("--json", action="store_true", help="print the files as one JSON object")
    for parser in (erase, exp):
        parser.add_argument(
            "--reviewer",
            default=None,
            metavar="NAME",
            help="who acts (default: $VEIL_REVIEWER, else the login name); kept in the audit log",
        )
    erase.set_defaults(func=run_people_erase)
    exp.set_defaults(func=run_people_export)


def run_people_erase(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        if not args.yes:
            counts = erasure_preview(ws, args.person_id)
            print(f"Erasing person {args.person_id} would delete:")
            for table, count in counts.items():
                print(f"  {count} {_WHAT.get(table, f'row(s) of {table}')}")
            print("  and their entries in the employees' embedding cache.")
            raise UserError("Nothing was deleted: erasing cannot be undone.", hint="Add --yes.")
        erased = erase_person(ws, args.person_id, actor=who, reason=args.reason)
    print(
        f"Person {erased.person_id} erased ({len(erased.sha256)} document(s), "
        f"{erased.embeddings} cache entries); the audit log keeps a tombstone "
        f"(event {erased.audit_seq}) with the number, file hashes and date only."
    )
    return 0


def run_people_export(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        ws.people.get(args.person_id)  # an unknown person fails before the models load
        gaps = None
        if not args.no_evidence:
            from core.services import Engines

            with Engines() as engines:
                gaps = current_gaps(ws, engines, args.person_id)
        written = export_person(ws, args.person_id, args.out, actor=who, gaps=gaps)
    if args.json:
        print_json({"person_id": args.person_id, "files": [str(p) for p in written]})
        return 0
    print("Written (plaintext, personal data: hand it over securely, then delete it):")
    for path in written:
        print(f"  {path}")
    return 0
