"""Matching one resume against a prepared job, requirement by requirement: the scorer's stages.

``Scorer`` prepares a job once (``PreparedJob``: term weights and requirement embeddings as
matrices) and runs these stages for every resume profile:

1. ``lexical_stage``: where each job term occurs (exactly, by its parts, or through the
   glossary) and how strongly it counts;
2. ``semantic_stage``: cosine similarity of every unit with every requirement;
3. ``evidence_stage``: the unit shown as evidence for each requirement;
4. ``combine``: the two signals as a soft maximum, then the degree and years checks.

The constants are explained where the scorer's module docstring describes the method.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.domain import Requirement
from core.scoring import chunking
from core.scoring import terms as lex
from core.scoring.chunking import has_cjk, mask_placeholders
from core.scoring.profile import LABEL_FLAG, LISTY_FLAG, SECTION_MASK, Profile

FloatArray = npt.NDArray[np.float32]
Units = npt.NDArray[np.int32]

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
PARTLY_FIT = 0.5  # a degree one level short; what a degree or years check gives unstated facts


@dataclass
class PreparedRequirement:
    requirement: Requirement
    terms: dict[str, float]
    years: float | None
    degree: int | None
    chinese: bool


@dataclass
class PreparedJob:
    """Requirements prepared once per ranking: term weights and embeddings as matrices."""

    reqs: list[PreparedRequirement]
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


def semantic_text(req: PreparedRequirement) -> str:
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
        table[(flags & SECTION_MASK) == section] = value
    table[(flags & LISTY_FLAG) != 0] += LISTY_PENALTY
    table[(flags & LABEL_FLAG) != 0] += LABEL_PENALTY
    return table


_PENALTIES = _penalty_table()


def penalties(flags: npt.NDArray[np.uint8]) -> FloatArray:
    out: FloatArray = _PENALTIES[flags]
    return out


# -- 1. lexical ------------------------------------------------------------------------------


def parts_match(job: PreparedJob, profile: Profile, term: str) -> Units | None:
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


def units_of(job: PreparedJob, profile: Profile, term: str) -> tuple[Units, str] | None:
    """Units ``term`` occurs in and how it is written there, whole or by its parts."""
    row = profile.term_index(term)
    if row >= 0:
        return profile.units_for(row), profile.surfaces[row]
    where = parts_match(job, profile, term)
    return (where, term) if where is not None else None


def translated_units(
    job: PreparedJob, profile: Profile, text: str, cjk: bool, term: str
) -> tuple[Units, str] | None:
    """Units where a glossary word for ``term`` occurs ("team" in a Chinese resume is "团队").

    Chinese words are looked for in the text itself, since jieba may cut a word it does not
    know ("后端") into pieces; English words through the resume's term index."""
    english, chinese = job.translated[term]
    found = [hit for word in english if (hit := units_of(job, profile, word))]
    for word in chinese if cjk else ():
        if word in text:
            starts = [m.start() for m in re.finditer(re.escape(word), text)]
            unit = np.searchsorted(profile.offsets[:, 0], starts, side="right") - 1
            inside = (unit >= 0) & (starts < profile.offsets[np.maximum(unit, 0), 1])
            found.append((np.where(inside, unit, -1).astype(np.int32), word))
    if not found:
        return None
    return np.unique(np.concatenate([units for units, _ in found])), found[0][1]


@dataclass
class LexicalMatch:
    present: FloatArray  # (T,) how strongly each job term counts (0 absent .. 1)
    in_unit: FloatArray  # (units, T) 1 where the term occurs in the unit
    shown_terms: list[str | None]  # how each job term is written in the resume


def lexical_stage(
    job: PreparedJob, profile: Profile, text: str, penalty: FloatArray, *, translated: bool
) -> LexicalMatch:
    """Where each job term occurs. With ``translated`` off, glossary matches choose the
    evidence but do not count."""
    present = np.zeros(len(job.terms), np.float32)
    in_unit = np.zeros((len(profile.offsets), len(job.terms)), np.float32)
    # a term used in a statement of work counts fully; named only in a list, a summary or
    # the header it counts less, unless it comes back in several lines
    strength = np.where(penalty > 0, MENTION_STRENGTH, 1.0)
    shown_terms: list[str | None] = []
    cjk: bool | None = None  # does the text hold Chinese (looked at once, when needed)
    for col, term in enumerate(job.terms):
        row = profile.term_index(term)
        where: Units | None
        if row >= 0:
            where, surface = profile.units_for(row), profile.surfaces[row]
        else:
            where = parts_match(job, profile, term)
            surface = term
            if where is None and term in job.translated:
                cjk = has_cjk(text) if cjk is None else cjk
                hit = translated_units(job, profile, text, cjk, term)
                if hit is not None and translated:
                    where, surface = hit
                elif hit is not None:  # the glossary chooses evidence, does not count
                    in_unit[hit[0][hit[0] >= 0], col] = 1.0
        shown_terms.append(surface if where is not None else None)
        if where is not None:
            inside = where[where >= 0]
            top = float(strength[inside].max()) if len(inside) else MENTION_STRENGTH
            present[col] = min(1.0, top + REPEAT_BONUS * (len(where) - 1))
            in_unit[inside, col] = 1.0
    return LexicalMatch(present, in_unit, shown_terms)


# -- 2. semantic -----------------------------------------------------------------------------


def semantic_stage(job: PreparedJob, profile: Profile) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Similarity of every unit with every requirement (units, m), and which requirements
    are compared semantically with this resume (the encoder reads it, the requirement is
    not Chinese)."""
    units, m = len(profile.offsets), len(job.reqs)
    readable = not profile.chinese and profile.vectors.shape[1] == job.vectors.shape[1]
    semantic_ok = job.semantic & readable if units else np.zeros(m, dtype=bool)
    if units and semantic_ok.any():
        sims: FloatArray = profile.vectors @ job.vectors.T
        sims[:, ~semantic_ok] = 0.0
    else:
        sims = np.zeros((units, m), np.float32)
    return sims, semantic_ok


# -- 3. evidence -----------------------------------------------------------------------------


@dataclass
class EvidenceChoice:
    best: npt.NDArray[np.int64]  # (m,) the unit shown for each requirement
    best_sim: FloatArray  # (m,) the highest similarity of any unit
    has_evidence: npt.NDArray[np.bool_]  # (m,)


def evidence_stage(
    job: PreparedJob,
    profile: Profile,
    sims: FloatArray,
    semantic_ok: npt.NDArray[np.bool_],
    unit_lex: FloatArray,
    penalty: FloatArray,
) -> EvidenceChoice:
    """The evidence unit: similarity plus a little term overlap, less the section penalties."""
    m = len(job.reqs)
    if not len(profile.offsets):
        return EvidenceChoice(
            np.zeros(m, dtype=np.int64), np.zeros(m, np.float32), np.zeros(m, dtype=bool)
        )
    # for requirements that name no degree, an education line is weaker evidence than work
    is_education = ((profile.flags & SECTION_MASK) == chunking.EDUCATION)[:, None]
    unit_penalty = penalty[:, None] + EDUCATION_PENALTY * (is_education & ~job.degree[None, :])
    choice = np.where(semantic_ok, sims + EVIDENCE_LEXICAL * unit_lex, unit_lex) - (
        unit_penalty * np.where(semantic_ok | (unit_lex > 0), 1.0, 0.0)
    )
    return EvidenceChoice(
        np.argmax(choice, axis=0),
        sims.max(axis=0),
        semantic_ok | (unit_lex.max(axis=0) > 0),
    )


# -- 4. satisfaction -------------------------------------------------------------------------


def combine(
    job: PreparedJob,
    lexical: FloatArray,
    semantic: FloatArray,
    semantic_ok: npt.NDArray[np.bool_],
) -> FloatArray:
    """The two signals as a soft maximum: the stronger counts fully, the weaker adds a share."""
    hi, lo = np.maximum(semantic, lexical), np.minimum(semantic, lexical)
    combined = 1.0 - (1.0 - hi) * (1.0 - SECOND_SIGNAL * lo)
    sat: FloatArray = np.where(semantic_ok, np.where(job.has_terms, combined, semantic), lexical)
    return sat


def apply_checks(
    job: PreparedJob,
    sat: FloatArray,
    semantic_ok: npt.NDArray[np.bool_],
    degree: int,
    years: float | None,
) -> FloatArray:
    """The degree and years checks, in place, then clipped to 0..1.

    The checks count only where the resume states a degree or its years: a resume that states
    nothing keeps what the rest of the requirement found, and is never put below one that
    states a degree one level short."""
    for col, req in enumerate(job.reqs):
        if req.degree is not None:
            has_field = job.has_terms[col] or (
                semantic_ok[col] and semantic_text(req) != mask_placeholders(req.requirement.text)
            )
            if degree == 0:
                partly = PARTLY_FIT * (0.3 + 0.7 * sat[col])
                sat[col] = max(sat[col], partly) if has_field else PARTLY_FIT
            else:
                fit = (
                    1.0 if degree >= req.degree else PARTLY_FIT if degree == req.degree - 1 else 0.0
                )
                sat[col] = fit * (0.3 + 0.7 * sat[col]) if has_field else fit
        if req.years is not None:
            if years is None:
                sat[col] = sat[col] if job.has_terms[col] else PARTLY_FIT
            else:
                ratio = min(1.0, years / req.years)
                sat[col] = sat[col] * (0.5 + 0.5 * ratio) if job.has_terms[col] else ratio
    clipped: FloatArray = np.clip(sat, 0.0, 1.0)
    return clipped
