"""Options and helpers shared by the CLI commands: which workspace, which passphrase, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from core import paths
from core.errors import UserError, WorkspaceNotFoundError
from core.storage import Workspace


def add_workspace_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workspace",
        type=Path,
        default=None,
        help="workspace file (default: $VEIL_WORKSPACE or the user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help="read the passphrase from this file's first line (else $VEIL_PASSPHRASE or a prompt)",
    )


def workspace_path(args: argparse.Namespace) -> Path:
    path: Path | None = getattr(args, "workspace", None)
    return path.expanduser() if path is not None else paths.default_workspace()


def _refuse_open_permissions(mode: int) -> None:
    """A passphrase file that other users can read is refused, as ssh refuses such keys."""
    if os.name == "posix" and mode & 0o077:
        raise UserError(
            f"The passphrase file can be read or written by other users (mode {mode & 0o777:04o}).",
            hint="Make it private first: chmod 600 FILE. Nothing was opened.",
        )


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False, prompt: str = "") -> str:
    """The passphrase from ``--passphrase-file``, ``VEIL_PASSPHRASE`` or an interactive prompt."""
    file: Path | None = getattr(args, "passphrase_file", None)
    if file is not None:
        try:
            with open(file, encoding="utf-8") as handle:
                _refuse_open_permissions(os.fstat(handle.fileno()).st_mode)
                lines = handle.read().splitlines()
        except OSError as exc:
            raise UserError(
                "Cannot read the passphrase file.", hint=f"({exc.strerror or 'unreadable'})"
            ) from None
        if not lines or not lines[0]:
            raise UserError("The passphrase file is empty.")
        return lines[0]
    env = os.environ.get("VEIL_PASSPHRASE")
    if env:
        return env
    if not sys.stdin.isatty():
        raise UserError(
            "No passphrase given.",
            hint="Use --passphrase-file, set VEIL_PASSPHRASE, or run in a terminal.",
        )
    first = getpass.getpass(prompt or "Workspace passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise UserError("The two passphrases differ. Nothing was changed.")
    return first


def open_workspace(args: argparse.Namespace, *, purge: bool = True) -> Workspace:
    """Open the workspace named by the options; the passphrase is asked only if the file exists.
    Candidates past the retention period are deleted first, unless ``purge`` is False."""
    path = workspace_path(args)
    if not path.exists():
        raise WorkspaceNotFoundError(
            "No workspace exists at this place.",
            hint="Create one with 'veil init', or name it with --workspace.",
        )
    if not purge:
        return Workspace.open(path, read_passphrase(args))
    from core.services.lifecycle import unlock

    return unlock(path, read_passphrase(args))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def group_actions(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], group: str, *added: str
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    """The sub-commands of the existing group ``group`` (``people``), for a later module to add
    its own; ``added`` are appended to the list the help shows. None when there is no group."""
    parser = subparsers.choices.get(group)
    if parser is None:
        return None
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            if added:
                action.metavar = "|".join((str(action.metavar), *added))
            return action
    return None
