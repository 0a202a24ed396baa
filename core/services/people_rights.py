"""An employee's data-subject rights: erasure (GDPR Art. 17, PIPL Art. 47) and the access export
(GDPR Art. 15 and 20, PIPL Art. 45), as ``lifecycle`` offers them for candidates.

Both are audited: ``person.erased`` (the pseudonymous tombstone, written in the erasing
transaction) and ``person.exported`` (once the files are written).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.compliance import employee_erasure, employee_export
from core.compliance.erasure import REASON_REQUEST
from core.people.model import PersonGaps
from core.services.lifecycle import SETTING_CONTACT, SETTING_ORGANISATION
from core.storage.codec import now as timestamp
from core.storage.people import ErasedPerson

if TYPE_CHECKING:
    from core.services.engines import Engines
    from core.storage import Workspace

__all__ = [  # what the desktop reads comes from here (it imports services only)
    "ERASURE_REASONS",
    "ErasedPerson",
    "current_gaps",
    "erase_person",
    "erasure_preview",
    "export_person",
]

ERASURE_REASONS = employee_erasure.REASONS


def erasure_preview(ws: Workspace, person_id: int) -> dict[str, int]:
    """What erasing the person would delete: rows per table (counts only; changes nothing).
    Raises :class:`NotFoundError` for an unknown person."""
    counts: dict[str, int] = ws.people.erasure_counts(person_id)
    return counts


def erase_person(
    ws: Workspace, person_id: int, *, actor: str, reason: str = REASON_REQUEST
) -> ErasedPerson:
    """Erase everything held about one employee, in one transaction, then compact the WAL."""
    return employee_erasure.erase_person(ws, person_id, actor=actor, reason=reason)


def current_gaps(ws: Workspace, engines: Engines, person_id: int) -> PersonGaps:
    """The person's row of the gap matrix, computed now (needs the encoder), reviewers' marks
    applied."""
    from core.services.people import person_row

    return person_row(ws, engines, person_id)[1]


def _holding(
    ws: Workspace, person_id: int, gaps: PersonGaps | None
) -> employee_export.EmployeeHolding:
    held = ws.people.held_rows(person_id)
    person = held.pop("people")[0]
    documents = []
    for row in held.pop("person_documents", []):
        _, data, text, mapping = ws.people.original(int(row["id"]))
        documents.append(employee_export.OriginalDocument(row, data, text, mapping))
    return employee_export.EmployeeHolding(
        person_id=person_id,
        role=ws.roles.get(int(person["role_id"])),
        person=person,
        documents=documents,
        ratings=held.pop("review_ratings", []),
        events=[e for e in ws.audit.list() if e.subject.get("person_id") == person_id],
        gaps=gaps,
        other=held,
        organisation=ws.settings.get(SETTING_ORGANISATION) or "",
        contact=ws.settings.get(SETTING_CONTACT) or "",
    )


def export_person(
    ws: Workspace,
    person_id: int,
    out_dir: Path,
    *,
    actor: str,
    gaps: PersonGaps | None = None,
) -> list[Path]:
    """Write everything held about the employee (JSON, HTML, each original document) into
    ``out_dir``; ``gaps``: their gap-matrix row if computed (see :func:`current_gaps`).
    Audited as ``person.exported`` once the files are written."""
    holding = _holding(ws, person_id, gaps)
    record = employee_export.build_record(holding, timestamp())
    written = employee_export.write_export(holding, record, Path(out_dir))
    ws.audit.append("person.exported", actor, {"person_id": person_id})
    return written
