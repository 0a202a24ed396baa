"""``veil model import FOLDER`` and ``veil model use-encoder NAME``: the workspace's encoder.

They join ``veil model list|use`` (learned scoring heads, in ``learn_cmds``), which registers
them on the same ``model`` command; ``veil model list`` shows the encoders too.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.cli.common import open_workspace, print_json
from core.cli.review_cmd import reviewer_name
from core.services.models import BUILTIN, EncoderInfo, import_encoder, use_encoder


def register_on_model(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import",
        help="import a BERT-family sentence encoder folder (safetensors, tokenizer.json, "
        "config.json): hashed, probed, recorded in the workspace",
    )
    imp.add_argument("folder", type=Path, metavar="FOLDER")
    imp.add_argument("--name", default=None, help="its name in Veil (default: the folder's)")
    imp.add_argument("--use", action="store_true", help="use it for this workspace right away")
    imp.add_argument(
        "--sha256",
        default=None,
        metavar="HEX",
        help="refuse the folder unless its model.safetensors (or its Veil manifest) has this "
        "SHA-256",
    )
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.add_argument("--reviewer", default=None, metavar="NAME", help="who imports it (audited)")
    imp.set_defaults(func=run_import)

    enc = sub.add_parser(
        "use-encoder",
        help=f"score with an imported encoder from now on ('{BUILTIN}': the bundled one)",
    )
    enc.add_argument("encoder", metavar="NAME", help=f"a name from 'veil model list', or {BUILTIN}")
    enc.add_argument("--reviewer", default=None, metavar="NAME", help="who decides (audited)")
    enc.set_defaults(func=run_use_encoder)


def encoder_json(info: EncoderInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "builtin": info.builtin,
        "model_hash": info.model_hash,
        "model_type": info.model_type,
        "dim": info.dim,
        "files": info.files,
        "size_bytes": info.size_bytes,
        "active": info.active,
        "imported_at": info.imported_at or None,
        "cached_texts": info.cached_texts,
    }


def print_encoders(encoders: list[EncoderInfo]) -> None:
    print(f"{'':2}{'ENCODER':<28}{'TYPE':<12}{'DIMS':>5}  {'SHA-256':<14}{'CACHED':>8}")
    for e in encoders:
        mark = "*" if e.active else " "
        label = f"{e.name} (built-in)" if e.builtin else e.name
        print(
            f"{mark:2}{label[:27]:<28}{e.model_type:<12}{e.dim:>5}  "
            f"{e.model_hash[:12]:<14}{e.cached_texts:>8}"
        )


def _rolled_back_note(version: str) -> None:
    if version:
        print(
            f"Learned model {version} was trained on another encoder and is set aside; "
            "the untrained scorer is active ('veil model use' picks a version again)."
        )


def run_import(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        result = import_encoder(
            ws, args.folder, name=args.name, use=args.use, actor=who, expected_sha256=args.sha256
        )
    info = result.encoder
    if args.json:
        out = encoder_json(info)
        out.update(created=result.created, rolled_back=result.rolled_back or None)
        print_json(out)
        return 0
    if result.created:
        print(
            f"Imported encoder '{info.name}' ({info.model_type}, {info.dim} dimensions, "
            f"{info.files} files, {info.size_bytes / 1e6:.1f} MB)."
        )
    else:
        print(f"These files were imported before, as '{info.name}'; nothing new was recorded.")
    print(f"SHA-256 manifest: {info.model_hash}")
    print("Probe passed: test sentences encoded offline, finite unit-length vectors.")
    if result.active:
        print(f"In use for this workspace: '{info.name}'. 'veil rank --job ID' re-encodes with it.")
        _rolled_back_note(result.rolled_back)
    else:
        print(f"Not in use yet: 'veil model use-encoder {info.name}' switches to it.")
    return 0


def run_use_encoder(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        info, rolled_back = use_encoder(ws, args.encoder, actor=reviewer_name(args))
    print(f"Encoder in use: {info.name} ({info.model_hash[:12]})")
    _rolled_back_note(rolled_back)
    print("Run 'veil rank --job ID' to re-rank with it (resumes are re-encoded once, then cached).")
    return 0
