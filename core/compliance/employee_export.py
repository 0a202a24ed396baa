"""Access export for one employee (GDPR Art. 15 and 20, PIPL Art. 45), as ``export`` does for
candidates and with its pieces: a machine-readable JSON file, a readable HTML page with the same
content (every value escaped: document text is hostile input), and each original document as it
was received, all written atomically and private to the user.

Every item of GDPR Art. 15(1) (a)-(h) is answered in ``article_15``, worded for an employee: the
tool supports development and reviews, finds evidence for a role's competencies and rates no one.
The copy of the data (Art. 15(3)) is under ``data``: the documents (original text, redacted text,
placeholders), the competency evidence computed at export time, review ratings, the audit events
about the person and any other row keyed to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.compliance.export import (
    COMPLAINT,
    TRANSFERS,
    export_page,
    extension,
    json_bytes,
    write_files,
)
from core.domain import AuditEvent
from core.people.model import PersonGaps, Role
from core.storage.codec import loads

FORMAT = "veil-employee-access-export/1"
LOGIC = (
    "The role's profile is split into competencies, each marked must-have or nice-to-have. For "
    "each one, a language model running locally (a small BERT-family encoder) looks for the "
    "passage of your anonymized documents that supports it best; statements of wishes or plans "
    "are left out, and exact skill words are matched too. A competency counts as shown, or as a "
    "gap, from how close that passage is. Name, contact details and other personal cues are "
    "removed before any of this. The tool gives no overall score and no rating."
)
SIGNIFICANCE = (
    "The evidence helps a manager prepare a review or development conversation and suggest "
    "training. It decides nothing: any rating, pay, promotion or other decision about you is made "
    "by a person, who can read the documents themselves."
)
_SECTIONS = (
    ("person", "You in this workspace"),
    ("documents", "Your documents: original text, redacted text and placeholders"),
    ("competency_evidence", "Competency evidence and gaps, computed for this export"),
    ("review_ratings", "Review ratings given by managers"),
    ("audit_events", "Views and other logged events"),
    ("other_records", "Other records"),
)


@dataclass(frozen=True)
class OriginalDocument:
    """One document as stored (personal): its row, and the original file, text and mapping."""

    row: dict[str, Any]  # the person_documents row, binary values by size and SHA-256
    data: bytes
    text: str
    mapping: dict[str, str]


@dataclass(frozen=True)
class EmployeeHolding:
    """Everything the workspace holds about one employee, as read by the service."""

    person_id: int
    role: Role
    person: dict[str, Any]  # the people row (with the name that grouped the documents)
    documents: list[OriginalDocument]
    ratings: list[dict[str, Any]]
    events: list[AuditEvent]
    gaps: PersonGaps | None = None
    other: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    organisation: str = ""
    contact: str = ""


def _article_15(h: EmployeeHolding) -> dict[str, Any]:
    org = h.organisation or "your employer"
    return {
        "a_purposes": f"{org[:1].upper()}{org[1:]} uses your work documents to support your "
        "development and performance reviews: the tool shows where they give evidence of your "
        "role's competencies and where they do not, so that a manager can prepare a "
        "conversation and suggest training. The audit log records who looked at them and why.",
        "b_categories": [
            "the documents about your work (self-reviews, manager reviews, project summaries, "
            "CVs) and the text read from them",
            "the same text with names, contact details and personal cues removed",
            "the placeholder list linking each removed value to the original",
            "evidence and gaps per competency of your role (computed again for this export)",
            "review ratings managers gave, if any were recorded",
            "a log of who viewed your documents, and when",
        ],
        "c_recipients": f"Only the people at {org} who use Veil for reviews and development "
        "(named in the log below). Veil runs offline on one computer; no data is sent to any "
        "other company, service or country.",
        "d_retention": {
            "period": "Veil sets no automatic period for employees' documents.",
            "criteria": "Kept while they serve your development and reviews, under the "
            "organisation's own rules for personnel records; deleted when those end or when "
            "you ask for erasure and the law allows it.",
        },
        "e_rights": "You may ask for a copy (this export), correction (GDPR Art. 16), erasure "
        "(Art. 17, PIPL Art. 47), restriction (Art. 18), a portable copy (Art. 20, this JSON "
        "file), and object to the processing (Art. 21); also to have a person review any "
        "decision and to contest it (Art. 22(3), PIPL Art. 24), and to an explanation of the "
        "tool's part in it (EU AI Act Art. 86).",
        "f_complaint": COMPLAINT,
        "g_source": "You, your manager or colleagues: the documents listed below, given to Veil "
        "by the organisation. The redacted text and the evidence were derived from them by "
        "Veil; ratings were recorded by managers.",
        "h_automated_decision": {
            "exists": False,
            "solely_automated": False,
            "logic": LOGIC,
            "significance": SIGNIFICANCE,
            "consequences": "Advice only: a gap shown may lead a manager to suggest training. "
            "No rating is produced by the tool; a person decides.",
        },
        "transfers": TRANSFERS,
    }


def document_file_name(person_id: int, doc: OriginalDocument) -> str:
    """The name an original is written under (never the hostile original file name)."""
    suffix = extension(str(doc.row["media_type"]))
    return f"person-{person_id}-document-{doc.row['id']}{suffix}"


def _document(person_id: int, doc: OriginalDocument) -> dict[str, Any]:
    row = doc.row
    return {
        "file": document_file_name(person_id, doc),
        "document_id": row["id"],
        "kind": row["kind"],
        "filename": row["filename"],
        "media_type": row["media_type"],
        "sha256": row["sha256"],
        "bytes": len(doc.data),
        "metadata": loads(str(row["metadata_json"])),
        "received_at": row["created_at"],
        "language": row["language"],
        "text": doc.text,
        "redacted_text": row["redacted_text"],
        "redaction_placeholders": doc.mapping,
        "warnings": loads(str(row["warnings_json"])),
    }


def _evidence(gaps: PersonGaps | None) -> Any:
    if gaps is None:
        return "Not computed for this export (the encoder was not available)."
    return [
        {
            "competency": c.competency.text,
            "must": c.competency.must,
            "satisfaction": round(float(c.satisfaction), 3),
            "gap": c.gap,
            "evidence": None if c.evidence is None else c.evidence.text,
            "document": c.document,
            "document_id": c.document_id,
        }
        for c in gaps.cells
    ]


def build_record(h: EmployeeHolding, generated_at: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "generated_at": generated_at,
        "person_id": h.person_id,
        "controller": h.organisation,
        "contact": h.contact,
        "article_15": _article_15(h),
        "data": {
            "person": {
                "person_id": h.person_id,
                "role_id": h.role.id,
                "role_title": h.role.title,
                "grouping_name": h.person.get("name", ""),
                "added_at": h.person.get("created_at", ""),
            },
            "documents": [_document(h.person_id, d) for d in h.documents],
            "competency_evidence": _evidence(h.gaps),
            "review_ratings": h.ratings,
            "audit_events": [
                {"seq": e.seq, "at": e.at, "kind": e.kind, "actor": e.actor, "subject": e.subject}
                for e in h.events
            ],
            "other_records": h.other,
        },
    }


def render_html(record: dict[str, Any]) -> str:
    pid = record["person_id"]
    return export_page(f"person {pid}", f"person-{pid}", record, _SECTIONS)


def write_export(h: EmployeeHolding, record: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write the JSON, the HTML and each original document into ``out_dir``; the paths."""
    pid = h.person_id
    files = {
        f"person-{pid}.json": json_bytes(record),
        f"person-{pid}.html": render_html(record).encode("utf-8"),
    }
    files.update({document_file_name(pid, d): d.data for d in h.documents})
    return write_files(out_dir, files)
