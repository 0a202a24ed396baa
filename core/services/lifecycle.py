"""A candidate's data over its life: retention and purge, erasure, access export, explanation.

Unlocking a workspace (``unlock``: the CLI and the GUI both open through it) first deletes every
candidate past the workspace's retention period, one transaction per person. Every use case here
leaves an event in the audit log: ``retention.set``, ``candidate.erased`` (the tombstone),
``candidate.exported`` and ``explanation.produced``.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.compliance import erasure, explanation, export, retention
from core.compliance.erasure import PurgeResult
from core.errors import UserError, WorkspaceError
from core.services.progress import Progress, run_to_end
from core.storage.codec import now as timestamp
from core.storage.lifecycle import Erased

if TYPE_CHECKING:
    from core.storage import Workspace

log = logging.getLogger(__name__)

AUTO_ACTOR = "retention"
SETTING_ORGANISATION = "organisation"
SETTING_CONTACT = "privacy_contact"


@dataclass(frozen=True)
class RetentionStatus:
    days: int | None
    preset: str | None
    description: str
    candidates: int
    due: int


# --- retention -------------------------------------------------------------------------------


def retention_status(ws: Workspace) -> RetentionStatus:
    days = erasure.retention_days(ws)
    name = ws.settings.get(retention.SETTING_PRESET)
    activity = ws.lifecycle.activity()
    return RetentionStatus(
        days,
        name,
        retention.describe(days, name),
        len(activity),
        len(retention.due(activity, days)),
    )


def set_retention(
    ws: Workspace, *, days: int | None = None, preset: str | None = None, actor: str
) -> RetentionStatus:
    """Set the period in days, or from a preset (its days and its source are kept); audited."""
    if (days is None) == (preset is None):
        raise UserError("Give either a number of days or a preset.")
    chosen = retention.preset(preset) if preset is not None else None
    value = retention.check_days(chosen.days if chosen is not None else int(days or 0))
    name = chosen.name if chosen is not None else "custom"
    with ws.transaction():
        ws.settings.set(retention.SETTING_DAYS, str(value))
        ws.settings.set(retention.SETTING_PRESET, name)
        ws.audit.append("retention.set", actor, {"days": value, "preset": name})
    return retention_status(ws)


def set_contact(ws: Workspace, *, organisation: str, contact: str, actor: str) -> None:
    """Who the candidate deals with, named in exports and explanations; audited (no text)."""
    with ws.transaction():
        for key, value in ((SETTING_ORGANISATION, organisation), (SETTING_CONTACT, contact)):
            value = " ".join(value.split())[:200]
            if value:
                ws.settings.set(key, value)
        ws.audit.append("privacy_contact.set", actor, {})


def purge(
    ws: Workspace, *, actor: str, dry_run: bool = False, now: datetime | None = None
) -> Generator[Progress, None, PurgeResult]:
    """Delete everyone past retention, one transaction per person; yields progress.

    Stopping the generator (Cancel, Ctrl-C) or killing the process keeps those already erased
    erased and the others whole; the next purge finishes the job."""
    days = erasure.retention_days(ws)
    targets = erasure.due(ws, now)
    if dry_run or not targets:
        return PurgeResult(days, tuple(targets), dry_run=dry_run)
    done: list[Erased] = []
    try:
        for cid in targets:
            yield Progress(len(done), len(targets), None, "erasing")
            done.append(erasure.erase_one(ws, cid, reason=erasure.REASON_RETENTION, actor=actor))
        yield Progress(len(done), len(targets), None, "erased")
    finally:
        if done and not ws.closed:
            ws.lifecycle.checkpoint()
    return PurgeResult(days, tuple(targets), tuple(done))


def purge_at_unlock(ws: Workspace) -> PurgeResult | None:
    """The automatic purge. A failure (a full disk, or a bug) never locks the user out of the
    workspace: it is logged, those already erased stay erased, and the next unlock retries."""
    try:
        result = run_to_end(purge(ws, actor=AUTO_ACTOR))
    except WorkspaceError as exc:
        log.warning("automatic purge stopped: %s", type(exc).__name__)
        return None
    except Exception:
        log.exception("automatic purge failed")
        return None
    if result.erased:
        log.info("automatic purge erased %d candidate(s) past retention", len(result.erased))
    return result


def unlock(path: str | Path, passphrase: str) -> Workspace:
    """Open the workspace, then purge everyone past its retention period."""
    from core.storage import Workspace

    ws = Workspace.open(path, passphrase)
    try:
        purge_at_unlock(ws)
    except BaseException:
        ws.close()
        raise
    return ws


# --- erasure, export, explanation ------------------------------------------------------------


def erase(ws: Workspace, cid: int, *, actor: str) -> Erased:
    """Erase one person at their request (GDPR Art. 17, PIPL Art. 47)."""
    return erasure.erase(ws, cid, actor=actor, reason=erasure.REASON_REQUEST)


def _holding(ws: Workspace, cid: int) -> export.Holding:
    candidate = ws.candidates.get(cid)
    jobs = [j for j in ws.jobs.list() if cid in ws.candidates.ids_for_job(j.id)]
    scores = [s for j in ws.jobs.list() if (s := ws.scores.get(j.id, cid)) is not None]
    scored = {int(s.job_id or 0) for s in scores} - {j.id for j in jobs}
    jobs += [j for j in ws.jobs.list() if j.id in scored]
    activity = {a.candidate_id: a for a in ws.lifecycle.activity()}[cid]
    days = erasure.retention_days(ws)
    return export.Holding(
        candidate=candidate,
        document=ws.candidates.document(cid),
        mapping=ws.candidates.mapping(cid),
        jobs=jobs,
        scores=scores,
        decisions=[d for d in ws.decisions.all() if d.candidate_id == cid],
        events=[e for e in ws.audit.list() if e.subject.get("candidate_id") == cid],
        other=ws.lifecycle.held(cid, skip=("documents", "job_candidates", "scores", "decisions")),
        retention=retention.describe(days, ws.settings.get(retention.SETTING_PRESET)),
        delete_after=None
        if days is None
        else retention.delete_after(activity, days).date().isoformat(),
        organisation=ws.settings.get(SETTING_ORGANISATION) or "",
        contact=ws.settings.get(SETTING_CONTACT) or "",
    )


def export_candidate(ws: Workspace, cid: int, out_dir: Path, *, actor: str) -> list[Path]:
    """Write everything held about ``cid`` (JSON, HTML, the original) into ``out_dir``;
    audited as ``candidate.exported`` once the files are written."""
    holding = _holding(ws, cid)
    record = export.build_record(holding, timestamp())
    written = export.write_export(holding, record, Path(out_dir))
    ws.audit.append("candidate.exported", actor, {"candidate_id": cid})
    return written


def explain(ws: Workspace, cid: int, job_id: int, *, actor: str) -> explanation.Explanation:
    """The candidate's one-page explanation for one job; audited as ``explanation.produced``."""
    ws.candidates.get(cid)
    job = ws.jobs.get(job_id)
    result = explanation.Explanation(
        candidate_id=cid,
        job=job,
        score=ws.scores.get(job_id, cid),
        decision=ws.decisions.latest(job_id, cid),
        contact=ws.settings.get(SETTING_CONTACT) or "",
        organisation=ws.settings.get(SETTING_ORGANISATION) or "",
    )
    ws.audit.append("explanation.produced", actor, {"candidate_id": cid, "job_id": job_id})
    return result


def explain_to_file(ws: Workspace, cid: int, job_id: int, out: Path, *, actor: str) -> Path:
    """Write the explanation to ``out``: HTML for a ``.html`` name, plain text otherwise."""
    result = explain(ws, cid, job_id, actor=actor)
    html = Path(out).suffix.lower() in (".html", ".htm")
    text = explanation.render_html(result) if html else explanation.render_text(result)
    export.write_atomic(Path(out), text.encode("utf-8"))
    return Path(out)
