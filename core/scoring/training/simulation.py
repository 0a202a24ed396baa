"""A simulated recruiter on a graded ranking set (``bench/eval_learning.py`` and its tests).

For every job, half of the candidates (a fixed random half) get decisions from the graded
relevance (2 shortlist, 1 hold, 0 reject); the other half is ranked and scored by MAP:

- (a) the untrained scorer;
- (b) TF-IDF cosine, and Rocchio feedback on TF-IDF (the classical baseline: the query moves
  towards the decided-relevant resumes and away from the rejected ones);
- (c) Veil: the head trained on every job's decided half, then the job's own decisions
  (feedback), exactly as ``rank_job`` applies them.

And for jobs with no decisions at all (each job held out in turn): the untrained scorer against
the head trained on the other jobs' decisions.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.domain import Score
from core.scoring.chunking import mask_placeholders
from core.scoring.evaluation import RankingSet, average_precision, baseline_tokens, rank_by
from core.scoring.requirements import parse_requirements
from core.scoring.scorer import Scorer
from core.scoring.training.features import CandidateFeatures, FeatureBuilder
from core.scoring.training.head import Head, HeadConfig, fit_head
from core.scoring.training.model import rescore
from core.scoring.training.validation import cross_validate

GRADE_TARGET = {2: 1.0, 1: 0.5, 0: 0.0}
ROCCHIO = (1.0, 0.75, 0.15)  # alpha, beta, gamma (the textbook values)


@dataclass(frozen=True)
class JobPool:
    names: list[str]  # resume names, in the order of ``scores`` and ``features``
    scores: list[Score]
    features: list[CandidateFeatures]


def prepare(
    scorer: Scorer, data: RankingSet, jobs: Sequence[str] | None = None
) -> dict[str, JobPool]:
    """Score every resume for every job and build the features (the slow part, done once)."""
    builder = FeatureBuilder(scorer)
    names = list(data.resumes)
    ids = {i: n for i, n in enumerate(names)}
    texts = {i: data.resumes[n] for i, n in ids.items()}
    pools: dict[str, JobPool] = {}
    for job in jobs or list(data.jobs):
        requirements = parse_requirements(data.jobs[job])
        scored = dict(scorer.rank(requirements, texts))
        order = list(texts)
        scores = [scored[i] for i in order]
        feats = builder.build(data.jobs[job], scores, [texts[i] for i in order])
        pools[job] = JobPool([ids[i] for i in order], scores, feats)
    return pools


def decided_half(job: str, names: Sequence[str], seed: int = 0) -> set[str]:
    """A fixed random half of a job's candidates (by a hash, not by name order)."""

    def key(name: str) -> str:
        return hashlib.sha256(f"{seed}:{job}:{name}".encode()).hexdigest()

    ordered = sorted(names, key=key)
    return set(ordered[: len(ordered) // 2])


def tfidf_vectors(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    counts = {n: Counter(baseline_tokens(mask_placeholders(t))) for n, t in texts.items()}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(texts)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    return {name: _unit({t: f * idf[t] for t, f in c.items()}) for name, c in counts.items()}


def _unit(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _query_vector(text: str, docs: Mapping[str, str]) -> dict[str, float]:
    counts = {n: set(baseline_tokens(mask_placeholders(t))) for n, t in docs.items()}
    n = len(docs)
    q = Counter(baseline_tokens(text))
    return _unit(
        {
            t: f * (math.log((1 + n) / (1 + sum(t in c for c in counts.values()))) + 1.0)
            for t, f in q.items()
        }
    )


def rocchio(
    query: dict[str, float],
    docs: Mapping[str, dict[str, float]],
    relevant: Sequence[str],
    rejected: Sequence[str],
) -> dict[str, float]:
    alpha, beta, gamma = ROCCHIO
    out = {t: alpha * w for t, w in query.items()}
    for names, factor in ((relevant, beta), (rejected, -gamma)):
        for name in names:
            for t, w in docs[name].items():
                out[t] = out.get(t, 0.0) + factor * w / len(names)
    return out


def _cosine(q: Mapping[str, float], d: Mapping[str, float]) -> float:
    return sum(w * d.get(t, 0.0) for t, w in q.items())


def _map(runs: Mapping[str, Mapping[str, float]], qrels: Mapping[str, Mapping[str, int]]) -> float:
    aps = [
        average_precision(rank_by(scores), {n: qrels[job][n] for n in scores})
        for job, scores in runs.items()
        if any(qrels[job][n] >= 1 for n in scores)
    ]
    return float(np.mean(aps)) if aps else 0.0


@dataclass(frozen=True)
class SimulationResult:
    untrained: float  # (a) on the undecided halves
    tfidf: float  # (b) before feedback
    rocchio: float  # (b) after feedback
    veil: float  # (c) after learning (head + feedback)
    veil_head_only: float  # (c) without the job's own decisions
    new_jobs_before: float  # untrained scorer on whole held-out jobs
    new_jobs_after: float  # head trained on the other jobs
    per_job: dict[str, tuple[float, float, float, float]]  # untrained, tfidf, rocchio, veil
    decisions: int
    head_adopted: bool = False  # learn would adopt the head trained on every job's decisions
    new_job_heads: int = 0  # held-out jobs for which learn would adopt the other jobs' head


def _training_rows(
    pools: Mapping[str, JobPool], halves: Mapping[str, set[str]], qrels: RankingSet
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    xs, ys, groups = [], [], []
    for job, pool in pools.items():
        for name, f in zip(pool.names, pool.features, strict=True):
            if name in halves[job]:
                xs.append(f.summary)
                ys.append(GRADE_TARGET[qrels.qrels[job][name]])
                groups.append(job)
    return np.stack(xs).astype(np.float32), np.asarray(ys, np.float32), groups


def adopted_head(
    x: np.ndarray, y: np.ndarray, groups: Sequence[object], config: HeadConfig | None = None
) -> Head | None:
    """The head ``learn`` would adopt from these decisions, or None (the untrained scorer
    stays): trained on all of them, adopted only if grouped cross-validation (folds hold out
    whole jobs) gives a higher MAP than the untrained score, exactly as ``learn`` decides."""

    def train(xs: np.ndarray, ys: np.ndarray, gs: Sequence[object]) -> Any:
        return fit_head(xs, ys, gs, config).predict

    cv = cross_validate(x, y, groups, train, x[:, 0])
    return fit_head(x, y, groups, config) if cv.better else None


def simulate(
    pools: Mapping[str, JobPool],
    data: RankingSet,
    *,
    seed: int = 0,
    config: HeadConfig | None = None,
    new_jobs: bool = True,
) -> SimulationResult:
    """One split (``seed``); ``new_jobs=False`` skips the leave-one-job-out part (0.0 there)."""
    halves = {job: decided_half(job, pool.names, seed) for job, pool in pools.items()}
    x, y, groups = _training_rows(pools, halves, data)
    head = adopted_head(x, y, groups, config)
    tfidf = tfidf_vectors(data.resumes)
    runs: dict[str, dict[str, dict[str, float]]] = {
        k: {} for k in ("untrained", "tfidf", "rocchio", "veil", "head")
    }
    per_job: dict[str, tuple[float, float, float, float]] = {}
    for job, pool in pools.items():
        decided = halves[job]
        rest = [i for i, n in enumerate(pool.names) if n not in decided]
        grades = data.qrels[job]
        query = _query_vector(data.jobs[job], data.resumes)
        relevant = [n for n in decided if grades[n] >= 1]
        rejected = [n for n in decided if grades[n] == 0]
        moved = rocchio(query, tfidf, relevant, rejected)
        ids = {n: i for i, n in enumerate(pool.names)}
        targets = {ids[n]: GRADE_TARGET[grades[n]] for n in decided}
        learned = rescore(
            [_with_id(s, i) for i, s in enumerate(pool.scores)],  # ids: pool positions
            pool.features,
            head=head,
            head_version="sim",
            decided=targets,
        )
        summary = np.stack([f.summary for f in pool.features])
        head_only = summary[:, 0] if head is None else head.predict(summary)
        for i in rest:
            name = pool.names[i]
            runs["untrained"].setdefault(job, {})[name] = pool.scores[i].score
            runs["tfidf"].setdefault(job, {})[name] = _cosine(query, tfidf[name])
            runs["rocchio"].setdefault(job, {})[name] = _cosine(moved, tfidf[name])
            runs["veil"].setdefault(job, {})[name] = learned[i].score
            runs["head"].setdefault(job, {})[name] = float(head_only[i])
        per_job[job] = tuple(  # type: ignore[assignment]
            _map({job: runs[k][job]}, data.qrels) for k in ("untrained", "tfidf", "rocchio", "veil")
        )
    before, after, adopted = (
        new_job_maps(pools, data, halves, config) if new_jobs else (0.0, 0.0, 0)
    )
    return SimulationResult(
        untrained=_map(runs["untrained"], data.qrels),
        tfidf=_map(runs["tfidf"], data.qrels),
        rocchio=_map(runs["rocchio"], data.qrels),
        veil=_map(runs["veil"], data.qrels),
        veil_head_only=_map(runs["head"], data.qrels),
        new_jobs_before=before,
        new_jobs_after=after,
        per_job=per_job,
        decisions=len(y),
        head_adopted=head is not None,
        new_job_heads=adopted,
    )


def _with_id(score: Score, cid: int) -> Score:
    import dataclasses

    return dataclasses.replace(score, candidate_id=cid)


def new_job_maps(
    pools: Mapping[str, JobPool],
    data: RankingSet,
    halves: Mapping[str, set[str]],
    config: HeadConfig | None = None,
) -> tuple[float, float, int]:
    """Leave-one-job-out: MAP of whole held-out jobs, untrained vs what learning on the other
    jobs' decisions gives (their head where ``learn`` would adopt it); and for how many held-out
    jobs it would be adopted."""
    before: dict[str, dict[str, float]] = {}
    after: dict[str, dict[str, float]] = {}
    adopted = 0
    for job, pool in pools.items():
        others = {j: p for j, p in pools.items() if j != job}
        x, y, groups = _training_rows(others, halves, data)
        head = adopted_head(x, y, groups, config)
        before[job] = {n: s.score for n, s in zip(pool.names, pool.scores, strict=True)}
        if head is None:  # not adopted: the new job ranks exactly as before
            after[job] = dict(before[job])
            continue
        adopted += 1
        pred = head.predict(np.stack([f.summary for f in pool.features]))
        after[job] = {n: float(p) for n, p in zip(pool.names, pred, strict=True)}
    return _map(before, data.qrels), _map(after, data.qrels), adopted


__all__ = ["JobPool", "SimulationResult", "prepare", "simulate"]
