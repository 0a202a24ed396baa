"""How long the screens' reads take on a big job: the figures behind which reads run on a worker.

    .venv/bin/python bench/reads.py [--candidates 1000]

A real SQLCipher workspace with N candidates on one job (12 requirements), imported and ranked
with the test suite's quick stand-ins for the models (the reads do not depend on them), then
each read service timed 5 times (min and max, ms).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from core.domain import Requirement  # noqa: E402
from core.services import (  # noqa: E402
    Engines,
    audit_page,
    import_sources,
    list_jobs,
    rank_job,
    ranking_page,
    review_candidate,
    run_to_end,
)
from core.services.workspaces import create_workspace  # noqa: E402
from tests.core.services.fakes import (  # noqa: E402
    FakeIntake,
    FakeRedactor,
    FakeSource,
    fake_scorer_factory,
)


def timed(fn: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return 1000 * min(times), 1000 * max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=1000)
    n = parser.parse_args().candidates
    with tempfile.TemporaryDirectory() as tmp:
        ws = create_workspace(Path(tmp) / "reads.veil", "bench passphrase, not a secret")
        engines = Engines(
            intake=FakeIntake(), redactor=FakeRedactor(), scorer_factory=fake_scorer_factory({})
        )
        skills = [Requirement("python"), Requirement("sql"), Requirement("kafka", must=False)]
        skills += [Requirement(f"skill{i}") for i in range(9)]
        job = ws.jobs.add("Data Engineer", "Python, SQL, Kafka", skills).id
        text = "python sql kafka pipelines " * 40
        sources = [FakeSource(f"r{i}.txt", f"{i} {text} skill{i % 9}".encode()) for i in range(n)]
        run_to_end(import_sources(ws, engines, sources, job_id=job))
        run_to_end(rank_job(ws, engines, job))
        events = len(audit_page(ws).events)
        print(f"{n} candidates, 1 job of {len(skills)} requirements, {events} audit events")
        reads: dict[str, Callable[[], object]] = {
            "ranking page (worker)": lambda: ranking_page(ws, job),
            "candidate review": lambda: review_candidate(ws, 5, reviewer="bench", job_id=job),
            "audit page": lambda: audit_page(ws),
            "jobs list": lambda: list_jobs(ws),
        }
        for name, fn in reads.items():
            low, high = timed(fn)
            print(f"  {name:<24} min {low:6.1f} ms  max {high:6.1f} ms")
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
