"""``veil demo``: the whole pipeline on the bundled fictitious sample, in a throwaway workspace.

A fresh encrypted workspace is made in a private temporary folder with a random passphrase that
is never shown or stored; the sample job is added, the sample resumes are imported (read,
redacted, stored), ranked, and the table printed. The folder is deleted afterwards. This is what
``make run`` does on a machine without a display.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
from pathlib import Path

from core import sample
from core.cli.progress_bar import drive
from core.cli.table import ranking_table
from core.services import Engines, create_job, import_paths, rank_job, ranking


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo", help="import and rank the bundled fictitious sample in a throwaway workspace"
    )
    parser.add_argument("--top", type=int, default=None, metavar="N", help="only the best N")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from core.storage import Workspace

    resumes = sample.resume_paths()
    with tempfile.TemporaryDirectory(prefix="veil-demo-") as tmp:
        path = Path(tmp) / "demo.veil"
        with Workspace.create(path, secrets.token_urlsafe(24)) as ws, Engines() as engines:
            print(
                "Veil demo: a throwaway encrypted workspace with fictitious resumes.",
                file=sys.stderr,
            )
            job = create_job(ws, sample.JOB_TITLE, sample.job_text(), actor="demo")
            summary = drive(
                import_paths(ws, engines, resumes, job_id=job.id, actor="demo"), desc="Importing"
            )
            drive(rank_job(ws, engines, job.id, actor="demo"), desc="Scoring", unit="cand")
            rows = ranking(ws, job.id)[: args.top]
        print(f"Job {job.id}: {job.title} - {len(job.requirements)} requirements")
        for r in job.requirements:
            print(f"  [{'must' if r.must else 'nice'}] {r.text}")
        print(
            f"\n{summary.imported} resumes imported and redacted "
            f"({summary.failed} failed, {summary.duplicates} duplicates).\n"
        )
        print(ranking_table(rows))
        print("\nThe demo workspace has been deleted. Start your own: veil init", file=sys.stderr)
    return 0
