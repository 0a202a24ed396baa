"""Ranking evaluation: metrics, the classic baselines, and the graded set's loader.

Used by ``bench/eval_ranking.py`` (prints the table) and by the tests that assert its floors.
Relevance grades are 0 (no fit), 1 (partial fit) and 2 (clear fit). MAP counts grade >= 1 as
relevant; NDCG@10 uses the grades as gains (2**grade - 1).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.domain import Evidence, Requirement, Score
from core.scoring.cache import EmbeddingCache, text_key
from core.scoring.chunking import mask_placeholders
from core.scoring.encoder import Encoder
from core.scoring.requirements import parse_requirements
from core.scoring.scorer import Scorer, ScoringOptions

# the stop words of common IR practice (the baselines use them; Veil's own list is in terms.py)
_BASELINE_STOPWORDS = frozenset(
    str.split(
        "a about above after again against all am an and any are as at be because been before "
        "being below between both but by can could did do does doing down during each few for "
        "from further had has have having he her here hers herself him himself his how i if in "
        "into is it its itself just me more most my myself no nor not now of off on once only or "
        "other our ours ourselves out over own same she should so some such than that the their "
        "theirs them themselves then there these they this those through to too under until up "
        "very was we were what when where which while who whom why will with you your yours "
        "yourself yourselves"
    )
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")


def baseline_tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _BASELINE_STOPWORDS]


# -- metrics ----------------------------------------------------------------------------------


def average_precision(ranked: Sequence[str], grades: Mapping[str, int]) -> float:
    relevant = sum(1 for g in grades.values() if g >= 1)
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, item in enumerate(ranked, start=1):
        if grades.get(item, 0) >= 1:
            hits += 1
            total += hits / i
    return float(total / relevant)


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    def dcg(gains: Sequence[int]) -> float:
        return float(sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k])))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(item, 0) for item in ranked]) / ideal if ideal else 0.0


def rank_by(scores: Mapping[str, float]) -> list[str]:
    """Items best first; ties broken by name so that results are reproducible."""
    return sorted(scores, key=lambda item: (-scores[item], item))


# -- baselines --------------------------------------------------------------------------------


def tfidf_cosine(query: str, docs: Mapping[str, str]) -> dict[str, float]:
    """TF-IDF cosine (raw tf, smoothed idf fitted on the documents, L2 norm)."""
    counts = {name: Counter(baseline_tokens(text)) for name, text in docs.items()}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(docs)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}

    def vector(c: Counter[str]) -> dict[str, float]:
        v = {t: f * idf.get(t, math.log(1 + n) + 1.0) for t, f in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    q = vector(Counter(baseline_tokens(query)))
    return {
        name: sum(w * dv.get(t, 0.0) for t, w in q.items())
        for name, dv in ((name, vector(c)) for name, c in counts.items())
    }


def bm25(query: str, docs: Mapping[str, str], k1: float = 1.5, b: float = 0.75) -> dict[str, float]:
    """Okapi BM25 of the query's tokens over the documents (Lucene's idf)."""
    counts = {name: Counter(baseline_tokens(text)) for name, text in docs.items()}
    lengths = {name: sum(c.values()) for name, c in counts.items()}
    avg = sum(lengths.values()) / max(1, len(lengths))
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(docs)
    out: dict[str, float] = {}
    for name, c in counts.items():
        score = 0.0
        for t in baseline_tokens(query):
            f = c.get(t, 0)
            if f:
                idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                score += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[name] / avg))
        out[name] = score
    return out


def zscore(scores: Mapping[str, float]) -> dict[str, float]:
    values = np.array(list(scores.values()), dtype=np.float64)
    sd = float(values.std()) or 1.0
    mean = float(values.mean())
    return {k: (v - mean) / sd for k, v in scores.items()}


# -- the graded set ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceItem:
    job: str
    resume: str
    requirement: str
    sentence: str  # the line the first annotator chose
    # every line a second, blind annotator accepts (``evidence_blind.json``); empty: not labelled
    acceptable: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankingSet:
    jobs: dict[str, str]
    resumes: dict[str, str]
    qrels: dict[str, dict[str, int]]
    evidence: tuple[EvidenceItem, ...]


def load_ranking_set(folder: Path) -> RankingSet:
    jobs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "jobs").glob("*.txt"))}
    resumes = {
        p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "resumes").glob("*.txt"))
    }
    qrels = json.loads((folder / "qrels.json").read_text(encoding="utf-8"))
    # only what is graded (the set may be growing while files land)
    jobs = {k: v for k, v in jobs.items() if k in qrels}
    graded = {r for grades in qrels.values() for r in grades}
    resumes = {k: v for k, v in resumes.items() if k in graded}
    qrels = {
        job: {r: g for r, g in grades.items() if r in resumes}
        for job, grades in qrels.items()
        if job in jobs
    }
    evidence_path = folder / "evidence.json"
    items = json.loads(evidence_path.read_text(encoding="utf-8")) if evidence_path.exists() else []
    blind_path = folder / "evidence_blind.json"
    blind = json.loads(blind_path.read_text(encoding="utf-8")) if blind_path.exists() else []
    accepted = {(b["job"], b["resume"], b["requirement"]): tuple(b["acceptable"]) for b in blind}
    evidence = tuple(
        EvidenceItem(
            i["job"],
            i["resume"],
            i["requirement"],
            i["sentence"],
            accepted.get((i["job"], i["resume"], i["requirement"]), ()),
        )
        for i in items
    )
    return RankingSet(jobs=jobs, resumes=resumes, qrels=qrels, evidence=evidence)


def mean_metrics(
    runs: Mapping[str, Mapping[str, float]], qrels: Mapping[str, Mapping[str, int]]
) -> tuple[float, float]:
    """(MAP, mean NDCG@10) of per-job score maps."""
    aps, ndcgs = [], []
    for job, scores in runs.items():
        ranked = rank_by(scores)
        aps.append(average_precision(ranked, qrels[job]))
        ndcgs.append(ndcg_at(ranked, qrels[job], 10))
    return float(np.mean(aps)), float(np.mean(ndcgs))


# -- running the systems ----------------------------------------------------------------------

ABLATIONS: dict[str, dict[str, object]] = {
    "Veil: requirements part alone (no pool terms)": {"fusion": False},
    "Veil: lexical terms only": {"semantic": False},
    "Veil: semantic evidence only": {"lexical": False},
    "Veil: without degree/years checks": {"checks": False},
    "Veil: must-haves weigh as nice-to-haves": {"must_weight": 1.0},
    "Veil: glossary matches not counted": {"translated": False},
}
#: each of the fused score's components alone (values in ``Score.components``)
COMPONENTS = {
    "Veil component: requirements alone": "requirements",
    "Veil component: document match (pool TF-IDF) alone": "document_match",
    "Veil component: whole-resume similarity alone": "resume_z",
}


def veil_scores(
    encoder: Encoder,
    data: RankingSet,
    options: ScoringOptions | None = None,
    cache: EmbeddingCache | None = None,
) -> dict[str, dict[str, Score]]:
    """Every resume's ``Score`` for every job, each job ranking the whole set as its pool."""
    scorer = Scorer(encoder, cache, options=options)
    ids = {i: name for i, name in enumerate(data.resumes)}
    texts = {i: data.resumes[name] for i, name in ids.items()}
    out: dict[str, dict[str, Score]] = {}
    for job, text in data.jobs.items():
        requirements = parse_requirements(text)
        ranked = scorer.rank(requirements, texts, job_text=text)
        out[job] = {ids[i]: s for i, s in ranked}
    return out


def veil_runs(
    encoder: Encoder,
    data: RankingSet,
    options: ScoringOptions | None = None,
    cache: EmbeddingCache | None = None,
) -> dict[str, dict[str, float]]:
    scores = veil_scores(encoder, data, options, cache)
    return {job: {name: s.score for name, s in by.items()} for job, by in scores.items()}


def component_runs(
    scores: Mapping[str, Mapping[str, Score]], component: str
) -> dict[str, dict[str, float]]:
    """A run that ranks by one component of the scores."""
    return {
        job: {name: s.components[component] for name, s in by.items()} for job, by in scores.items()
    }


def document_vectors(
    encoder: Encoder, texts: Sequence[str], cache: EmbeddingCache | None = None
) -> np.ndarray:
    """Whole-document embeddings (mean of 256-token chunks) of placeholder-masked ``texts``;
    with a cache, kept there under the model hash + ``/document`` (encoded once)."""
    masked = [mask_placeholders(t) for t in texts]
    keys = [text_key(t) for t in masked]
    space = f"{encoder.model_hash}/document"
    found = {
        k: np.frombuffer(b, dtype="<f4").copy()
        for k, b in (cache.get_many(space, keys) if cache is not None else {}).items()
    }
    todo = {k: t for k, t in zip(keys, masked, strict=True) if k not in found}
    if todo:
        fresh = dict(zip(todo, encoder.encode(list(todo.values())), strict=True))
        found.update(fresh)
        if cache is not None:
            cache.put_many(space, {k: v.astype("<f4").tobytes() for k, v in fresh.items()})
    return np.stack([found[k] for k in keys]) if keys else np.zeros((0, encoder.dim), np.float32)


def embedding_runs(
    encoder: Encoder, data: RankingSet, cache: EmbeddingCache | None = None
) -> dict[str, dict[str, float]]:
    """Whole-document embedding cosine (mean of 256-token chunks, both sides)."""
    names = list(data.resumes)
    docs = document_vectors(encoder, [data.resumes[n] for n in names], cache)
    jobs = encoder.encode(list(data.jobs.values()))
    return {
        job: dict(zip(names, (docs @ jobs[j]).tolist(), strict=True))
        for j, job in enumerate(data.jobs)
    }


def lexical_runs(data: RankingSet, method: str) -> dict[str, dict[str, float]]:
    fn = bm25 if method == "bm25" else tfidf_cosine
    docs = {n: mask_placeholders(t) for n, t in data.resumes.items()}
    return {job: fn(text, docs) for job, text in data.jobs.items()}


@dataclass(frozen=True)
class EvidenceResult:
    item: EvidenceItem
    hit: bool  # overlaps the line the first annotator chose
    chosen: str | None  # the evidence text the scorer returned (None: no evidence)
    similarity: float
    matched: tuple[str, ...]
    # overlaps any line the blind second annotator accepts (None: the item has no such label)
    blind_hit: bool | None = None


def _overlaps(evidence: Evidence | None, text: str, lines: Sequence[str]) -> bool:
    if evidence is None:
        return False
    for line in lines:
        for m in re.finditer(re.escape(line.strip()), text):
            if evidence.start < m.end() and m.start() < evidence.end:
                return True
    return False


def evidence_results(
    encoder: Encoder, data: RankingSet, cache: EmbeddingCache | None = None
) -> list[EvidenceResult]:
    """For each labelled item: does the evidence span overlap the sentence a person chose
    (and, where the blind annotation has the item, any line it accepts)?"""
    scorer = Scorer(encoder, cache)
    out: list[EvidenceResult] = []
    for item in data.evidence:
        text = data.resumes[item.resume]
        result = scorer.score([Requirement(item.requirement)], text).requirements[0]
        evidence = result.evidence
        out.append(
            EvidenceResult(
                item=item,
                hit=_overlaps(evidence, text, [item.sentence]),
                chosen=evidence.text if evidence is not None else None,
                similarity=evidence.similarity if evidence is not None else 0.0,
                matched=result.matched,
                blind_hit=_overlaps(evidence, text, item.acceptable) if item.acceptable else None,
            )
        )
    return out
