"""``veil job add|list|show``: jobs and their parsed requirements."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.cli.common import open_workspace, print_json
from core.domain import Job
from core.paths import read_user_text
from core.services import create_job, get_job, list_jobs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("job", help="add, list and show jobs")
    sub = parser.add_subparsers(dest="job_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add a job from its posting text; prints the new job id")
    add.add_argument("--title", required=True)
    add.add_argument("--file", type=Path, required=True, help="the posting, as a text file")
    add.set_defaults(func=run_add)

    lst = sub.add_parser("list", help="list the jobs")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    show = sub.add_parser("show", help="show a job with its requirements")
    show.add_argument("job_id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)


def job_json(job: Job, *, with_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": job.id,
        "title": job.title,
        "created_at": job.created_at,
        "requirements": [
            {"text": r.text, "must": r.must, "weight": r.weight} for r in job.requirements
        ],
    }
    if with_text:
        out["text"] = job.text
    return out


def run_add(args: argparse.Namespace) -> int:
    text = read_user_text(args.file, "job file")
    with open_workspace(args) as ws:
        job = create_job(ws, args.title, text)
    print(job.id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        jobs = list_jobs(ws)
    if args.json:
        print_json([job_json(j) for j in jobs])
        return 0
    if not jobs:
        print(
            "No jobs yet. Add one with: veil job add --title TITLE --file JOB.txt", file=sys.stderr
        )
    for j in jobs:
        musts = sum(1 for r in j.requirements if r.must)
        print(f"{j.id:>4}  {j.title}  ({musts} must-have, {len(j.requirements) - musts} nice)")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        job = get_job(ws, args.job_id)
    if args.json:
        print_json(job_json(job, with_text=True))
        return 0
    print(f"Job {job.id}: {job.title}")
    print("Requirements:")
    for i, r in enumerate(job.requirements, start=1):
        kind = "must" if r.must else "nice"
        weight = f"  (weight {r.weight:g})" if r.weight != 1.0 else ""
        print(f"  {i:>2}. [{kind}] {r.text}{weight}")
    if not job.requirements:
        print("  (none found: edit the job's requirements before ranking)")
    return 0
