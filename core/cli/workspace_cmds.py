"""``veil init``, ``veil passwd`` and ``veil audit verify|list``: the workspace itself.

Exit codes: 0 done; 2 a user error (one line on stderr); 3 ``audit verify`` found the chain
broken (the first bad event is named on stderr).
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from pathlib import Path

from core.cli.common import open_workspace, print_json, read_passphrase, workspace_path
from core.cli.terminal import safe
from core.errors import UserError, WorkspaceExistsError
from core.services import list_audit, verify_audit
from core.storage import Workspace, validate_new_passphrase

EXIT_AUDIT_BROKEN = 3
NEW_PASSPHRASE_ENV = "VEIL_NEW_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser(
        "init",
        help="create a new encrypted workspace",
        description="Create a new encrypted workspace (never overwrites an existing file).",
    )
    init.set_defaults(func=run_init)

    passwd = subparsers.add_parser(
        "passwd",
        help="change the workspace passphrase",
        description="Re-encrypt the workspace under a new passphrase, keeping all data. "
        f"The new passphrase comes from --new-passphrase-file, ${NEW_PASSPHRASE_ENV} "
        "or a prompt.",
    )
    passwd.add_argument(
        "--new-passphrase-file",
        type=Path,
        default=None,
        help="read the new passphrase from this file's first line",
    )
    passwd.set_defaults(func=run_passwd)

    audit = subparsers.add_parser("audit", help="check or list the audit log")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify",
        help="check the audit log's hash chain",
        description="Check every event of the hash-chained audit log. "
        f"Exit code {EXIT_AUDIT_BROKEN} and the first bad event on stderr when it is broken.",
    )
    verify.set_defaults(func=run_audit_verify)
    listing = sub.add_parser("list", help="list audit events (ids only, no personal data)")
    listing.add_argument("--limit", type=int, default=None, help="only the last N events")
    listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
    listing.set_defaults(func=run_audit_list)


def _new_passphrase(file: Path | None, prompt: str) -> str:
    if file is not None:
        value = read_passphrase(argparse.Namespace(passphrase_file=file))
    elif os.environ.get(NEW_PASSPHRASE_ENV):
        value = os.environ[NEW_PASSPHRASE_ENV]
    elif sys.stdin.isatty():
        value = getpass.getpass(prompt)
        if getpass.getpass("Repeat the new passphrase: ") != value:
            raise UserError("The two passphrases differ. Nothing was changed.")
    else:
        raise UserError(
            "No new passphrase given.",
            hint=f"Use --new-passphrase-file, set {NEW_PASSPHRASE_ENV}, or run in a terminal.",
        )
    validate_new_passphrase(value)
    return value


def run_init(args: argparse.Namespace) -> int:
    path = workspace_path(args)
    if path.exists():
        raise WorkspaceExistsError(
            "A workspace (or another file) already exists there. Nothing was changed.",
            hint="Choose another path with --workspace.",
        )
    passphrase = read_passphrase(args, confirm=True, prompt="New workspace passphrase: ")
    validate_new_passphrase(passphrase)
    Workspace.create(path, passphrase, actor="cli").close()
    print(f"Created an encrypted workspace at {path}")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        new = _new_passphrase(args.new_passphrase_file, "New passphrase: ")
        ws.change_passphrase(new, actor="cli")
    print("Passphrase changed. The old passphrase no longer opens the workspace.")
    return 0


def run_audit_verify(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = verify_audit(ws)
    if result.ok:
        print(f"Audit log intact: {result.checked} events checked.")
        return 0
    print(
        f"veil: audit log broken at event {result.first_bad_seq}: {result.reason} "
        f"({result.checked} events before it are intact).",
        file=sys.stderr,
    )
    return EXIT_AUDIT_BROKEN


def run_audit_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        events = list_audit(ws, limit=args.limit)
    if args.json:
        print_json([dataclasses.asdict(event) for event in events])
        return 0
    for event in events:
        subject = " ".join(f"{key}={value}" for key, value in sorted(event.subject.items()))
        actor = safe(event.actor)
        print(f"{event.seq:>6}  {event.at}  {event.kind:<22} {actor:<12} {safe(subject)}".rstrip())
    return 0
