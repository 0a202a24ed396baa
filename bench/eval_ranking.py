"""Ranking quality of Veil's scorer against classic baselines, on the graded fictitious set.

    .venv/bin/python bench/eval_ranking.py [--data tests/data/ranking] [--misses]

Prints MAP (grade >= 1 relevant) and NDCG@10 (graded gains) per system, the ablations (what each
part of Veil's combination adds) and the evidence hit rate; ``--misses`` also lists every labelled
item whose evidence missed the line a person chose (requirement, chosen line, labelled line).
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

from core.scoring import MemoryCache, load_encoder  # noqa: E402
from core.scoring.evaluation import (  # noqa: E402
    ABLATIONS,
    embedding_runs,
    evidence_results,
    lexical_runs,
    load_ranking_set,
    mean_metrics,
    veil_runs,
    zscore,
)
from core.scoring.scorer import ScoringOptions  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "ranking")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--misses", action="store_true", help="list the evidence misses")
    args = parser.parse_args()
    data = load_ranking_set(args.data)
    print(
        f"{len(data.jobs)} jobs, {len(data.resumes)} resumes, {len(data.evidence)} evidence items"
    )
    started = time.perf_counter()
    encoder = load_encoder(args.device)
    cache = MemoryCache()
    tfidf = lexical_runs(data, "tfidf")
    embedding = embedding_runs(encoder, data)
    systems = {
        "Veil scorer": veil_runs(encoder, data, cache=cache),
        "BM25": lexical_runs(data, "bm25"),
        "TF-IDF cosine": tfidf,
        "Whole-document embedding cosine": embedding,
        "z-scored sum TF-IDF + embedding": {
            job: {
                r: a + b
                for (r, a), b in zip(
                    zscore(tfidf[job]).items(), zscore(embedding[job]).values(), strict=True
                )
            }
            for job in data.jobs
        },
    }
    print(f"encoded and scored in {time.perf_counter() - started:.1f} s")
    for name, changes in ABLATIONS.items():
        options = ScoringOptions(**changes)  # type: ignore[arg-type]
        systems[name] = veil_runs(encoder, data, options, cache=cache)
    print(f"ablations done at {time.perf_counter() - started:.1f} s")
    print(f"\n{'system':45s} {'MAP':>6s} {'NDCG@10':>8s}")
    for name, runs in systems.items():
        m, n = mean_metrics(runs, data.qrels)
        print(f"{name:45s} {m:6.3f} {n:8.3f}")
    results = evidence_results(encoder, data, cache)
    hits = [r.hit for r in results]
    if hits:
        print(f"\nevidence hit rate: {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.1%}")
    if args.misses:
        for n, r in enumerate(results):
            if not r.hit:
                item = r.item
                print(f"\n#{n} {item.job} / {item.resume}: {item.requirement}")
                print(f"    chosen   (sim {r.similarity:.2f}, terms {list(r.matched)}): {r.chosen}")
                print(f"    labelled: {item.sentence}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
