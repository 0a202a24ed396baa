"""Pool-aware requirement check: how each must-have cuts the job's actual candidate pool.

From the scores already stored for the job (each keeps every requirement's satisfaction), for
each must-have: the share of the pool that meets it, the candidates who meet every must-have
now and if this one became a nice-to-have, and the top of the ranking by the requirements part
(the weighted mean satisfaction, must-haves weighing ``MUST_WEIGHT``) before and after that
change. Nothing is re-encoded: the stored satisfactions are re-weighted. Must-haves that
remove most of the pool, and those that stand in for age or sex, are flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.domain import Job, Requirement, Score
from core.scoring.scorer import MUST_WEIGHT, NICE_WEIGHT

MET = 0.7  # RequirementScore.status "met"
SHORTLIST = 10
REMOVES_MOST = 0.5  # a must-have met by fewer than half of the pool

_JUNIOR = re.compile(
    r"\b(?:junior|entry[\s-]level|graduate|trainee|intern(?:ship)?|apprentice|associate)\b|"
    r"初级|助理|应届|实习|校招|管培生",
    re.IGNORECASE,
)
_MANY_YEARS = re.compile(r"(\d{1,2})\s*\+?\s*(?:years?|yrs?|年)", re.IGNORECASE)
_GRAD_YEAR = re.compile(
    r"(?:graduat\w*|class\s+of|degree\s+(?:obtained|earned))\s+(?:in\s+|after\s+|since\s+)?"
    r"(?:19|20)\d{2}|(?:19|20)\d{2}\s*(?:年)?(?:以后|之后|后)?(?:毕业|届)",
    re.IGNORECASE,
)
_SEX_PROXY = re.compile(
    r"\b(?:height|tall|weight|\d{3}\s?cm|military\s+service|army\s+service|beard|"
    r"lift(?:ing)?\s+\d{2,3}\s?(?:kg|lbs?|pounds))\b|身高|体重|退伍|服过兵役|形象气质佳|长相",
    re.IGNORECASE,
)
JUNIOR_YEARS = 5  # more years than this, for a junior role, is an age proxy


@dataclass(frozen=True)
class MustHaveImpact:
    requirement: str
    index: int  # position in the job's requirements
    candidates: int  # candidates with a stored satisfaction for it
    met: int
    share_met: float
    qualified_now: int  # candidates meeting every must-have
    qualified_if_nice: int  # ... if this must-have were a nice-to-have
    shortlist_now: tuple[int, ...]
    shortlist_if_nice: tuple[int, ...]
    flags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def entering(self) -> tuple[int, ...]:
        return tuple(c for c in self.shortlist_if_nice if c not in self.shortlist_now)

    def as_json(self) -> dict[str, Any]:
        return {
            "requirement": self.requirement,
            "index": self.index,
            "candidates": self.candidates,
            "met": self.met,
            "share_met": round(self.share_met, 3),
            "qualified_now": self.qualified_now,
            "qualified_if_nice": self.qualified_if_nice,
            "shortlist_now": list(self.shortlist_now),
            "shortlist_if_nice": list(self.shortlist_if_nice),
            "entering_shortlist": list(self.entering),
            "flags": list(self.flags),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class PoolCheck:
    job_id: int
    pool: int
    shortlist_size: int
    must_haves: tuple[MustHaveImpact, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "pool": self.pool,
            "shortlist_size": self.shortlist_size,
            "method": "stored per-requirement satisfaction re-weighted (no re-encoding); "
            f"met = satisfaction >= {MET}",
            "must_haves": [m.as_json() for m in self.must_haves],
            "notes": list(self.notes),
        }


def proxy_flags(req: Requirement, job: Job) -> tuple[list[str], list[str]]:
    """Flags and notes for a requirement that may stand in for age or sex."""
    flags: list[str] = []
    notes: list[str] = []
    years = [int(y) for y in _MANY_YEARS.findall(req.text)]
    junior = _JUNIOR.search(job.title) or _JUNIOR.search(job.text[:300])
    if junior and years and max(years) > JUNIOR_YEARS:
        flags.append("age_proxy")
        notes.append(
            f"{max(years)}+ years for a junior role excludes younger applicants "
            "(29 CFR 1625.4; Equality Act 2010 s.19)."
        )
    if _GRAD_YEAR.search(req.text):
        flags.append("age_proxy")
        notes.append("A graduation-year limit is a proxy for age (29 CFR 1625.4).")
    if _SEX_PROXY.search(req.text):
        flags.append("sex_proxy")
        notes.append(
            "Height, weight, appearance or military service conditions exclude one sex far "
            "more than the other (indirect discrimination) unless the job truly needs them."
        )
    return flags, notes


def _satisfactions(job: Job, score: Score) -> list[float | None]:
    by_text = {rs.requirement.text: rs.satisfaction for rs in score.requirements}
    return [by_text.get(r.text) for r in job.requirements]


def _weights(job: Job, nice: int | None) -> list[float]:
    return [
        max(0.0, r.weight) * (MUST_WEIGHT if r.must and i != nice else NICE_WEIGHT)
        for i, r in enumerate(job.requirements)
    ]


def _top(table: dict[int, list[float | None]], weights: Sequence[float], k: int) -> tuple[int, ...]:
    def part(row: list[float | None]) -> float:
        pairs = [(w, s) for w, s in zip(weights, row, strict=True) if s is not None]
        total = sum(w for w, _ in pairs)
        return sum(w * s for w, s in pairs) / total if total else 0.0

    ranked = sorted(table, key=lambda cid: (-part(table[cid]), cid))
    return tuple(ranked[:k])


def _qualified(table: dict[int, list[float | None]], musts: Sequence[int]) -> int:
    return sum(1 for row in table.values() if all((row[i] or 0.0) >= MET for i in musts))


def check_pool(job: Job, scores: Sequence[Score], *, shortlist: int = SHORTLIST) -> PoolCheck:
    """The impact of each must-have of ``job`` on the pool whose scores are ``scores``."""
    table = {int(s.candidate_id or 0): _satisfactions(job, s) for s in scores}
    k = min(shortlist, len(table))
    musts = [i for i, r in enumerate(job.requirements) if r.must]
    if not table:
        return PoolCheck(job.id, 0, 0, notes=("No stored scores: rank the job first.",))
    now = _top(table, _weights(job, None), k)
    impacts = []
    for i in musts:
        values = [v for row in table.values() if (v := row[i]) is not None]
        met = sum(1 for v in values if v >= MET)
        share = met / len(values) if values else 0.0
        flags, notes = proxy_flags(job.requirements[i], job)
        if values and share < REMOVES_MOST:
            flags.insert(0, "removes_most")
            notes.insert(0, f"Only {met} of {len(values)} candidates meet it.")
        impacts.append(
            MustHaveImpact(
                requirement=job.requirements[i].text,
                index=i,
                candidates=len(values),
                met=met,
                share_met=share,
                qualified_now=_qualified(table, musts),
                qualified_if_nice=_qualified(table, [j for j in musts if j != i]),
                shortlist_now=now,
                shortlist_if_nice=_top(table, _weights(job, i), k),
                flags=tuple(dict.fromkeys(flags)),
                notes=tuple(notes),
            )
        )
    stale = sum(1 for row in table.values() if any(v is None for v in row))
    pool_notes: tuple[str, ...] = (
        (f"{stale} stored score(s) predate edits to the requirements; rank again.",)
        if stale
        else ()
    )
    return PoolCheck(job.id, len(table), k, tuple(impacts), pool_notes)
