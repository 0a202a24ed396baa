"""The scorer: requirement-by-requirement evidence and an explained 0-100 score.

For every requirement the scorer looks at each segment (line or sentence) of the redacted resume:

- *semantic*: cosine similarity between the requirement's and the segment's embeddings;
- *lexical*: which of the requirement's terms (skills, tools, fields) occur, exactly or
  near-exactly, weighted by how specific each term is (see ``terms``);
- *degree* and *years* checks where the requirement names a degree or a number of years.

The evidence is the segment with the best semantic similarity plus lexical overlap. The
requirement's *satisfaction* (0..1) combines the two signals as a soft maximum: one strong signal
(all the rare terms present, or a close paraphrase) is enough to meet a requirement, a second
signal adds to it, and two weak ones stay weak. Both signals are mapped to 0..1 by fixed
functions, so satisfaction means the same on every job: 0.7 and above is "met".

The overall score is the weighted mean satisfaction (must-haves weigh twice as much as
nice-to-haves, times the user's weight per requirement) times 100, so 70 means "meets its
requirements about as well as a met requirement" on any job. Missing must-haves are listed in
``Score.notes``. There are no other factors.

Chinese requirements or resumes are matched lexically on jieba tokens (the encoder is
English-only), and the result says so.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from core.domain import Evidence, Requirement, RequirementScore, Score
from core.scoring import terms as lex
from core.scoring.cache import EmbeddingCache, dump_chunks, load_chunks, round_vectors, text_key
from core.scoring.chunking import has_cjk, is_chinese, mask_placeholders, segments
from core.scoring.encoder import Chunks, Encoder

SCORER_VERSION = "1"
MUST_WEIGHT = 2.0
NICE_WEIGHT = 1.0
# cosine similarity of all-MiniLM-L6-v2 mapped to 0..1: unrelated text sits near 0.1-0.2,
# a same-topic sentence near 0.4, a close paraphrase at 0.7 and above.
SIM_LOW = 0.25
SIM_HIGH = 0.70
SECOND_SIGNAL = 0.5  # how much the weaker of the two signals adds (soft maximum)
EVIDENCE_LEXICAL = 0.5  # weight of term overlap when choosing the evidence segment
RANK_BATCH = 32

FloatArray = npt.NDArray[np.float32]


def semantic_satisfaction(similarity: float) -> float:
    return float(np.clip((similarity - SIM_LOW) / (SIM_HIGH - SIM_LOW), 0.0, 1.0))


def soft_max(a: float, b: float) -> float:
    """Combine two 0..1 signals: the stronger counts fully, the weaker adds a share."""
    hi, lo = max(a, b), min(a, b)
    return 1.0 - (1.0 - hi) * (1.0 - SECOND_SIGNAL * lo)


@dataclass
class _Req:
    requirement: Requirement
    terms: dict[str, float]
    years: float | None
    degree: int | None
    chinese: bool
    vector: FloatArray | None = None


@dataclass
class _Doc:
    text: str
    offsets: npt.NDArray[np.int32]  # (k, 2) evidence units
    vectors: FloatArray | None  # (k, dim), None when the encoder cannot read the text
    term_units: dict[str, set[int]]
    term_surface: dict[str, str]
    years: float | None
    degree: int
    chinese: bool
    notes: list[str] = field(default_factory=list)


class Scorer:
    """Scores redacted resumes against a job's requirements (see the module docstring)."""

    def __init__(self, encoder: Encoder, cache: EmbeddingCache | None = None) -> None:
        self.encoder = encoder
        self.cache = cache
        self._req_vectors: dict[str, FloatArray] = {}
        self.this_year = datetime.date.today().year

    @property
    def model_version(self) -> str:
        return f"{self.encoder.name}@{self.encoder.model_hash[:12]}/scorer-{SCORER_VERSION}"

    # -- preparation ---------------------------------------------------------------------------

    def _prepare_requirements(self, requirements: Sequence[Requirement]) -> list[_Req]:
        out: list[_Req] = []
        for req in requirements:
            text = mask_placeholders(req.text)
            levels = [level for level, _, _ in lex.degree_levels(text)]
            out.append(
                _Req(
                    requirement=req,
                    terms=lex.content_terms(lex.tokens(text)),
                    years=lex.years_required(text),
                    degree=min(levels) if levels else None,
                    chinese=has_cjk(text) and is_chinese(text),
                )
            )
        todo = [r.requirement.text for r in out if not r.chinese]
        missing = [t for t in dict.fromkeys(todo) if t not in self._req_vectors]
        if missing:
            vectors = self.encoder.encode([mask_placeholders(t) for t in missing])
            vectors = vectors.astype(np.float16).astype(np.float32)
            self._req_vectors.update(zip(missing, vectors, strict=True))
        for r in out:
            if not r.chinese:
                r.vector = self._req_vectors[r.requirement.text]
        return out

    def _encode_segments(self, masked_texts: Sequence[str]) -> list[Chunks]:
        """Segment embeddings of each text (offsets into the text), rounded as stored."""
        segs = [segments(t) for t in masked_texts]
        flat = [s.text for doc in segs for s in doc]
        encoded = self.encoder.encode_chunks(flat) if flat else []
        out: list[Chunks] = []
        at = 0
        for doc in segs:
            offsets: list[npt.NDArray[np.int32]] = []
            vectors: list[FloatArray] = []
            for seg in doc:
                chunk = encoded[at]
                at += 1
                offsets.append(chunk.offsets + seg.start)
                vectors.append(chunk.vectors)
            out.append(
                round_vectors(
                    Chunks(
                        offsets=np.concatenate(offsets).astype(np.int32)
                        if offsets
                        else np.zeros((0, 2), np.int32),
                        vectors=np.concatenate(vectors)
                        if vectors
                        else np.zeros((0, self.encoder.dim), np.float32),
                    )
                )
            )
        return out

    def _embeddings(self, masked_texts: Sequence[str]) -> list[Chunks]:
        """Segment embeddings from the cache where present, encoding (and caching) the rest."""
        keys = [text_key(t) for t in masked_texts]
        found: dict[str, Chunks] = {}
        if self.cache is not None and keys:
            for key, blob in self.cache.get_many(self.encoder.model_hash, keys).items():
                chunks = load_chunks(blob)
                if chunks is not None and chunks.vectors.shape[1:] == (self.encoder.dim,):
                    found[key] = chunks
        todo = {k: t for k, t in zip(keys, masked_texts, strict=True) if k not in found}
        if todo:
            fresh = dict(zip(todo, self._encode_segments(list(todo.values())), strict=True))
            found.update(fresh)
            if self.cache is not None:
                self.cache.put_many(
                    self.encoder.model_hash, {k: dump_chunks(c) for k, c in fresh.items()}
                )
        return [found[k] for k in keys]

    def _documents(self, redacted_texts: Sequence[str]) -> list[_Doc]:
        masked = [mask_placeholders(t) for t in redacted_texts]
        chinese = [is_chinese(t) for t in masked]
        readable = [t for t, zh in zip(masked, chinese, strict=True) if not zh]
        embedded = iter(self._embeddings(readable)) if readable else iter(())
        docs: list[_Doc] = []
        for text, mtext, zh in zip(redacted_texts, masked, chinese, strict=True):
            if zh:
                segs = segments(mtext)
                offsets = np.array([(s.start, s.end) for s in segs], np.int32).reshape(-1, 2)
                vectors = None
            else:
                chunks = next(embedded)
                offsets, vectors = chunks.offsets, chunks.vectors
            docs.append(self._index(text, mtext, offsets, vectors, zh))
        return docs

    def _index(
        self,
        text: str,
        masked: str,
        offsets: npt.NDArray[np.int32],
        vectors: FloatArray | None,
        chinese: bool,
    ) -> _Doc:
        starts = offsets[:, 0].tolist()
        ends = offsets[:, 1].tolist()
        term_units: dict[str, set[int]] = {}
        term_surface: dict[str, str] = {}
        for token in lex.tokens(masked):
            unit = bisect.bisect_right(starts, token.start) - 1
            if unit < 0 or token.start >= ends[unit]:
                unit = -1
            term_units.setdefault(token.term, set()).add(unit)
            term_surface.setdefault(token.term, masked[token.start : token.end])
        levels = [level for level, _, _ in lex.degree_levels(masked)]
        return _Doc(
            text=text,
            offsets=offsets,
            vectors=vectors,
            term_units=term_units,
            term_surface=term_surface,
            years=lex.years_of_experience(masked, self.this_year),
            degree=max(levels) if levels else 0,
            chinese=chinese,
        )

    # -- scoring -------------------------------------------------------------------------------

    def _score_requirement(self, req: _Req, doc: _Doc) -> RequirementScore:
        units = len(doc.offsets)
        total = sum(req.terms.values())
        matched = [t for t in req.terms if t in doc.term_units]
        lexical = sum(req.terms[t] for t in matched) / total if total else 0.0
        unit_lex = np.zeros(units, np.float32)
        if total:
            for t in matched:
                for u in doc.term_units[t]:
                    if u >= 0:
                        unit_lex[u] += req.terms[t] / total
        semantic_ok = not (req.chinese or doc.chinese)
        if semantic_ok and req.vector is not None and doc.vectors is not None and units:
            sims = doc.vectors @ req.vector
            best = int(np.argmax(sims + EVIDENCE_LEXICAL * unit_lex))
            similarity = float(sims.max())
            evidence_sim = float(sims[best])
            semantic = semantic_satisfaction(similarity)
            satisfaction = soft_max(semantic, lexical) if total else semantic
            method = "semantic+lexical"
        else:
            best = int(np.argmax(unit_lex)) if units and unit_lex.max() > 0 else -1
            similarity = evidence_sim = 0.0
            satisfaction = lexical
            method = "lexical"
        if req.degree is not None:
            have = doc.degree
            degree_fit = 1.0 if have >= req.degree else 0.5 if have == req.degree - 1 else 0.0
            satisfaction = degree_fit * (0.5 + 0.5 * satisfaction) if total else degree_fit
        if req.years is not None:
            fit = min(1.0, doc.years / req.years) if doc.years is not None else 0.5
            satisfaction = satisfaction * (0.5 + 0.5 * fit) if total else fit
        evidence = None
        if best >= 0:
            start, end = (int(x) for x in doc.offsets[best])
            evidence = Evidence(start, end, doc.text[start:end], round(evidence_sim, 4))
        shown = tuple(doc.term_surface.get(t, t) for t in matched)
        return RequirementScore(
            requirement=req.requirement,
            satisfaction=round(float(np.clip(satisfaction, 0.0, 1.0)), 4),
            similarity=round(similarity, 4),
            evidence=evidence,
            matched=shown,
            method=method,
        )

    def _score(self, reqs: Sequence[_Req], doc: _Doc) -> Score:
        results = tuple(self._score_requirement(r, doc) for r in reqs)
        weights = np.array(
            [
                max(0.0, r.requirement.weight)
                * (MUST_WEIGHT if r.requirement.must else NICE_WEIGHT)
                for r in reqs
            ]
        )
        sats = np.array([r.satisfaction for r in results])
        total = float(weights.sum())
        overall = float(weights @ sats / total) if total > 0 else 0.0
        notes: list[str] = []
        if doc.chinese:
            notes.append(
                "Chinese resume: the encoder reads English only, so requirements were matched "
                "on words (jieba tokens), without semantic similarity."
            )
        elif any(r.chinese for r in reqs):
            notes.append(
                "Chinese requirements were matched on words (jieba tokens) only; "
                "the encoder reads English only."
            )
        missing = [r for r in results if r.requirement.must and r.status == "missing"]
        if missing:
            must_total = sum(1 for r in results if r.requirement.must)
            notes.append(f"Missing must-haves: {len(missing)} of {must_total}.")
        components = {
            "requirements": round(overall, 4),
            "must_met": float(sum(1 for r in results if r.requirement.must and r.status == "met")),
            "must_total": float(sum(1 for r in results if r.requirement.must)),
            "semantic_mean": round(float(np.mean([r.similarity for r in results])), 4)
            if results
            else 0.0,
        }
        return Score(
            score=round(100.0 * overall, 2),
            requirements=results,
            model_version=self.model_version,
            notes=tuple(notes),
            components=components,
        )

    # -- public --------------------------------------------------------------------------------

    def score(self, requirements: Sequence[Requirement], redacted_text: str) -> Score:
        """Score one redacted resume against ``requirements``."""
        reqs = self._prepare_requirements(requirements)
        (doc,) = self._documents([redacted_text])
        return self._score(reqs, doc)

    def rank(
        self, requirements: Sequence[Requirement], texts: Mapping[int, str]
    ) -> Iterator[tuple[int, Score]]:
        """Score many resumes (id -> redacted text) in batches, yielding as it goes."""
        reqs = self._prepare_requirements(requirements)
        ids = list(texts)
        for at in range(0, len(ids), RANK_BATCH):
            batch = ids[at : at + RANK_BATCH]
            docs = self._documents([texts[i] for i in batch])
            for cid, doc in zip(batch, docs, strict=True):
                score = self._score(reqs, doc)
                yield cid, _with_candidate(score, cid)


def _with_candidate(score: Score, candidate_id: int) -> Score:
    from dataclasses import replace

    return replace(score, candidate_id=candidate_id)
