"""What the impact assessment draft says about a workspace, read from the workspace itself."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from core.compliance import retention
from core.compliance.assessment import CounterfactualRun, Facts, JobAudit, ModelFact
from core.compliance.assessment_employees import EmployeeFacts, RoleFact
from core.compliance.impact import FOUR_FIFTHS, GroupResult, ImpactReport
from core.storage.people import ERASED_KIND

if TYPE_CHECKING:
    from core.domain import AuditEvent
    from core.people.model import Role
    from core.storage import Workspace


def _lowest(groups: list[GroupResult], scoring: bool) -> tuple[str, float] | None:
    rated = [
        (g.group, r.ratio)
        for g in groups
        if (r := g.scoring if scoring else g.selection).ratio is not None
    ]
    if not rated:
        return None
    group, ratio = min(rated, key=lambda x: (x[1] or 0.0, x[0]))
    return group, float(ratio or 0.0)


def _job_audit(job_id: int, title: str, report: ImpactReport) -> JobAudit:
    groups = list(report.groups)
    flagged = sum(
        1
        for g in groups
        for r in (g.selection, g.scoring)
        if r.ratio is not None and r.ratio < FOUR_FIFTHS
    )
    return JobAudit(
        job_id,
        title,
        report.people,
        report.unknown,
        _lowest(groups, scoring=False),
        _lowest(groups, scoring=True),
        flagged,
    )


def _models(ws: Workspace) -> tuple[ModelFact, ...]:
    from core.scoring.encoder import MINILM_SHA256, MODEL_NAME

    active = ws.encoders.active()
    if active is None:
        out = [ModelFact(f"Encoder {MODEL_NAME} (built in)", MINILM_SHA256, "model.safetensors")]
    else:
        out = [ModelFact(f"Encoder {active.name} (imported)", active.model_hash, "manifest")]
    for version in ws.models.list():
        state = "in use" if version.active else "stored"
        if version.encoder_hash:
            detail = f"{version.kind}, fine-tuned encoder weights, {state}"
            digest = version.encoder_hash
        else:
            detail = f"{version.kind}, hash of its training data, {state}"
            digest = version.data_hash
        out.append(ModelFact(f"Learned model {version.version}", digest, detail))
    return tuple(out)


def _retention(ws: Workspace) -> tuple[int | None, str, str]:
    days = retention.parse_days(ws.settings.get(retention.SETTING_DAYS))
    name = ws.settings.get(retention.SETTING_PRESET) or ""
    for item in retention.PRESETS:
        if item.name == name and item.days == days:
            return days, item.title, item.source
    return days, "set by the workspace's owner" if days else "", ""


def _role_fact(ws: Workspace, role: Role, kinds: dict[str, int]) -> tuple[RoleFact, int]:
    """A role's counts (adding its documents' kinds to ``kinds``) and its ratings' count. Marks
    count where they apply: on a competency of the role as it reads now."""
    people = ws.people.list(role.id)
    for doc in ws.people.documents(role_id=role.id):
        kinds[doc.kind] = kinds.get(doc.kind, 0) + 1
    texts = {c.text for c in role.competencies}
    marks = [m for row in ws.marks.of_role(role.id).values() for m in row.values()]
    marks = [m for m in marks if m.competency in texts]
    shown = sum(1 for m in marks if m.shown)
    fact = RoleFact(
        role.id,
        role.title,
        len(role.competencies),
        len(people),
        sum(p.documents for p in people),
        shown,
        len(marks) - shown,
    )
    return fact, len(ws.ratings.list(role.id))


def _employees(ws: Workspace, events: list[AuditEvent]) -> EmployeeFacts | None:
    """Counts about employees (issue 21); None when the workspace holds no role."""
    roles = ws.roles.list()
    if not roles:
        return None
    kinds: dict[str, int] = {}
    facts = [_role_fact(ws, role, kinds) for role in roles]
    return EmployeeFacts(
        roles=tuple(f for f, _ in facts),
        documents=kinds,
        ratings=sum(n for _, n in facts),
        exported=sum(1 for e in events if e.kind == "person.exported"),
        erased=sum(1 for e in events if e.kind == ERASED_KIND),
    )


def collect_facts(ws: Workspace) -> Facts:
    from core.services.compliance import compute_impact

    events = ws.audit.list()
    jobs = ws.jobs.list()
    audits = []
    for job in jobs:
        report = compute_impact(ws, job.id)
        if report.groups:
            audits.append(_job_audit(job.id, job.title, report))
    counterfactuals = tuple(
        CounterfactualRun(
            int(e.subject.get("job_id", 0)),
            e.at,
            int(e.subject.get("candidates", 0)),
            int(e.subject.get("moved", 0)),
        )
        for e in events
        if e.kind == "counterfactual.checked"
    )
    days, title, source = _retention(ws)
    verification = ws.audit.verify()
    created = next((e.at for e in events if e.kind == "workspace.created"), "")
    return Facts(
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        workspace=ws.path.name,
        created=created,
        schema=ws.schema_version,
        candidates=len(ws.candidates.list()),
        jobs=len(jobs),
        scored=sum(len(ws.scores.for_job(job.id)) for job in jobs),
        decisions=len(ws.decisions.all()),
        selfid=ws.selfid.count(),
        selfid_categories=tuple(ws.selfid.categories()),
        retention_days=days,
        retention_title=title,
        retention_source=source,
        models=_models(ws),
        audits=tuple(audits),
        counterfactuals=counterfactuals[-10:],
        security=ws.security_settings(),
        audit_events=len(events),
        audit_chain_ok=verification.ok,
        employees=_employees(ws, events),
    )
