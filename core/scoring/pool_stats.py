"""Document-level signals of a resume against a whole job, with statistics from the pool.

Two signals look at the resume as a whole rather than requirement by requirement:

- *document match*: TF-IDF of the job's terms in the resume (sublinear term frequency, length
  normalised), over Veil's terms (stems, aliases, phrases; stopwords and numbers left out) of the
  placeholder-masked text. How rare a term is (its IDF) comes from the candidate pool being
  ranked: "forklift" tells a lot in a pool of accountants and little among warehouse staff.
- *whole-resume similarity*: the cosine between the job's embedding and the resume's (the mean
  of its cached unit embeddings, weighted by length), and the mean cosine of the resume's five
  units closest to the job; ``scorer`` z-scores both within the pool and adds them.

Both read only the cached profiles (term postings and unit vectors), so a new job costs array
work and no encoding of resumes. A pool score depends on the pool: the same resume can match
one job better in a pool of other fields than among its peers. ``fusion`` turns both into points
relative to the pool; a single resume scored alone has no pool to compare with.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.scoring import fusion
from core.scoring import terms as lex
from core.scoring.profile import Profile

FloatArray = npt.NDArray[np.float32]


def query_terms(job_text: str) -> dict[str, int]:
    """The job's content terms (as ``terms.content_terms`` picks them) with their counts."""
    items = lex.tokens(job_text, search=False)
    wanted = lex.content_terms(items)
    counts = Counter(t.term for t in items if t.term in wanted)
    return {term: counts[term] for term in wanted}


def document_length(profile: Profile) -> int:
    """Content-term occurrences of the resume (stopwords, numbers and 1-letter terms left out),
    counting a term once per unit (line or sentence) it occurs in."""
    counts = np.diff(profile.bounds)
    return int(counts[profile.specificity > 0].sum())


def term_frequencies(profile: Profile, terms: Sequence[str]) -> FloatArray:
    """Per term, the number of units (lines, sentences) of the resume it occurs in."""
    out = np.zeros(len(terms), np.float32)
    for i, term in enumerate(terms):
        row = profile.term_index(term)
        if row >= 0:
            out[i] = profile.bounds[row + 1] - profile.bounds[row]
    return out


@dataclass(frozen=True)
class PoolStats:
    """What the pool says about the job's terms: its size and each term's document frequency."""

    size: int
    document_frequency: FloatArray  # per query term

    @classmethod
    def of(cls, frequencies: Sequence[FloatArray], terms: int) -> PoolStats:
        df = (
            (np.stack(frequencies) > 0).sum(axis=0).astype(np.float32)
            if len(frequencies)
            else np.zeros(terms, np.float32)
        )
        return cls(size=len(frequencies), document_frequency=df)

    def idf(self) -> FloatArray:
        """Smoothed IDF, ln((1 + n) / (1 + df)) + 1 (always positive)."""
        out: FloatArray = (
            np.log((1.0 + self.size) / (1.0 + self.document_frequency)) + 1.0
        ).astype(np.float32)
        return out


def document_match(
    frequencies: FloatArray, length: int, query_counts: FloatArray, stats: PoolStats
) -> float:
    """TF-IDF match of one resume with the job: the sum over the job's terms of
    (job count x IDF) x ((1 + ln tf) x IDF), divided by the square root of the resume's length.

    Sublinear term frequency (a skill named in ten lines is not ten times the evidence) and
    the pool's IDF on both sides; dividing by sqrt(length) keeps long resumes from winning by
    length alone. (On the real dev set this ranked better than BM25 and than a raw-tf TF-IDF
    cosine; see ``bench/eval_ranking.py``.)"""
    if stats.size == 0 or not len(frequencies):
        return 0.0
    tf = np.where(frequencies > 0, 1.0 + np.log(np.maximum(frequencies, 1.0)), 0.0)
    idf = stats.idf()
    return float((tf * idf * query_counts * idf).sum() / math.sqrt(max(length, 1)))


def resume_vector(profile: Profile) -> FloatArray | None:
    """The resume's whole-document embedding: its unit vectors' length-weighted mean,
    L2-normalised (None when the text was not encoded, e.g. a Chinese resume)."""
    if profile.vectors.shape[1] == 0 or len(profile.vectors) == 0:
        return None
    lengths = (profile.offsets[:, 1] - profile.offsets[:, 0]).astype(np.float32) + 1.0
    mean = (profile.vectors * lengths[:, None]).sum(axis=0)
    norm = float(np.linalg.norm(mean))
    if norm == 0 or not math.isfinite(norm):
        return None
    out: FloatArray = (mean / norm).astype(np.float32)
    return out


CLOSEST_LINES = 5


def resume_similarity(profile: Profile, job_vector: FloatArray) -> tuple[float, float] | None:
    """How the resume reads next to the job, two ways: the cosine between the job's vector and
    the resume's whole-document vector, and the mean cosine of the resume's
    ``CLOSEST_LINES`` units closest to the job (its most job-like lines). None when the resume
    was not encoded (a Chinese resume); 0 and 0 for a resume with no text at all. (Together
    they ranked better on both evaluation sets than either alone.)"""
    if len(profile.offsets) == 0:
        return 0.0, 0.0
    vector = resume_vector(profile)
    if vector is None:
        return None
    sims = profile.vectors @ job_vector
    top = np.sort(sims)[::-1][:CLOSEST_LINES]
    return float(vector @ job_vector), float(top.mean())


def pool_signals(
    whole: str, pool: Sequence[Profile], job_vector: npt.NDArray[np.float32] | None
) -> tuple[npt.NDArray[np.float64], ...]:
    """Pool standard scores and raw values of the document match and the whole-resume
    similarity of each profile (``job_vector``: the posting's embedding, if it has one)."""
    query = query_terms(whole)
    terms = list(query)
    counts = np.array([query[t] for t in terms], np.float32)
    freqs = [term_frequencies(p, terms) for p in pool]
    lengths = [document_length(p) for p in pool]
    stats = PoolStats.of(freqs, len(terms))
    doc = np.array(
        [document_match(f, n, counts, stats) for f, n in zip(freqs, lengths, strict=True)]
    )
    overall = np.full(len(pool), np.nan)
    closest = np.full(len(pool), np.nan)
    if job_vector is not None:
        for row, profile in enumerate(pool):
            pair = resume_similarity(profile, job_vector)
            if pair is not None:
                overall[row], closest[row] = pair
    readable = ~np.isnan(overall)
    # resumes the encoder cannot read (Chinese) sit at the pool's mean: 0 points
    res_z = np.zeros(len(pool))
    if readable.any():
        # the whole resume's direction and its closest lines, equally
        both = fusion.pool_z(overall[readable]) + fusion.pool_z(closest[readable])
        res_z[readable] = fusion.pool_z(both)
    return fusion.pool_z(doc), res_z, doc, np.nan_to_num(overall)
