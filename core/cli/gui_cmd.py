"""``veil gui``: open the desktop app.

The desktop package is imported by name at run time so that ``core`` never depends on Qt
(the import-linter layers contract holds and the CLI works where PySide6 is absent).
"""

from __future__ import annotations

import argparse
import importlib

from core.errors import UserError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop app")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        app = importlib.import_module("desktop.app")
    except ImportError as exc:
        raise UserError(
            "The desktop app cannot start: its Qt libraries are missing.",
            hint="Install Veil with its GUI dependencies (make install).",
        ) from exc
    workspace = getattr(args, "workspace", None)
    return int(app.main(workspace=workspace))
