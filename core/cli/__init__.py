"""The ``veil`` command.

Each command group lives in its own module under ``core.cli`` and exposes
``register(subparsers)``, which adds its sub-parsers and sets ``func`` on each; add a new group
to ``COMMAND_MODULES``. ``func(args) -> int`` returns the exit code. User errors become one
line on stderr and exit code 2; anything else is a bug: a one-line notice, the traceback in the log.

Commands that live above ``core`` (``veil gui``, in the top-level launcher ``veil.py``) come in
as ``ExtraCommand``s, so ``core`` never names the desktop package.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from core import __version__, hardening, offline
from core.cli import terminal
from core.cli.common import add_workspace_options
from core.errors import UserError
from core.logs import setup_logging

COMMAND_MODULES: tuple[str, ...] = (
    "core.cli.intake_cmds",
    "core.cli.workspace_cmds",
    "core.cli.job_cmd",
    "core.cli.import_cmd",
    "core.cli.rank_cmd",
    "core.cli.review_cmd",
    "core.cli.demo_cmd",
    "core.cli.redact_cmd",
    "core.cli.score_cmd",
    "core.cli.learn_cmds",  # after review_cmd: extends its decide with --csv
    "core.cli.people_cmds",
    "core.cli.people_rights_cmds",  # after people_cmds: adds erase and export to its group
    "core.cli.lifecycle_cmds",
    "core.cli.report_cmds",
    "core.cli.jobad_cmds",  # last: adds check to the job group and to a review group
)

log = logging.getLogger(__name__)


class ExtraCommand(NamedTuple):
    """A command added by the launcher above ``core``: its name, help line and function."""

    name: str
    help: str
    func: Callable[[argparse.Namespace], int]


def build_parser(extra: Sequence[ExtraCommand] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="veil",
        description="Veil: private, offline resume screening with anonymized, explained scores.",
    )
    parser.add_argument("--version", action="version", version=f"veil {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offline: run the bundled sample through the whole "
        "pipeline in a throwaway encrypted workspace, then exit (0 = passed)",
    )
    add_workspace_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in extra:
        subparsers.add_parser(command.name, help=command.help).set_defaults(func=command.func)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, extra: Sequence[ExtraCommand] = ()) -> int:
    hardening.harden()  # no core dumps, before any document is read
    offline.install()
    setup_logging()
    parser = build_parser(extra)
    args = parser.parse_args(argv)
    if getattr(args, "self_test", False):
        from core import selftest

        return selftest.main()
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    with terminal.escaped_output():  # no document or user text acts on the terminal
        return _run(func, args)


def _run(func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    try:
        return int(func(args) or 0)
    except UserError as exc:
        print(f"veil: {terminal.safe(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("veil: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print(
            "veil: internal error; details (without personal data) are in the log.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
