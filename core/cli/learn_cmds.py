"""``veil learn``, ``veil model list|use`` (``import|use-encoder``: ``model_cmd``) and bulk
``veil decide --job ID --csv FILE``.

The single-decision ``veil decide CANDIDATE_ID --job ID KIND`` belongs to ``review_cmd``; this
module extends that parser with ``--csv`` (registered after it) and hands single decisions back
to it unchanged.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path
from typing import Any

from core.cli import model_cmd
from core.cli.common import open_workspace, print_json
from core.cli.progress_bar import drive
from core.cli.review_cmd import reviewer_name
from core.domain import DecisionKind
from core.errors import UserError
from core.paths import MAX_TABLE_BYTES, read_user_text
from core.services import Engines, decide
from core.services.learning import BASE_VERSION, learn, list_models, use_model
from core.services.models import list_encoders


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _extend_decide(subparsers)

    lrn = subparsers.add_parser(
        "learn",
        help="learn from the recorded decisions; adopt the new model only if it ranks better",
    )
    lrn.add_argument(
        "--job", type=int, default=None, metavar="ID", help="only this job's decisions"
    )
    lrn.add_argument(
        "--encoder",
        action="store_true",
        help="also fine-tune the encoder (slow on a CPU: minutes; Ctrl-C cancels)",
    )
    lrn.add_argument("--json", action="store_true", help="print one JSON object")
    lrn.add_argument("--reviewer", default=None, metavar="NAME", help="who runs it (audited)")
    lrn.set_defaults(func=run_learn)

    model = subparsers.add_parser(
        "model", help="the encoders and learned model versions: list, use, import"
    )
    sub = model.add_subparsers(
        dest="model_command", metavar="list|use|import|use-encoder", required=True
    )
    lst = sub.add_parser("list", help="the encoders and the stored model versions")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_model_list)
    use = sub.add_parser("use", help="use a stored version (or 'base', the untrained scorer)")
    use.add_argument("version", metavar="VERSION")
    use.add_argument("--reviewer", default=None, metavar="NAME", help="who decides (audited)")
    use.set_defaults(func=run_model_use)
    model_cmd.register_on_model(sub)


# -- decide --csv -----------------------------------------------------------------------------


def _extend_decide(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.choices.get("decide")
    if parser is None:
        return
    for action in parser._actions:
        if action.dest in ("candidate_id", "kind"):
            action.required = False  # absent with --csv; checked by the dispatcher
    parser.add_argument(
        "--csv",
        type=Path,
        default=None,
        metavar="FILE",
        help="load many decisions: columns candidate_id, decision, reason (one audit event each)",
    )
    single = parser.get_default("func")
    parser.set_defaults(func=lambda args: run_decide_dispatch(args, single))


def run_decide_dispatch(args: argparse.Namespace, single: Any) -> int:
    if args.csv is not None:
        if args.candidate_id is not None or args.kind is not None:
            raise UserError("Give either --csv FILE or one CANDIDATE_ID and decision, not both.")
        return run_decide_csv(args)
    if args.candidate_id is None or args.kind is None:
        raise UserError(
            "Name a candidate and a decision.",
            hint="veil decide CANDIDATE_ID --job ID shortlist|hold|reject, "
            "or veil decide --job ID --csv FILE",
        )
    return int(single(args))


def read_decisions_csv(path: Path) -> list[tuple[int, DecisionKind, str]]:
    """Rows of a decisions CSV, all checked before anything is recorded."""
    text = read_user_text(path, "CSV file", max_bytes=MAX_TABLE_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
    if not {"candidate_id", "decision"} <= fields:
        raise UserError(
            "The CSV file needs the columns candidate_id and decision (reason is optional).",
        )
    rows: list[tuple[int, DecisionKind, str]] = []
    for line, row in enumerate(reader, start=2):
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        try:
            cid = int(clean["candidate_id"])
        except ValueError:
            raise UserError(f"Line {line}: candidate_id is not a number.") from None
        try:
            kind = DecisionKind(clean["decision"].lower())
        except ValueError:
            raise UserError(
                f"Line {line}: unknown decision.", hint="Use shortlist, hold or reject."
            ) from None
        rows.append((cid, kind, clean.get("reason", "")))
    if not rows:
        raise UserError("The CSV file holds no decisions.")
    return rows


def run_decide_csv(args: argparse.Namespace) -> int:
    rows = read_decisions_csv(args.csv)
    who = reviewer_name(args)
    with open_workspace(args) as ws:
        ws.jobs.get(args.job)
        known = set(ws.candidates.ids_for_job(args.job)) | {c.id for c in ws.candidates.list()}
        unknown = sorted({cid for cid, _, _ in rows if cid not in known})
        if unknown:
            raise UserError(
                f"{len(unknown)} candidate id(s) in the CSV file do not exist "
                f"(first: {unknown[0]}). Nothing was recorded."
            )
        with ws.transaction():
            for cid, kind, reason in rows:
                decide(ws, args.job, cid, kind, reason=reason, reviewer=who)
    counts = {k.value: sum(1 for _, kind, _ in rows if kind is k) for k in DecisionKind}
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    print(f"Recorded {len(rows)} decisions for job {args.job} ({summary}).")
    return 0


# -- learn and model ----------------------------------------------------------------------------


def run_learn(args: argparse.Namespace) -> int:
    who = reviewer_name(args)
    with open_workspace(args) as ws, Engines() as engines:
        result = drive(
            learn(ws, engines, job_id=args.job, encoder=args.encoder, actor=who),
            desc="Learning",
            unit="step",
        )
    for warning in result.warnings:
        print(f"veil: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(result.as_json())
        return 0
    state = "adopted" if result.adopted else "kept for reference, not adopted"
    print(f"Model {result.model_version}: {state} ({result.examples} decisions).")
    print(result.reason)
    print(f"Active model: {result.active_version}")
    print("What was learned:")
    for line in result.learned:
        print(f"  - {line}")
    return 0


def run_model_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        models = list_models(ws)
        encoders = list_encoders(ws)
    active = next((m.version for m in models if m.active), BASE_VERSION)
    if args.json:
        print_json(
            {
                "active": active,
                "active_encoder": next(e.name for e in encoders if e.active),
                "encoders": [model_cmd.encoder_json(e) for e in encoders],
                "versions": [
                    {
                        "version": m.version,
                        "kind": m.kind,
                        "created_at": m.created_at,
                        "examples": m.examples,
                        "active": m.active,
                        "adopted_at": m.adopted_at or None,
                        "data_hash": m.data_hash,
                        "base_model_hash": m.base_model_hash,
                        "metrics": m.metrics,
                    }
                    for m in models
                ],
            }
        )
        return 0
    model_cmd.print_encoders(encoders)
    print()
    print(f"{'':2}{'VERSION':<8}{'KIND':<14}{'DECISIONS':>10}  {'CV MAP':<15}  CREATED")
    print(f"{'*' if active == BASE_VERSION else ' ':2}{BASE_VERSION:<8}{'untrained':<14}")
    for m in models:
        cv = f"{m.metrics.get('cv_before', 0):.3f} -> {m.metrics.get('cv_after', 0):.3f}"
        mark = "*" if m.active else " "
        print(f"{mark:2}{m.version:<8}{m.kind:<14}{m.examples:>10}  {cv:<15}  {m.created_at[:19]}")
    return 0


def run_model_use(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        target = use_model(ws, args.version, actor=reviewer_name(args))
    print(f"Active model: {BASE_VERSION if target is None else target.version}")
    print("Run 'veil rank --job ID' to re-rank with it.")
    return 0
