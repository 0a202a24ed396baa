"""Fairness use cases: import self-identification, the impact report, the counterfactual check,
the impact assessment draft and the notice to employees.

Self-identification is read here and nowhere else among the services: ranking, learning and
review never see it (tests/core/compliance/test_selfid_isolation.py proves it).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.compliance import assessment as assessment_module
from core.compliance import impact as arithmetic
from core.compliance import notice
from core.compliance.counterfactual import (
    CounterfactualResult,
    CounterfactualRow,
    person_spans,
    swap_gender,
    swap_names_in,
)
from core.compliance.impact import ImpactReport, Person
from core.compliance.selfid import SelfIdFormatError, SelfIdTable, parse_selfid_csv
from core.domain import DecisionKind
from core.errors import NotFoundError, UserError
from core.paths import MAX_TABLE_BYTES, read_user_text
from core.services.engines import Engines
from core.services.lifecycle import SETTING_CONTACT, SETTING_ORGANISATION
from core.services.progress import Progress
from core.services.redacting import redact_extraction

if TYPE_CHECKING:
    from core.storage import Workspace


#: The intersection audited by default (6 RCNY 5-301(b)(3)(iii)): the first name present of each.
_SEX_NAMES = ("sex", "gender")
_RACE_NAMES = ("race_ethnicity", "race", "ethnicity")


# --- self-identification ---------------------------------------------------------------------


def read_selfid_csv(path: str | Path) -> str:
    return read_user_text(
        Path(path),
        "self-identification file",
        max_bytes=MAX_TABLE_BYTES,
        error=SelfIdFormatError,
    )


def import_selfid(ws: Workspace, text: str, *, actor: str = "") -> SelfIdTable:
    """Store the answers of a self-identification CSV (its text), all or none; audited with
    counts only (``selfid.imported``). An answer given again replaces the earlier one."""
    table = parse_selfid_csv(text)
    missing = []
    for cid in table.answers:
        try:
            ws.candidates.get(cid)
        except NotFoundError:
            missing.append(cid)
    if missing:
        shown = ", ".join(str(c) for c in missing[:5]) + (", ..." if len(missing) > 5 else "")
        raise UserError(
            f"{len(missing)} candidate number(s) in the file do not exist: {shown}.",
            hint="Nothing was imported. Check the candidate_id column against 'veil candidates'.",
        )
    with ws.transaction():
        written = ws.selfid.put_many(table.answers)
        ws.audit.append(
            "selfid.imported",
            actor,
            {
                "candidates": len(table.answers),
                "values": written,
                "categories": len(table.categories),
            },
        )
    return table


# --- impact report ---------------------------------------------------------------------------


def job_pool(ws: Workspace, job_id: int) -> list[int]:
    """The job's applicants: on its list, scored for it, or decided on for it."""
    ws.jobs.get(job_id)
    ids = set(ws.candidates.ids_for_job(job_id))
    ids |= {int(s.candidate_id or 0) for s in ws.scores.for_job(job_id)}
    ids |= {d.candidate_id for d in ws.decisions.for_job(job_id)}
    return sorted(ids)


def default_intersections(categories: Sequence[str]) -> list[tuple[str, str]]:
    sex = next((c for c in _SEX_NAMES if c in categories), None)
    race = next((c for c in _RACE_NAMES if c in categories), None)
    return [(sex, race)] if sex and race else []


def _people(ws: Workspace, job_id: int) -> list[Person]:
    ids = job_pool(ws, job_id)
    scores = {int(s.candidate_id or 0): s.score for s in ws.scores.for_job(job_id)}
    latest: dict[int, DecisionKind] = {}
    for decision in ws.decisions.for_job(job_id):  # oldest first: the last one stays
        latest[decision.candidate_id] = decision.kind
    answers = ws.selfid.for_candidates(ids)
    return [
        Person(
            answers.get(cid, {}),
            selected=latest.get(cid) == DecisionKind.SHORTLIST,
            score=scores.get(cid),
        )
        for cid in ids
    ]


def compute_impact(
    ws: Workspace,
    job_id: int,
    *,
    intersections: Sequence[Sequence[str]] | None = None,
    exclude_small: bool = True,
) -> ImpactReport:
    """``impact_report`` without the audit entry (for the assessment draft)."""
    people = _people(ws, job_id)
    categories = ws.selfid.categories()
    chosen = default_intersections(categories) if intersections is None else intersections
    unknown_keys = [k for keys in chosen for k in keys if k not in categories]
    if unknown_keys:
        raise UserError(
            f"No one answered the category {unknown_keys[0]!r}.",
            hint="Categories come from the imported self-identification: "
            + (", ".join(categories) or "none yet"),
        )
    return arithmetic.impact_report(
        people, categories, intersections=chosen, job=job_id, exclude_small=exclude_small
    )


def impact_report(
    ws: Workspace,
    job_id: int,
    *,
    intersections: Sequence[Sequence[str]] | None = None,
    exclude_small: bool = True,
    actor: str = "",
) -> ImpactReport:
    """The adverse-impact report of a job: shortlisted = selected (the latest decision on each
    candidate), the stored scores for the scoring rates. Audited (``impact.reported``)."""
    report = compute_impact(ws, job_id, intersections=intersections, exclude_small=exclude_small)
    ws.audit.append(
        "impact.reported",
        actor,
        {"job_id": job_id, "people": report.people, "unknown": report.unknown},
    )
    return report


# --- counterfactual check --------------------------------------------------------------------


@dataclass(frozen=True)
class _Extraction:
    """What ``redact_extraction`` reads of an extracted file."""

    text: str
    filename: str
    language: str
    metadata: dict[str, str] = field(default_factory=dict)


def _versions(ws: Workspace, engines: Engines, cid: int) -> tuple[str, str, int]:
    """The candidate's document redacted as stored, and its gender-swapped twin redacted the
    same way; with the number of words swapped."""
    document = ws.candidates.document(cid)
    language = ws.candidates.get(cid).language
    spans = person_spans(json.loads(ws.candidates.spans_json(cid)))
    original = _Extraction(document.text, document.filename, language, dict(document.metadata))
    swapped_text = swap_gender(document.text, spans)
    names = swapped_text.names

    def twin(value: str) -> str:
        return swap_gender(swap_names_in(value, names)).text

    swapped = _Extraction(
        swapped_text.text,
        twin(document.filename),
        language,
        {k: twin(v) for k, v in document.metadata.items()},
    )
    a = redact_extraction(engines.redactor, original).redacted_text
    b = redact_extraction(engines.redactor, swapped).redacted_text
    return a, b, swapped_text.swaps


class _PoolScorer:
    """Scores a pool of texts as ``rank_job`` would (the adopted model, the job's decisions),
    stored nowhere: counterfactual texts never enter the workspace or its embedding cache."""

    def __init__(self, ws: Workspace, engines: Engines, job: Any) -> None:
        from core.services import learning

        self.job = job
        self.scorer = learning.scorer_for(ws, engines)
        if hasattr(self.scorer, "cache"):
            self.scorer.cache = None
        self.learned = learning.Learned.load(ws, self.scorer, job)

    def __call__(self, texts: Mapping[int, str]) -> dict[int, float]:
        job, learned = self.job, self.learned
        profiles: dict[int, Any] = {}
        if learned is not None:
            ranked = self.scorer.rank(job.requirements, texts, profiles=profiles, job_text=job.text)
        else:
            ranked = self.scorer.rank(job.requirements, texts, job_text=job.text)
        scores = [
            dataclasses.replace(score, candidate_id=cid, job_id=job.id) for cid, score in ranked
        ]
        if learned is not None:
            scores = learned.apply(scores, texts, profiles)
        return {int(s.candidate_id or 0): float(s.score) for s in scores}


def counterfactual_check(
    ws: Workspace, engines: Engines, job_id: int, *, actor: str = ""
) -> Generator[Progress, None, CounterfactualResult]:
    """Swap names, pronouns and gender markers in each resume of the job's pool, redact both
    versions with the real redactor and score them with the real scorer, one person at a time:
    the swapped resume takes the original's place in the otherwise unchanged pool (scores are
    relative to the pool, so swapping everyone at once would move the others too). A resume
    whose redacted text does not change cannot move and is not scored again.
    Audited (``counterfactual.checked``)."""
    job = ws.jobs.get(job_id)
    if not job.requirements:
        from core.services.ranking import NoRequirementsError

        raise NoRequirementsError()
    ids = job_pool(ws, job_id)
    originals: dict[int, str] = {}
    swapped: dict[int, str] = {}
    swaps: dict[int, int] = {}
    for done, cid in enumerate(ids, start=1):
        originals[cid], swapped[cid], swaps[cid] = _versions(ws, engines, cid)
        yield Progress(done, len(ids) + 1, cid, "redacted")
    changed = [cid for cid in ids if swapped[cid] != originals[cid]]
    total = len(ids) + 1 + len(changed)
    score = _PoolScorer(ws, engines, job)
    before = score(originals) if ids else {}
    after = dict(before)
    yield Progress(len(ids) + 1, total, None, "scored the resumes")
    for done, cid in enumerate(changed, start=len(ids) + 2):
        after[cid] = score({**originals, cid: swapped[cid]})[cid]
        yield Progress(done, total, cid, "scored a swapped resume")
    rows = tuple(
        CounterfactualRow(cid, before[cid], after[cid], swaps[cid], cid in set(changed))
        for cid in ids
    )
    result = CounterfactualResult(job_id, rows)
    ws.audit.append(
        "counterfactual.checked",
        actor,
        {"job_id": job_id, "candidates": len(rows), "moved": len(result.moved)},
    )
    return result


# --- impact assessment draft -----------------------------------------------------------------


def assessment(ws: Workspace, *, lang: str = "en", actor: str = "") -> str:
    """The DPIA/PIA draft filled from this workspace (Markdown); audited
    (``assessment.generated``)."""
    from core.services.compliance_facts import collect_facts

    text = assessment_module.render(collect_facts(ws), lang)
    ws.audit.append("assessment.generated", actor, {"lang": lang})
    return text


# --- notice to employees ---------------------------------------------------------------------


def employee_notice(ws: Workspace, *, lang: str = "en", actor: str = "") -> str:
    """The notice to employees (EU AI Act Art. 26(7), GDPR Art. 13/14, PIPL Art. 17) as Markdown,
    naming the organisation and privacy contact the workspace stores and its roles' titles;
    audited (``employee_notice.generated``)."""
    facts = notice.NoticeFacts(
        generated=datetime.now(UTC).strftime("%Y-%m-%d"),
        organisation=ws.settings.get(SETTING_ORGANISATION) or "",
        contact=ws.settings.get(SETTING_CONTACT) or "",
        roles=tuple(role.title for role in ws.roles.list()),
    )
    text = notice.render(facts, lang)
    ws.audit.append("employee_notice.generated", actor, {"lang": lang})
    return text
