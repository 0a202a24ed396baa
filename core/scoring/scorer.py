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
English-only), and the result says so. Across languages a requirement's terms also match their
translations in a small glossary of common job vocabulary (``glossary``); such matches choose the
evidence line and count in the score (``ScoringOptions.translated=False`` keeps them out of it).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from core.domain import Evidence, Requirement, RequirementScore, Score
from core.scoring import chunking, fusion, pool_stats
from core.scoring import terms as lex
from core.scoring.cache import EmbeddingCache, dump_profile, load_profile, round_vectors, text_key
from core.scoring.chunking import has_cjk, is_chinese, mask_placeholders
from core.scoring.encoder import Encoder
from core.scoring.glossary import translations
from core.scoring.profile import LABEL_FLAG, LISTY_FLAG, Profile, build_profile, units_of

SCORER_VERSION = "3"  # 2: glossary matches count; 3: pool signals, checks only where stated
MUST_WEIGHT = 2.0
NICE_WEIGHT = 1.0
# cosine similarity of all-MiniLM-L6-v2 mapped to 0..1: unrelated text sits near 0.1-0.2,
# a same-topic sentence near 0.4, a close paraphrase at 0.7 and above.
SIM_LOW = 0.25
SIM_HIGH = 0.70
SECOND_SIGNAL = 0.5  # how much the weaker of the two signals adds (soft maximum)
EVIDENCE_LEXICAL = 0.1  # weight of term overlap when choosing the evidence segment
# Evidence prefers statements of work done: a keyword list, a self-summary or the header is
# shown only when it is clearly better than any sentence from experience or education.
SECTION_PENALTY = {
    chunking.SUMMARY: 0.15,
    chunking.HEADER: 0.15,
    chunking.SKILLS: 0.3,
}
LISTY_PENALTY = 0.1
LABEL_PENALTY = 0.15
EDUCATION_PENALTY = 0.15
MENTION_STRENGTH = 0.7  # a term found only in a keyword list, summary or header
REPEAT_BONUS = 0.15  # each further line naming the term
RANK_BATCH = 64
PARTLY_FIT = 0.5  # a degree one level short; what a degree or years check gives unstated facts

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class ScoringOptions:
    """Which parts of the combination are used (the defaults; the others are for ablations)."""

    semantic: bool = True
    lexical: bool = True
    checks: bool = True  # degree and years-of-experience checks
    must_weight: float = MUST_WEIGHT
    # glossary matches across languages choose the evidence and count in satisfaction: that
    # raises cross-language fits (MAP 0.870 -> 0.917 on the graded set; bench/eval_ranking.py
    # prints the row without them)
    translated: bool = True
    # the document match and whole-resume similarity relative to the pool (``fusion``); off:
    # the requirements part alone, as before scorer version 3
    fusion: bool = True


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


@dataclass
class _Job:
    """Requirements prepared once per ranking: term weights and embeddings as matrices."""

    reqs: list[_Req]
    terms: list[str]  # union of the requirements' terms
    position: dict[str, int]  # term -> its index in ``terms``
    parts: dict[str, tuple[str, ...]]  # compound Chinese terms -> the words they are made of
    # term -> its glossary words in the other script: (English words, Chinese words)
    translated: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    term_weights: FloatArray  # (T, m): weight of term t in requirement r / r's total weight
    has_terms: npt.NDArray[np.bool_]  # (m,)
    vectors: FloatArray  # (m, dim)
    semantic: npt.NDArray[np.bool_]  # (m,) requirement can be compared semantically
    degree: npt.NDArray[np.bool_]  # (m,) requirement names a degree
    weights: FloatArray  # (m,) importance in the overall score


def _semantic_text(req: _Req) -> str:
    """What the encoder compares: the requirement, without degree names when the degree level
    is checked separately (then the rest names the field, e.g. "Computer Science")."""
    text = mask_placeholders(req.requirement.text)
    if req.degree is not None:
        field = lex.strip_degrees(text)
        if len(field.split()) >= 2:
            return field
    return text


def _penalty_table() -> FloatArray:
    """Evidence penalty for every possible unit flag byte (section | list | label bits)."""
    flags = np.arange(256, dtype=np.uint8)
    table = np.zeros(256, np.float32)
    for section, value in SECTION_PENALTY.items():
        table[(flags & 0x0F) == section] = value
    table[(flags & LISTY_FLAG) != 0] += LISTY_PENALTY
    table[(flags & LABEL_FLAG) != 0] += LABEL_PENALTY
    return table


def _penalties(flags: npt.NDArray[np.uint8]) -> FloatArray:
    out: FloatArray = _PENALTIES[flags]
    return out


_PENALTIES = _penalty_table()


class Scorer:
    """Scores redacted resumes against a job's requirements (see the module docstring)."""

    def __init__(
        self,
        encoder: Encoder,
        cache: EmbeddingCache | None = None,
        *,
        options: ScoringOptions | None = None,
    ) -> None:
        self.encoder = encoder
        self.cache = cache
        self.options = options or ScoringOptions()
        self._req_vectors: dict[str, FloatArray] = {}
        self.this_year = datetime.date.today().year

    @property
    def model_version(self) -> str:
        return f"{self.encoder.name}@{self.encoder.model_hash[:12]}/scorer-{SCORER_VERSION}"

    # -- preparation ---------------------------------------------------------------------------

    def _prepare(self, requirements: Sequence[Requirement]) -> _Job:
        opts = self.options
        reqs: list[_Req] = []
        for req in requirements:
            text = mask_placeholders(req.text)
            levels = [level for level, _, _ in lex.degree_levels(text)]
            reqs.append(
                _Req(
                    requirement=req,
                    terms=lex.content_terms(lex.tokens(text, search=False)) if opts.lexical else {},
                    years=lex.years_required(text) if opts.checks else None,
                    degree=min(levels) if levels and opts.checks else None,
                    chinese=has_cjk(text) and is_chinese(text),
                )
            )
        vocabulary = list(dict.fromkeys(t for r in reqs for t in r.terms))
        position = {t: i for i, t in enumerate(vocabulary)}
        term_weights = np.zeros((len(vocabulary), len(reqs)), np.float32)
        for col, r in enumerate(reqs):
            total = sum(r.terms.values())
            for term, weight in r.terms.items():
                term_weights[position[term], col] = weight / total
        semantic = np.array([opts.semantic and not r.chinese for r in reqs], dtype=bool)
        texts = [_semantic_text(r) for r, ok in zip(reqs, semantic, strict=True) if ok]
        missing = [t for t in dict.fromkeys(texts) if t not in self._req_vectors]
        if missing:
            fresh = round_vectors(self.encoder.encode(missing))
            self._req_vectors.update(zip(missing, fresh, strict=True))
        vectors = np.zeros((len(reqs), self.encoder.dim), np.float32)
        for row, (r, ok) in enumerate(zip(reqs, semantic, strict=True)):
            if ok:
                vectors[row] = self._req_vectors[_semantic_text(r)]
        weights = np.array(
            [
                max(0.0, r.requirement.weight)
                * (opts.must_weight if r.requirement.must else NICE_WEIGHT)
                for r in reqs
            ],
            np.float32,
        )
        return _Job(
            reqs=reqs,
            terms=vocabulary,
            position=position,
            parts={t: p for t in vocabulary if (p := lex.compound_parts(t))},
            translated={
                t: (
                    tuple(sorted(x for x in w if not has_cjk(x))),
                    tuple(sorted(x for x in w if has_cjk(x))),
                )
                for t in vocabulary
                if (w := translations(t))
            },
            term_weights=term_weights,
            has_terms=np.array([bool(r.terms) for r in reqs], dtype=bool),
            vectors=vectors,
            semantic=semantic,
            degree=np.array([r.degree is not None for r in reqs], dtype=bool),
            weights=weights,
        )

    def _new_profiles(self, masked_texts: Sequence[str]) -> list[Profile]:
        """Encode and index texts that are not in the cache (one length-sorted encoding run)."""
        units = [units_of(t) for t in masked_texts]
        english = [not is_chinese(t) for t in masked_texts]
        flat = [u for (_, _, texts), en in zip(units, english, strict=True) if en for u in texts]
        encoded = iter(self.encoder.encode_chunks(flat) if flat else [])
        profiles: list[Profile] = []
        for text, (offsets, flags, _), en in zip(masked_texts, units, english, strict=True):
            rows: list[tuple[int, int]] = []
            row_flags: list[int] = []
            vectors: list[FloatArray] = []
            for (start, _), flag in zip(offsets, flags, strict=True):
                if en:
                    chunks = next(encoded)
                    rows.extend((start + int(a), start + int(b)) for a, b in chunks.offsets)
                    row_flags.extend([flag] * len(chunks.offsets))
                    vectors.append(chunks.vectors)
            if not en:
                rows, row_flags = list(offsets), list(flags)
            dim = self.encoder.dim if en else 0
            matrix = np.concatenate(vectors) if vectors else np.zeros((len(rows), dim), np.float32)
            profiles.append(
                build_profile(
                    text,
                    np.array(rows, np.int32).reshape(-1, 2),
                    np.array(row_flags, np.uint8),
                    round_vectors(matrix),
                )
            )
        return profiles

    def _profiles(self, redacted_texts: Sequence[str]) -> list[Profile]:
        """Profiles from the cache where present; the rest are built and cached."""
        masked = [mask_placeholders(t) for t in redacted_texts]
        keys = [text_key(t) for t in masked]
        found: dict[str, Profile] = {}
        if self.cache is not None and keys:
            for key, blob in self.cache.get_many(self.encoder.model_hash, keys).items():
                profile = load_profile(blob)
                if profile is not None and profile.vectors.shape[1] in (0, self.encoder.dim):
                    found[key] = profile
        todo = {k: t for k, t in zip(keys, masked, strict=True) if k not in found}
        if todo:
            fresh = dict(zip(todo, self._new_profiles(list(todo.values())), strict=True))
            found.update(fresh)
            if self.cache is not None:
                self.cache.put_many(
                    self.encoder.model_hash, {k: dump_profile(p) for k, p in fresh.items()}
                )
        return [found[k] for k in keys]

    # -- scoring -------------------------------------------------------------------------------

    @staticmethod
    def _units_of(
        job: _Job, profile: Profile, term: str
    ) -> tuple[npt.NDArray[np.int32], str] | None:
        """Units ``term`` occurs in and how it is written there, whole or by its parts."""
        row = profile.term_index(term)
        if row >= 0:
            return profile.units_for(row), profile.surfaces[row]
        where = Scorer._parts_match(job, profile, term)
        return (where, term) if where is not None else None

    @staticmethod
    def _translated_units(
        job: _Job, profile: Profile, text: str, cjk: bool, term: str
    ) -> tuple[npt.NDArray[np.int32], str] | None:
        """Units where a glossary word for ``term`` occurs ("team" in a Chinese resume is "团队").

        Chinese words are looked for in the text itself, since jieba may cut a word it does not
        know ("后端") into pieces; English words through the resume's term index."""
        english, chinese = job.translated[term]
        found = [hit for word in english if (hit := Scorer._units_of(job, profile, word))]
        for word in chinese if cjk else ():
            if word in text:
                starts = [m.start() for m in re.finditer(re.escape(word), text)]
                unit = np.searchsorted(profile.offsets[:, 0], starts, side="right") - 1
                inside = (unit >= 0) & (starts < profile.offsets[np.maximum(unit, 0), 1])
                found.append((np.where(inside, unit, -1).astype(np.int32), word))
        if not found:
            return None
        return np.unique(np.concatenate([units for units, _ in found])), found[0][1]

    @staticmethod
    def _parts_match(job: _Job, profile: Profile, term: str) -> npt.NDArray[np.int32] | None:
        """Units where all parts of a compound Chinese term occur ("专业本科" = 专业 + 本科)."""
        parts = job.parts.get(term)
        if not parts:
            return None
        rows = [profile.term_index(p) for p in parts]
        if min(rows) < 0:
            return None
        units = [set(profile.units_for(r).tolist()) for r in rows]
        both = set.intersection(*units) or set.union(*units)
        return np.array(sorted(both), dtype=np.int32)

    def _score(self, job: _Job, profile: Profile, text: str) -> Score:
        units = len(profile.offsets)
        m = len(job.reqs)
        present = np.zeros(len(job.terms), np.float32)
        in_unit = np.zeros((units, len(job.terms)), np.float32)
        penalty = _penalties(profile.flags)
        # a term used in a statement of work counts fully; named only in a list, a summary or
        # the header it counts less, unless it comes back in several lines
        strength = np.where(penalty > 0, MENTION_STRENGTH, 1.0)
        shown_terms: list[str | None] = []  # how each job term is written in the resume
        cjk: bool | None = None  # does the text hold Chinese (looked at once, when needed)
        for col, term in enumerate(job.terms):
            row = profile.term_index(term)
            where: npt.NDArray[np.int32] | None
            if row >= 0:
                where, surface = profile.units_for(row), profile.surfaces[row]
            else:
                where = self._parts_match(job, profile, term)
                surface = term
                if where is None and term in job.translated:
                    cjk = has_cjk(text) if cjk is None else cjk
                    hit = self._translated_units(job, profile, text, cjk, term)
                    if hit is not None and self.options.translated:
                        where, surface = hit
                    elif hit is not None:  # the glossary chooses evidence, does not count
                        in_unit[hit[0][hit[0] >= 0], col] = 1.0
            shown_terms.append(surface if where is not None else None)
            if where is not None:
                inside = where[where >= 0]
                top = float(strength[inside].max()) if len(inside) else MENTION_STRENGTH
                present[col] = min(1.0, top + REPEAT_BONUS * (len(where) - 1))
                in_unit[inside, col] = 1.0
        lexical = present @ job.term_weights  # (m,)
        unit_lex = in_unit @ job.term_weights  # (units, m)
        readable = not profile.chinese and profile.vectors.shape[1] == job.vectors.shape[1]
        semantic_ok = job.semantic & readable if units else np.zeros(m, dtype=bool)
        if units and semantic_ok.any():
            sims = profile.vectors @ job.vectors.T  # (units, m)
            sims[:, ~semantic_ok] = 0.0
        else:
            sims = np.zeros((units, m), np.float32)
        # for requirements that name no degree, an education line is weaker evidence than work
        is_education = ((profile.flags & 0x0F) == chunking.EDUCATION)[:, None]
        penalty = penalty[:, None] + EDUCATION_PENALTY * (is_education & ~job.degree[None, :])
        if units:
            choice = np.where(
                semantic_ok, sims + EVIDENCE_LEXICAL * unit_lex, unit_lex
            ) - penalty * np.where(semantic_ok | (unit_lex > 0), 1.0, 0.0)
            best = np.argmax(choice, axis=0)
            best_sim = sims.max(axis=0)
            has_evidence = semantic_ok | (unit_lex.max(axis=0) > 0)
        else:
            best = np.zeros(m, dtype=np.int64)
            best_sim = np.zeros(m, np.float32)
            has_evidence = np.zeros(m, dtype=bool)
        semantic = np.clip((best_sim - SIM_LOW) / (SIM_HIGH - SIM_LOW), 0.0, 1.0)
        hi, lo = np.maximum(semantic, lexical), np.minimum(semantic, lexical)
        combined = 1.0 - (1.0 - hi) * (1.0 - SECOND_SIGNAL * lo)
        sat = np.where(semantic_ok, np.where(job.has_terms, combined, semantic), lexical)
        years = profile.years(self.this_year)
        for col, req in enumerate(job.reqs):
            # the checks count only where the resume states a degree or its years: a resume
            # that states nothing keeps what the rest of the requirement found, and is never
            # put below one that states a degree one level short
            if req.degree is not None:
                have = profile.degree
                has_field = job.has_terms[col] or (
                    semantic_ok[col]
                    and _semantic_text(req) != mask_placeholders(req.requirement.text)
                )
                if have == 0:
                    partly = PARTLY_FIT * (0.3 + 0.7 * sat[col])
                    sat[col] = max(sat[col], partly) if has_field else PARTLY_FIT
                else:
                    fit = (
                        1.0 if have >= req.degree else PARTLY_FIT if have == req.degree - 1 else 0.0
                    )
                    sat[col] = fit * (0.3 + 0.7 * sat[col]) if has_field else fit
            if req.years is not None:
                if years is None:
                    sat[col] = sat[col] if job.has_terms[col] else PARTLY_FIT
                else:
                    ratio = min(1.0, years / req.years)
                    sat[col] = sat[col] * (0.5 + 0.5 * ratio) if job.has_terms[col] else ratio
        sat = np.clip(sat, 0.0, 1.0)
        results = []
        for col, req in enumerate(job.reqs):
            evidence = None
            if has_evidence[col]:
                start, end = (int(x) for x in profile.offsets[best[col]])
                evidence = Evidence(
                    start, end, text[start:end], round(float(sims[best[col], col]), 4)
                )
            shown = tuple(
                shown
                for shown in (shown_terms[job.position[t]] for t in req.terms)
                if shown is not None
            )
            results.append(
                RequirementScore(
                    requirement=req.requirement,
                    satisfaction=round(float(sat[col]), 4),
                    similarity=round(float(best_sim[col]), 4),
                    evidence=evidence,
                    matched=shown,
                    method="semantic+lexical" if semantic_ok[col] else "lexical",
                )
            )
        total = float(job.weights.sum())
        overall = float(job.weights @ sat / total) if total > 0 else 0.0
        return Score(
            score=round(100.0 * overall, 2),
            requirements=tuple(results),
            model_version=self.model_version,
            notes=self._notes(job, profile, results),
            components={
                "requirements": round(overall, 4),
                "lexical": round(float(lexical.mean()), 4) if m else 0.0,
                "semantic": round(float(semantic[semantic_ok].mean()), 4)
                if semantic_ok.any()
                else 0.0,
                "must_met": float(sum(r.requirement.must and r.status == "met" for r in results)),
                "must_total": float(sum(r.requirement.must for r in results)),
                "years": years if years is not None else -1.0,
            },
        )

    @staticmethod
    def _notes(job: _Job, profile: Profile, results: Sequence[RequirementScore]) -> tuple[str, ...]:
        notes: list[str] = []
        if profile.chinese:
            notes.append(
                "Chinese resume: the encoder reads English only, so requirements were matched "
                "on words (jieba tokens), without semantic similarity."
            )
        elif any(r.chinese for r in job.reqs):
            notes.append(
                "Chinese requirements were matched on words (jieba tokens) only; "
                "the encoder reads English only."
            )
        missing = [r for r in results if r.requirement.must and r.status == "missing"]
        if missing:
            must_total = sum(1 for r in results if r.requirement.must)
            notes.append(f"Missing must-haves: {len(missing)} of {must_total}.")
        return tuple(notes)

    # -- public --------------------------------------------------------------------------------

    def embeddings(self, redacted_texts: Sequence[str]) -> list[Profile]:
        """The cached (or freshly built) profiles of resumes: ``.vectors`` are the unit
        embeddings (float16-rounded), ``.offsets`` their spans. Encodes only cache misses."""
        return self._profiles(redacted_texts)

    def score(
        self,
        requirements: Sequence[Requirement],
        redacted_text: str,
        *,
        job_text: str | None = None,
    ) -> Score:
        """Score one redacted resume against ``requirements`` alone: with no pool to compare
        with, the document-match and whole-resume terms add 0 points (the score says so)."""
        ((_, score),) = self.rank(requirements, {0: redacted_text}, job_text=job_text)
        return replace(score, candidate_id=None)

    def rank(
        self,
        requirements: Sequence[Requirement],
        texts: Mapping[int, str],
        *,
        profiles: dict[int, Profile] | None = None,
        job_text: str | None = None,
    ) -> Iterator[tuple[int, Score]]:
        """Score many resumes (id -> redacted text) as one pool, yielding as it goes.

        Profiles come from the cache, or are encoded (length-sorted, in batches) and cached.
        The requirements part is scored resume by resume; the document match (BM25 with the
        pool's statistics) and the whole-resume similarity are then put relative to the pool
        (``fusion``). ``job_text`` is the whole posting (title, duties, requirements) for the
        two document-level signals; without it the requirements' text stands for it.
        ``profiles``, when given, collects each resume's profile by id (so callers that need
        them afterwards do not read the cache again).
        """
        job = self._prepare(requirements)
        ids = list(texts)
        found: dict[int, Profile] = {}
        for at in range(0, len(ids), RANK_BATCH):
            batch = ids[at : at + RANK_BATCH]
            found.update(zip(batch, self._profiles([texts[i] for i in batch]), strict=True))
        if profiles is not None:
            profiles.update(found)
        whole = mask_placeholders(job_text if job_text else "\n".join(r.text for r in requirements))
        reason = ""
        if not self.options.fusion:
            reason = "the pool terms are off"
        elif len(ids) < fusion.MIN_POOL:
            reason = "scored alone, with no other candidates to compare with"
        elif not requirements or not whole.strip():
            reason = "the job has no requirements"
        elif is_chinese(whole):
            reason = (
                "a Chinese posting (document match and whole-resume similarity compare words "
                "and meaning within one language; requirements are matched across languages)"
            )
        base = [self._score(job, found[cid], texts[cid]) for cid in ids]
        if reason:
            zeros = np.zeros(len(ids))
            doc_z, res_z, raw_doc, raw_res = zeros, zeros, zeros, zeros
        else:
            doc_z, res_z, raw_doc, raw_res = self._pool_signals(job, whole, [found[c] for c in ids])
        fused = fusion.fuse_pool(
            [b.components["requirements"] for b in base], doc_z, res_z, pooled=not reason
        )
        for row, cid in enumerate(ids):
            components = dict(base[row].components)
            components.update(
                {
                    "pool_average_points": round(fused[row].baseline, 4),
                    "requirements_points": round(fused[row].requirements, 4),
                    "document_points": round(fused[row].document, 4),
                    "resume_points": round(fused[row].resume, 4),
                    "document_match": round(float(raw_doc[row]), 4),
                    "document_z": round(float(doc_z[row]), 4),
                    "resume_similarity": round(float(raw_res[row]), 4),
                    "resume_z": round(float(res_z[row]), 4),
                    "points_per_sd": round(fused[row].unit, 4),
                    "pool": float(0 if reason else len(ids)),
                }
            )
            yield (
                cid,
                replace(
                    base[row],
                    score=round(fused[row].score, 4),
                    candidate_id=cid,
                    components=components,
                    notes=(fusion.explain(fused[row], len(ids), reason), *base[row].notes),
                ),
            )

    def _job_vector(self, job: _Job, whole: str) -> FloatArray | None:
        """The posting's embedding: its title line plus the mean of its requirements' vectors
        (already encoded), normalised. Encoding the whole posting (about 250 tokens) ranked
        no better on either evaluation set and cost about 0.4 s per new job on 2 cores."""
        title = next((line.strip() for line in whole.splitlines() if line.strip()), "")
        parts: list[FloatArray] = []
        if job.semantic.any():
            parts.append(job.vectors[job.semantic].mean(axis=0))
        if title and not is_chinese(title):
            if title not in self._req_vectors:
                self._req_vectors[title] = round_vectors(self.encoder.encode([title]))[0]
            parts.append(self._req_vectors[title])
        if not parts:
            return None
        vector = np.sum(parts, axis=0)
        norm = float(np.linalg.norm(vector))
        return (vector / norm).astype(np.float32) if norm > 0 else None

    def _pool_signals(
        self, job: _Job, whole: str, pool: Sequence[Profile]
    ) -> tuple[npt.NDArray[np.float64], ...]:
        """Pool standard scores and raw values of the document match and the whole-resume
        similarity of each profile."""
        query = pool_stats.query_terms(whole)
        terms = list(query)
        counts = np.array([query[t] for t in terms], np.float32)
        freqs = [pool_stats.term_frequencies(p, terms) for p in pool]
        lengths = [pool_stats.document_length(p) for p in pool]
        stats = pool_stats.PoolStats.of(freqs, len(terms))
        doc = np.array(
            [
                pool_stats.document_match(f, n, counts, stats)
                for f, n in zip(freqs, lengths, strict=True)
            ]
        )
        job_vector = self._job_vector(job, whole)
        overall = np.full(len(pool), np.nan)
        closest = np.full(len(pool), np.nan)
        if job_vector is not None:
            for row, profile in enumerate(pool):
                pair = pool_stats.resume_similarity(profile, job_vector)
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
