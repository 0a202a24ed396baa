"""The ``veil`` command: one launcher above both layers, for pip's console script and the bundle.

- ``veil gui`` opens the desktop app; with no arguments at all a frozen bundle opens it too (a
  double-click, the Start menu and the macOS Dock pass none);
- ``veil <command> ...`` and ``veil --self-test`` run the CLI (``core.cli.main``), which is told
  about ``gui`` here, so that ``core`` never names ``desktop`` (the import-linter layers hold);
- ``veil -m core.intake.worker``: a frozen app has no separate Python interpreter, so the intake
  sandbox's ``[sys.executable, "-m", "core.intake.worker"]`` arrives here, and so does the
  redaction process (``core.services.redaction_process``). Only the modules in
  ``RUNNABLE_MODULES`` may be run this way.
"""

from __future__ import annotations

import argparse
import runpy
import sys
from collections.abc import Sequence

RUNNABLE_MODULES = ("core.intake.worker", "core.services.redaction_process")


def _run_module(name: str, rest: list[str]) -> int:
    if name not in RUNNABLE_MODULES:
        print(f"veil: -m {name}: not a runnable module of this app", file=sys.stderr)
        return 2
    sys.argv = [name, *rest]
    runpy.run_module(name, run_name="__main__", alter_sys=True)
    return 0


def _gui(args: argparse.Namespace) -> int:
    from core.errors import UserError

    try:
        from desktop import app
    except ImportError as exc:
        raise UserError(
            "The desktop app cannot start: its Qt libraries are missing.",
            hint="Install Veil with its GUI dependencies (make install).",
        ) from exc
    return int(app.main(workspace=getattr(args, "workspace", None)))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) >= 2 and args[0] == "-m":
        return _run_module(args[1], args[2:])
    if not args and getattr(sys, "frozen", False):
        args = ["gui"]
    from core.cli import ExtraCommand
    from core.cli import main as cli_main

    return cli_main(args, extra=(ExtraCommand("gui", "open the desktop app", _gui),))


if __name__ == "__main__":
    raise SystemExit(main())
