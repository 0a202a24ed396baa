"""Speed of learning from decisions (issue 9, "Speed").

    .venv/bin/python bench/training.py [--device cpu|cuda] [--pairs 256]

Prints:
1. training the scoring head on 1,000 decisions (real features from the graded set), alone and
   with the 5-fold grouped cross-validation that ``veil learn`` runs before adopting (target:
   <= 60 s on 2 cores);
2. encoder fine-tuning: pairs per second on this device and the time of one epoch over the
   (requirement, evidence) pairs of those 1,000 decisions (measured on ``--pairs`` of them);
3. ranking a job's 148 candidates in a real workspace before learning and after (adopted head
   plus 74 decisions on the job), median of alternating runs (target: no more than 10% slower).
Report the machine's load (``uptime``) with the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

import numpy as np  # noqa: E402

from core.domain import Decision, DecisionKind  # noqa: E402
from core.scoring import MemoryCache, Scorer, load_encoder, parse_requirements  # noqa: E402
from core.scoring.encoder import Encoder  # noqa: E402
from core.scoring.evaluation import RankingSet, load_ranking_set  # noqa: E402
from core.scoring.training.encoder_finetune import finetune, make_pair  # noqa: E402
from core.scoring.training.head import fit_head  # noqa: E402
from core.scoring.training.simulation import GRADE_TARGET, prepare  # noqa: E402
from core.scoring.training.validation import cross_validate  # noqa: E402
from core.services import Engines, rank_job, run_to_end  # noqa: E402
from core.services.learning import learn  # noqa: E402
from core.storage import Workspace  # noqa: E402

KINDS = {2: DecisionKind.SHORTLIST, 1: DecisionKind.HOLD, 0: DecisionKind.REJECT}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "ranking")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--pairs", type=int, default=256, help="fine-tuning pairs to time")
    parser.add_argument("--runs", type=int, default=3, help="ranking runs each way")
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), cores: {os.cpu_count()}")
    data = load_ranking_set(args.data)
    encoder = load_encoder(args.device)
    cache = MemoryCache()
    pools = prepare(Scorer(encoder, cache), data)

    # 1. the head on 1,000 decisions
    rows = [
        (f.summary, GRADE_TARGET[data.qrels[job][name]], job, s)
        for job, pool in pools.items()
        for name, f, s in zip(pool.names, pool.features, pool.scores, strict=True)
    ]
    rng = np.random.default_rng(0)
    picked = [rows[i] for i in sorted(rng.choice(len(rows), 1000, replace=False))]
    x = np.stack([r[0] for r in picked]).astype(np.float32)
    y = np.asarray([r[1] for r in picked], np.float32)
    groups = [r[2] for r in picked]
    started = time.perf_counter()
    head = fit_head(x, y, groups)
    alone = time.perf_counter() - started
    started = time.perf_counter()
    cv = cross_validate(x, y, groups, lambda a, b, g: fit_head(a, b, g).predict, lambda a: a[:, 0])
    with_cv = time.perf_counter() - started + alone
    print(
        f"head on 1,000 decisions: {alone:.2f} s ({len(head.history)} epochs); with 5-fold "
        f"grouped CV as veil learn runs it: {with_cv:.2f} s (CV MAP {cv.before:.3f} -> "
        f"{cv.after:.3f}); target <= 60 s"
    )

    # 2. encoder fine-tuning
    pairs = [
        make_pair(r.requirement.text, r.evidence.text, t)
        for _, t, _, s in picked
        for r in s.requirements
        if r.evidence is not None and r.method != "lexical"
    ]
    sample = pairs[: args.pairs]
    started = time.perf_counter()
    gen = finetune(encoder, sample)
    try:
        while True:
            next(gen)
    except StopIteration:
        pass
    spent = time.perf_counter() - started
    rate = len(sample) / spent
    print(
        f"encoder fine-tuning on {encoder.device}: {rate:.1f} pairs/s ({len(sample)} pairs in "
        f"{spent:.1f} s); one epoch over the {len(pairs)} pairs of 1,000 decisions: "
        f"{len(pairs) / rate / 60:.1f} min"
    )
    if encoder.device == "cpu":
        print("encoder fine-tuning on a GPU: not measured here (run with --device cuda)")

    # 3. ranking before and after learning, real workspace
    with tempfile.TemporaryDirectory() as tmp:
        ranking_speed(Path(tmp), data, encoder, cache, args.runs)
    return 0


def ranking_speed(
    folder: Path, data: RankingSet, encoder: Encoder, cache: MemoryCache, runs: int
) -> None:
    """Two identical backend jobs over all 148 resumes: one never decided on and ranked with
    no model, one with decisions on half its candidates and ranked with the adopted head."""
    with Workspace.create(folder / "bench.veil", "bench passphrase 123") as ws:
        by_model: dict[str, dict[str, bytes]] = {}
        for (model, key), value in cache.data.items():
            by_model.setdefault(model, {})[key] = value
        for model, items in by_model.items():
            ws.embeddings.put_many(model, items)
        ids: dict[str, int] = {}
        for name, text in data.resumes.items():
            cand, _ = ws.candidates.add(
                sha256=name,
                filename="x.txt",
                media_type="text/plain",
                data=b"",
                text="",
                metadata={},
                redacted_text=text,
                redaction_mapping={},
                spans_json="[]",
                language="en",
                warnings=(),
            )
            ids[name] = cand.id
        job_ids: dict[str, int] = {}
        for stem, text in [*data.jobs.items(), ("plain", data.jobs["backend_engineer"])]:
            job = ws.jobs.add(stem, text, parse_requirements(text))
            job_ids[stem] = job.id
            for cid in ids.values():
                ws.candidates.attach(job.id, cid)
        with ws.transaction():
            for stem, grades in data.qrels.items():
                for i, (name, grade) in enumerate(sorted(grades.items())):
                    if i % 2 == 0:
                        kind = KINDS[grade]
                        ws.decisions.add(Decision(job_ids[stem], ids[name], kind, reviewer="b"))
        engines = Engines(encoder=encoder, intake=object(), redactor=object())  # type: ignore[arg-type]
        result = run_to_end(learn(ws, engines, actor="bench"))
        version = ws.models.get(result.model_version)

        def timed(job: str, model: int | None) -> float:
            ws.models.set_active(model)
            started = time.perf_counter()
            run_to_end(rank_job(ws, engines, job_ids[job]))
            return time.perf_counter() - started

        timed("plain", None)  # warm every path
        timed("backend_engineer", version.id)
        timed("plain", version.id)
        before, after, headed = [], [], []
        for _ in range(runs):  # alternate: the machine's speed drifts
            before.append(timed("plain", None))
            after.append(timed("backend_engineer", version.id))
            headed.append(timed("plain", version.id))
        b, a, h = (statistics.median(t) for t in (before, after, headed))
        print(
            f"ranking 148 candidates (cached embeddings), median of {runs}: before learning "
            f"{b:.2f} s; after, a job with 74 decisions (its feedback) {a:.2f} s "
            f"({100 * (a / b - 1):+.1f}%); after, a job with none (head {version.version}, "
            f"made active for the bench) {h:.2f} s ({100 * (h / b - 1):+.1f}%); target <= +10% "
            f"(CV said: {result.reason})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
