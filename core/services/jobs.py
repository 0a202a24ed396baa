"""Jobs: create one from its posting text (requirements parsed), edit requirements and weights."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.domain import Job, Requirement
from core.errors import UserError

if TYPE_CHECKING:
    from core.storage import Workspace


class EmptyJobError(UserError):
    def __init__(self) -> None:
        super().__init__("The job posting is empty.", hint="Paste or load the posting's text.")


def create_job(
    ws: Workspace,
    title: str,
    text: str,
    *,
    requirements: Sequence[Requirement] | None = None,
    actor: str = "",
) -> Job:
    """Add a job; its requirements are parsed from ``text`` unless given."""
    title = " ".join(title.split())
    if not text.strip():
        raise EmptyJobError()
    if not title:
        raise UserError("The job needs a title.")
    if requirements is None:
        from core.scoring import parse_requirements

        requirements = parse_requirements(text)
    with ws.transaction():
        job: Job = ws.jobs.add(title, text, list(requirements))
        ws.audit.append("job.created", actor, {"job_id": job.id})
    return job


def update_job(
    ws: Workspace,
    job_id: int,
    *,
    title: str | None = None,
    text: str | None = None,
    requirements: Sequence[Requirement] | None = None,
    requirements_from_text: bool = False,
    actor: str = "",
) -> Job:
    """Edit a job's title, text, or requirements (with their must flags and weights).

    With ``requirements_from_text`` and no ``requirements``, they are parsed from the new
    ``text`` (as ``create_job`` does); an empty text keeps the ones the job has.
    """
    if requirements is None and requirements_from_text and text is not None and text.strip():
        from core.scoring import parse_requirements

        requirements = parse_requirements(text)
    if requirements is not None:
        for req in requirements:
            if not req.text.strip():
                raise UserError("A requirement is empty.", hint="Remove it or write it out.")
            if not 0.0 <= req.weight <= 10.0:
                raise UserError("A requirement's weight must be between 0 and 10.")
    with ws.transaction():
        job: Job = ws.jobs.update(
            job_id,
            title=title,
            text=text,
            requirements=list(requirements) if requirements is not None else None,
        )
        ws.audit.append("job.updated", actor, {"job_id": job_id})
    return job


def set_requirement_weight(
    ws: Workspace,
    job_id: int,
    index: int,
    *,
    weight: float | None = None,
    must: bool | None = None,
    actor: str = "",
) -> Job:
    """Change one requirement's weight and/or must flag (``index`` into the job's list)."""
    job: Job = ws.jobs.get(job_id)
    if not 0 <= index < len(job.requirements):
        raise UserError("No such requirement in this job.")
    reqs = list(job.requirements)
    old = reqs[index]
    reqs[index] = Requirement(
        old.text, old.must if must is None else must, old.weight if weight is None else weight
    )
    return update_job(ws, job_id, requirements=reqs, actor=actor)
