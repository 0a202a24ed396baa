"""Learning from decisions, simulated on the graded fictitious set (issue 9, "Evaluation").

    .venv/bin/python bench/eval_learning.py [--data tests/data/ranking] [--seeds 0,1,2]

A simulated recruiter decides on a fixed random half of each job's candidates (grade 2
shortlist, 1 hold, 0 reject); the other half is ranked. Prints MAP before and after learning for
(a) the untrained scorer, (b) Rocchio feedback on TF-IDF, (c) Veil's learned model (cross-job
head + the job's own decisions), and, for jobs with no decisions at all (each held out in turn),
the untrained scorer against the head trained on the other jobs. The suite asserts the floors
(tests/core/scoring/training/test_simulated_recruiter.py): (c) > (b), and new jobs not lower.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from core.scoring import MemoryCache, Scorer, load_encoder  # noqa: E402
from core.scoring.evaluation import load_ranking_set  # noqa: E402
from core.scoring.training.simulation import prepare, simulate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "ranking")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--seeds", default="0", help="decision splits to average, e.g. 0,1,2")
    args = parser.parse_args()
    data = load_ranking_set(args.data)
    started = time.perf_counter()
    pools = prepare(Scorer(load_encoder(args.device), MemoryCache()), data)
    prepared = time.perf_counter() - started
    seeds = [int(s) for s in args.seeds.split(",")]
    results = [simulate(pools, data, seed=s) for s in seeds]
    n = len(results)

    def avg(attr: str) -> float:
        return sum(float(getattr(r, attr)) for r in results) / n

    print(
        f"{len(data.jobs)} jobs, {len(data.resumes)} resumes; decisions on half of each job's "
        f"candidates ({results[0].decisions} decisions); MAP on the other half; "
        f"{n} split(s): {args.seeds}"
    )
    print()
    rows = [
        ("(a) untrained scorer (no learning)", "untrained", "untrained"),
        ("(b) TF-IDF -> Rocchio feedback", "tfidf", "rocchio"),
        ("(c) Veil: untrained -> head + job feedback", "untrained", "veil"),
        ("    (head only, without the job decisions)", "untrained", "veil_head_only"),
    ]
    print(f"{'Within jobs (decided half -> other half)':<48}{'before':>8}{'after':>8}")
    for label, before, after in rows:
        print(f"{label:<48}{avg(before):>8.4f}{avg(after):>8.4f}")
    print()
    print(f"{'New jobs (no decisions; leave one job out)':<48}{'before':>8}{'after':>8}")
    print(
        f"{'untrained scorer -> cross-job head':<48}"
        f"{avg('new_jobs_before'):>8.4f}{avg('new_jobs_after'):>8.4f}"
    )
    print()
    adopted = sum(r.head_adopted for r in results)
    print(
        f"cross-job head adopted (grouped CV gain above its standard error, as `veil learn` "
        f"decides): {adopted} of {n} split(s) within jobs; "
        f"{results[0].new_job_heads} of {len(data.jobs)} held-out new jobs (first split)"
    )
    for i, r in enumerate(results):
        print(f"  split {seeds[i]}: (b) Rocchio {r.rocchio:.4f}  (c) Veil {r.veil:.4f}")
    print()
    print(f"{'per job (first split)':<24}{'untrained':>10}{'TF-IDF':>8}{'Rocchio':>9}{'Veil':>7}")
    for job, (u, t, r, v) in results[0].per_job.items():
        print(f"{job:<24}{u:>10.3f}{t:>8.3f}{r:>9.3f}{v:>7.3f}")
    print()
    print(f"scoring and features: {prepared:.1f} s; total {time.perf_counter() - started:.1f} s")
    wins = sum(r.veil > r.rocchio for r in results)
    ok = avg("veil") > avg("rocchio") and avg("new_jobs_after") >= avg("new_jobs_before")
    print(
        f"floors (c) > (b) (mean of the splits; (c) wins {wins} of {n}) and new jobs not lower:",
        "met" if ok else "NOT MET",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
