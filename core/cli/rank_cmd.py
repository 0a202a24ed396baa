"""``veil rank --job ID [--pool] [--json] [--top N]``: score and rank a job's candidates."""

from __future__ import annotations

import argparse

from core.cli.common import open_workspace, print_json
from core.cli.progress_bar import drive
from core.cli.table import ranking_table, score_json
from core.errors import UserError
from core.services import Engines, rank_job, ranking


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("rank", help="score and rank a job's candidates")
    parser.add_argument("--job", type=int, required=True, metavar="ID")
    parser.add_argument(
        "--pool",
        action="store_true",
        help="rank every candidate in the workspace, not only the job's",
    )
    parser.add_argument("--json", action="store_true", help="a JSON list, best first")
    parser.add_argument("--top", type=int, default=None, metavar="N", help="only the best N")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.top is not None and args.top < 1:
        raise UserError("--top needs a number of at least 1.")
    with open_workspace(args) as ws, Engines() as engines:
        scores = drive(rank_job(ws, engines, args.job, pool=args.pool), desc="Scoring", unit="cand")
        rows = ranking(ws, args.job) if not args.json else []
    top = args.top
    if args.json:
        print_json([score_json(s) for s in scores[:top]])
        return 0
    ranked_ids = {s.candidate_id for s in scores}
    rows = [r for r in rows if r.candidate_id in ranked_ids][:top]
    print(ranking_table(rows))
    return 0
