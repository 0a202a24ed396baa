"""Ranking quality of Veil's scorer against classic baselines, on the graded fictitious set and
on the real-world dev set (real public resumes, read and redacted by Veil; see
``bench/data/resume_scraper.py``).

    .venv/bin/python bench/eval_ranking.py [--data tests/data/ranking] [--data resume_scraper]
                                           [--quick] [--misses]

With no ``--data`` both sets are measured: the graded set always, the real-world set when its
cache has been built. ``--data`` takes a folder in the graded set's layout, or
``resume_scraper`` for the real-world set. Per set it prints MAP (grade >= 1 relevant) and
NDCG@10 (graded gains) for Veil, each of its fused components alone, the ablations (skipped with
``--quick``) and the baselines (TF-IDF cosine, BM25, whole-document embedding, all on the same
redacted, placeholder-masked text), the issue's floors, and calibration (how candidates of each
grade fall around 70). Then the fusion weights: fitted by leave-one-job-out cross-validation
over all the sets measured (each set counts equally; a job's AP is always computed with weights
fitted without it). Last, the evidence hit rate on the graded set: the line the first annotator
chose, and any line the blind second annotation accepts (``evidence_blind.json``);
``--misses`` lists the blind misses.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

import numpy as np  # noqa: E402

from core.domain import Score  # noqa: E402
from core.scoring import MemoryCache, fusion, load_encoder  # noqa: E402
from core.scoring.cache import EmbeddingCache  # noqa: E402
from core.scoring.encoder import Encoder  # noqa: E402
from core.scoring.evaluation import (  # noqa: E402
    ABLATIONS,
    COMPONENTS,
    RankingSet,
    component_runs,
    embedding_runs,
    evidence_results,
    lexical_runs,
    load_ranking_set,
    mean_metrics,
    veil_runs,
    veil_scores,
    zscore,
)
from core.scoring.fusion_fit import FusionTable, cross_validate  # noqa: E402
from core.scoring.scorer import ScoringOptions  # noqa: E402

GRADED = ROOT / "tests" / "data" / "ranking"
REAL = "resume_scraper"
FLOOR_MARGIN = 0.03  # real-world set: Veil >= best baseline + this, on MAP and NDCG@10
GRADED_MAP_FLOOR = 0.90
EVIDENCE_FLOOR = 0.85
Runs = Mapping[str, Mapping[str, float]]


def load(spec: str) -> tuple[str, RankingSet, EmbeddingCache]:
    if spec == REAL:
        from bench.data import resume_scraper

        return "real-world dev set (resume_scraper)", resume_scraper.load(), _real_cache()
    folder = Path(spec)
    return f"graded set ({folder.name})", load_ranking_set(folder), MemoryCache()


def _real_cache() -> EmbeddingCache:
    from bench.data import resume_scraper

    return resume_scraper.ProfileCache()


def print_table(rows: Mapping[str, tuple[float, float]]) -> None:
    print(f"  {'system':52s} {'MAP':>6s} {'NDCG@10':>8s}")
    for name, (m, n) in rows.items():
        print(f"  {name:52s} {m:6.3f} {n:8.3f}")


def calibration(
    scores: Mapping[str, Mapping[str, Score]], data: RankingSet, key: str | None = None
) -> None:
    """How the scores (or component ``key`` x 100) of each grade fall around 70."""
    by_grade: dict[int, list[float]] = {}
    for job, by in scores.items():
        for name, score in by.items():
            value = score.score if key is None else 100.0 * score.components[key]
            by_grade.setdefault(data.qrels[job].get(name, 0), []).append(value)
    print(f"  calibration (70 = meets the job), {'score' if key is None else key + ' part alone'}:")
    for grade in sorted(by_grade, reverse=True):
        values = np.array(by_grade[grade])
        print(
            f"    grade {grade}: n={len(values):6d}  median {np.median(values):5.1f}  "
            f">= 70: {np.mean(values >= 70):6.1%}  < 40: {np.mean(values < 40):6.1%}"
        )
    top = [
        max(s.score if key is None else 100.0 * s.components[key] for s in by.values())
        for by in scores.values()
        if by
    ]
    print(f"    best candidate per job: median {np.median(top):5.1f}")


def evaluate(
    label: str,
    data: RankingSet,
    cache: EmbeddingCache,
    encoder: Encoder,
    quick: bool,
    real: bool,
) -> tuple[dict[str, dict[str, Score]], dict[str, tuple[float, float]]]:
    started = time.perf_counter()
    print(f"\n== {label}: {len(data.jobs)} jobs, {len(data.resumes)} resumes")
    scores = veil_scores(encoder, data, cache=cache)
    rows: dict[str, tuple[float, float]] = {}
    veil = {job: {n: s.score for n, s in by.items()} for job, by in scores.items()}
    rows["Veil scorer (fused)"] = mean_metrics(veil, data.qrels)
    for name, key in COMPONENTS.items():
        rows[name] = mean_metrics(component_runs(scores, key), data.qrels)
    if not quick:
        for name, changes in ABLATIONS.items():
            options = ScoringOptions(**changes)  # type: ignore[arg-type]
            rows[name] = mean_metrics(veil_runs(encoder, data, options, cache), data.qrels)
    tfidf = lexical_runs(data, "tfidf")
    embedding = embedding_runs(encoder, data, cache)
    baselines: dict[str, Runs] = {
        "BM25": lexical_runs(data, "bm25"),
        "TF-IDF cosine": tfidf,
        "Whole-document embedding cosine": embedding,
    }
    for name, runs in baselines.items():
        rows[name] = mean_metrics(runs, data.qrels)
    rows["z-scored sum TF-IDF + embedding"] = mean_metrics(
        {
            job: {
                r: a + b
                for (r, a), b in zip(
                    zscore(tfidf[job]).items(), zscore(embedding[job]).values(), strict=True
                )
            }
            for job in data.jobs
        },
        data.qrels,
    )
    print_table(rows)
    best_map = max(rows[n][0] for n in baselines)
    best_ndcg = max(rows[n][1] for n in baselines)
    m, n = rows["Veil scorer (fused)"]
    if real:
        print(
            f"  floor: Veil >= best baseline + {FLOOR_MARGIN}: "
            f"MAP {m:.3f} vs {best_map + FLOOR_MARGIN:.3f} "
            f"({'met' if m >= best_map + FLOOR_MARGIN else 'NOT met'}), "
            f"NDCG@10 {n:.3f} vs {best_ndcg + FLOOR_MARGIN:.3f} "
            f"({'met' if n >= best_ndcg + FLOOR_MARGIN else 'NOT met'})"
        )
    else:
        print(
            f"  floor: MAP >= {GRADED_MAP_FLOOR}: {m:.3f} "
            f"({'met' if m >= GRADED_MAP_FLOOR else 'NOT met'})"
        )
    calibration(scores, data)
    calibration(scores, data, "requirements")
    print(f"  ({time.perf_counter() - started:.0f} s)")
    return scores, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", action="append", help=f"a graded-set folder, or {REAL}")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--quick", action="store_true", help="skip the ablations")
    parser.add_argument("--misses", action="store_true", help="list the blind evidence misses")
    args = parser.parse_args()
    specs = args.data
    if not specs:
        from bench.data import resume_scraper

        specs = [str(GRADED)]
        if resume_scraper.available():
            specs.append(REAL)
        else:
            print(
                "real-world dev set not built (bench/data/resume_scraper.py build): "
                "measuring the graded set only"
            )
    started = time.perf_counter()
    encoder = load_encoder(args.device)
    tables: list[FusionTable] = []
    evidence_sets: list[tuple[RankingSet, EmbeddingCache]] = []
    for spec in specs:
        label, data, cache = load(spec)
        scores, _ = evaluate(label, data, cache, encoder, args.quick, spec == REAL)
        tables += [FusionTable.of(label, job, by, data.qrels[job]) for job, by in scores.items()]
        if data.evidence:
            evidence_sets.append((data, cache))
    cv = cross_validate(tables)
    print(
        f"\nfusion weights (document match, whole-resume similarity), in standard deviations "
        f"of the requirements part: in use {fusion.DOCUMENT_WEIGHT}, {fusion.RESUME_WEIGHT}; "
        f"fitted on all {len(tables)} jobs: {cv.all_weights[0]}, {cv.all_weights[1]}"
    )
    folds: dict[tuple[float, float], int] = {}
    for weights in cv.fold_weights.values():
        folds[weights] = folds.get(weights, 0) + 1
    print(
        "  leave-one-job-out folds chose: "
        + ", ".join(f"{w} x{c}" for w, c in sorted(folds.items(), key=lambda kv: -kv[1]))
    )
    for group in dict.fromkeys(t.group for t in tables):
        print(f"  cross-validated MAP (held-out jobs), {group}: {cv.map(group):.3f}")
    for data, cache in evidence_sets:
        results = evidence_results(encoder, data, cache)
        hits = [r.hit for r in results]
        blind = [r for r in results if r.blind_hit is not None]
        print(
            f"\nevidence hit rate (first annotation): {sum(hits)}/{len(hits)} = {np.mean(hits):.1%}"
        )
        if blind:
            rate = float(np.mean([bool(r.blind_hit) for r in blind]))
            print(
                f"evidence hit rate (blind annotation, any acceptable line): "
                f"{sum(bool(r.blind_hit) for r in blind)}/{len(blind)} = {rate:.1%} "
                f"(floor {EVIDENCE_FLOOR:.0%}: {'met' if rate >= EVIDENCE_FLOOR else 'NOT met'})"
            )
        if args.misses:
            for n, r in enumerate(blind):
                if not r.blind_hit:
                    item = r.item
                    print(f"\n#{n} {item.job} / {item.resume}: {item.requirement}")
                    print(
                        f"    chosen (sim {r.similarity:.2f}, terms {list(r.matched)}): {r.chosen}"
                    )
                    for line in item.acceptable:
                        print(f"    acceptable: {line}")
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
