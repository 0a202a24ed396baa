"""Features of a (job, candidate) pair, built only from what the scorer already computes.

Two kinds of numbers describe a candidate for a job:

- ``summary``: a fixed list of named features (:data:`FEATURE_NAMES`) that mean the same on every
  job, so a head trained on past jobs applies to a new one: the untrained score, must-have and
  nice-to-have satisfaction, semantic similarity, exact-term matches, whole-document fit, and
  satisfaction by requirement kind (skills, experience, education, languages, certifications);
- ``embedding`` and ``terms``: the resume's mean segment embedding and its content terms (for
  feedback within a job).

Every number comes from the placeholder-masked text (``<PERSON_1>`` and the like are blanked
before anything is read) or from the scorer's output on it. Nothing is read from names, file
names, document metadata, the resume's language or the candidate's id, so two resumes that differ
only in who they describe have identical features.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat

import numpy as np
import numpy.typing as npt

from core.domain import DecisionKind, Requirement, Score
from core.scoring import terms as lex
from core.scoring.cache import text_key
from core.scoring.chunking import is_chinese, mask_placeholders
from core.scoring.profile import Profile
from core.scoring.scorer import Scorer

FloatArray = npt.NDArray[np.float32]

#: requirement kinds, for features and for "what was learned"
KINDS = ("skill", "experience", "education", "language", "certification")
_LANGUAGE = re.compile(
    r"\b(english|mandarin|cantonese|spanish|french|german|language|bilingual|fluent|fluency)\b"
    r"|普通话|英语|外语|日语|语言",
    re.IGNORECASE,
)
_CERTIFICATION = re.compile(
    r"\b(licen[cs]e[ds]?|certifi\w*|credential\w*|registered|chartered|accredit\w*|cpa|acca)\b"
    r"|证书|资格证|执业",
    re.IGNORECASE,
)

FEATURE_NAMES: tuple[str, ...] = (
    "base",
    "must_mean",
    "must_min",
    "nice_mean",
    "must_met_share",
    "must_missing_share",
    "similarity_mean",
    "similarity_max",
    "term_share",
    "document_fit",
    "term_fit",
    *(f"kind_{k}" for k in KINDS),
)

#: plain words for each feature ("what was learned")
FEATURE_WORDS: dict[str, str] = {
    "base": "the untrained score",
    "must_mean": "must-have requirements (average satisfaction)",
    "must_min": "the weakest must-have requirement",
    "nice_mean": "nice-to-have requirements",
    "must_met_share": "share of must-haves fully met",
    "must_missing_share": "share of must-haves missing",
    "similarity_mean": "semantic similarity to the requirements (average)",
    "similarity_max": "the closest semantic match to any requirement",
    "term_share": "exact skill and tool terms found",
    "document_fit": "whole-resume similarity to the job posting",
    "term_fit": "whole-resume overlap with the posting's terms",
    "kind_skill": "skill and tool requirements",
    "kind_experience": "years-of-experience requirements",
    "kind_education": "degree and education requirements",
    "kind_language": "language requirements",
    "kind_certification": "licence and certification requirements",
}

#: training targets of the decisions (the weights are settable per call)
DEFAULT_TARGETS: dict[DecisionKind, float] = {
    DecisionKind.SHORTLIST: 1.0,
    DecisionKind.HOLD: 0.5,
    DecisionKind.REJECT: 0.0,
}


def decision_target(
    kind: DecisionKind | str, targets: Mapping[DecisionKind, float] | None = None
) -> float:
    return float((targets or DEFAULT_TARGETS)[DecisionKind(kind)])


def requirement_kind(requirement: Requirement) -> str:
    """``skill``, ``experience``, ``education``, ``language`` or ``certification``."""
    text = mask_placeholders(requirement.text)
    if lex.degree_levels(text):
        return "education"
    if lex.years_required(text) is not None:
        return "experience"
    if _CERTIFICATION.search(text):
        return "certification"
    if _LANGUAGE.search(text):
        return "language"
    return "skill"


@dataclass(frozen=True)
class CandidateFeatures:
    """The features of one candidate for one job (see the module docstring)."""

    summary: FloatArray  # (len(FEATURE_NAMES),)
    embedding: FloatArray  # (dim,), zeros when the encoder cannot read the resume
    terms: dict[str, float]  # content term -> specificity weight

    @property
    def base(self) -> float:
        return float(self.summary[0])


def _mean(values: Sequence[float], default: float) -> float:
    return sum(values) / len(values) if values else default


def summary_features(
    score: Score, document_fit: float, term_fit: float, kinds: Sequence[str] | None = None
) -> FloatArray:
    """The named features of :data:`FEATURE_NAMES` from a scorer's result. ``kinds`` (each
    requirement's :func:`requirement_kind`, in order) saves re-classifying them per resume."""
    results = score.requirements
    if kinds is None:
        kinds = [requirement_kind(r.requirement) for r in results]
    base = score.score / 100.0
    must = [r.satisfaction for r in results if r.requirement.must]
    nice = [r.satisfaction for r in results if not r.requirement.must]
    sims = [r.similarity for r in results if r.method != "lexical"]
    by_kind: dict[str, list[float]] = {k: [] for k in KINDS}
    for r, kind in zip(results, kinds, strict=True):
        by_kind[kind].append(r.satisfaction)
    must_count = max(1, len(must))
    values = [
        base,
        _mean(must, base),
        min(must) if must else base,
        _mean(nice, base),
        sum(1 for r in results if r.requirement.must and r.status == "met") / must_count,
        sum(1 for r in results if r.requirement.must and r.status == "missing") / must_count,
        _mean(sims, 0.0),
        max(sims) if sims else 0.0,
        sum(1 for r in results if r.matched) / max(1, len(results)),
        document_fit,
        term_fit,
        *(_mean(v, base) for v in by_kind.values()),
    ]
    return np.asarray(values, dtype=np.float32)


def profile_terms(profile: Profile) -> dict[str, float]:
    """A resume's content terms (from the scorer's term index) weighted by their fixed
    specificity and, gently, by how many of its lines mention them."""
    content = profile.specificity > 0.0
    lines = np.maximum(1, np.diff(profile.bounds)[content])
    weights = profile.specificity[content].astype(np.float64) * (1.0 + np.log(lines))
    return dict(zip(compress(profile.terms, content.tolist()), weights.tolist(), strict=True))


def term_fits(
    job_terms: Mapping[str, float], resumes: Sequence[Mapping[str, float]]
) -> list[float]:
    """Cosine of the posting's and each resume's weighted content terms (the posting's vector
    is built once)."""
    keys = list(job_terms)
    size = len(keys)
    query = np.fromiter(job_terms.values(), np.float64, size)
    query_norm = float(np.linalg.norm(query))
    out = []
    for words in resumes:
        if not words or query_norm == 0.0:
            out.append(0.0)
            continue
        found = np.fromiter(map(words.get, keys, repeat(0.0, size)), np.float64, size)
        norm = query_norm * float(np.linalg.norm(np.fromiter(words.values(), np.float64)))
        out.append(float(query @ found) / norm if norm > 0 else 0.0)
    return out


class FeatureBuilder:
    """Builds :class:`CandidateFeatures` for one job from the scorer's results.

    Embeddings and terms come from the scorer's profiles: passed in by the caller that just
    ranked with them, or read from the scorer's cache (no encoding either way). The posting's
    own embedding is cached there too. ``with_terms`` keeps the resumes' content terms, which
    only within-job feedback needs.
    """

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.dim = int(scorer.encoder.dim)

    def job_vector(self, job_text: str) -> FloatArray:
        """The posting's embedding (zeros for Chinese or empty text), from the scorer's cache
        when it has been computed before."""
        masked = mask_placeholders(job_text)
        if not masked.strip() or is_chinese(masked):
            return np.zeros(self.dim, np.float32)
        encoder, cache = self.scorer.encoder, self.scorer.cache
        key = "job-vector:" + text_key(masked)
        if cache is not None:
            blob = cache.get_many(encoder.model_hash, [key]).get(key)
            if blob is not None and len(blob) == 4 * self.dim:
                return np.frombuffer(blob, "<f4").copy()
        vector: FloatArray = encoder.encode([masked])[0].astype(np.float32)
        if cache is not None:
            cache.put_many(encoder.model_hash, {key: vector.astype("<f4").tobytes()})
        return vector

    def documents(
        self, redacted_texts: Sequence[str], profiles: Sequence[Profile] | None = None
    ) -> tuple[FloatArray, list[dict[str, float]]]:
        """Each resume's mean unit embedding (L2-normalised; zeros when the encoder cannot read
        it) and content terms, from ``profiles`` or the scorer's cache."""
        if profiles is None:
            profiles = self.scorer.embeddings(list(redacted_texts))
        vectors = np.zeros((len(profiles), self.dim), np.float32)
        terms: list[dict[str, float]] = []
        for row, p in enumerate(profiles):
            if p.vectors.ndim == 2 and p.vectors.shape[1] == self.dim and len(p.vectors):
                mean = p.vectors.mean(axis=0)
                norm = float(np.linalg.norm(mean))
                vectors[row] = mean / norm if norm > 0 else mean
            terms.append(profile_terms(p))
        return vectors, terms

    def build(
        self,
        job_text: str,
        scores: Sequence[Score],
        redacted_texts: Sequence[str],
        *,
        with_terms: bool = True,
        profiles: Sequence[Profile] | None = None,
        summaries: bool = True,
        documents: tuple[FloatArray, list[dict[str, float]]] | None = None,
    ) -> list[CandidateFeatures]:
        """Features of each scored resume (``scores[i]`` is the score of ``redacted_texts[i]``,
        ``profiles[i]`` its profile if the caller has it; ``documents`` what :meth:`documents`
        returned for them, if the caller has that). ``summaries=False`` leaves the summary at
        its first feature, the untrained score (enough for feedback, not for a head)."""
        docs, terms = documents or self.documents(redacted_texts, profiles)
        if not summaries:
            return [
                CandidateFeatures(
                    summary=np.array([s.score / 100.0], np.float32),
                    embedding=vector,
                    terms=words if with_terms else {},
                )
                for s, vector, words in zip(scores, docs, terms, strict=True)
            ]
        job = self.job_vector(job_text)
        job_terms = lex.content_terms(lex.tokens(mask_placeholders(job_text)))
        fits = docs @ job
        overlaps = term_fits(job_terms, terms)
        kinds: dict[tuple[str, ...], list[str]] = {}
        out: list[CandidateFeatures] = []
        for score, vector, fit, overlap, words in zip(
            scores, docs, fits, overlaps, terms, strict=True
        ):
            texts = tuple(r.requirement.text for r in score.requirements)
            if texts not in kinds:
                kinds[texts] = [requirement_kind(r.requirement) for r in score.requirements]
            out.append(
                CandidateFeatures(
                    summary=summary_features(score, float(fit), overlap, kinds[texts]),
                    embedding=vector,
                    terms=words if with_terms else {},
                )
            )
        return out
