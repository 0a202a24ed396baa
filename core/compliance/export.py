"""Access export: everything held about one person (GDPR Art. 15 and 20, PIPL Art. 45).

A machine-readable JSON file and a readable HTML page with the same content, plus the original
document as it was received. Every item of GDPR Art. 15(1) (a)-(h) is answered in ``article_15``
(``ARTICLE_15_ITEMS`` names them; a test checks each is there), with the copy of the data itself
(Art. 15(3)) under ``data``. Files are written atomically and private to the user; they are the
one place Veil writes plaintext, on the user's explicit request. In the HTML every value is
escaped: resume text is hostile input.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.compliance.explanation import SCORING_LOGIC, SIGNIFICANCE, page
from core.domain import AuditEvent, Candidate, Decision, Document, Job, Score
from core.errors import UserError
from core.paths import write_atomically
from core.storage.scores import score_to_json

FORMAT = "veil-access-export/1"
ARTICLE_15_ITEMS: dict[str, str] = {
    "a_purposes": "(a) Purposes of the processing",
    "b_categories": "(b) Categories of personal data",
    "c_recipients": "(c) Recipients",
    "d_retention": "(d) How long the data is kept",
    "e_rights": "(e) Your rights to rectification, erasure, restriction and to object",
    "f_complaint": "(f) Your right to complain to a supervisory authority",
    "g_source": "(g) Where the data came from",
    "h_automated_decision": "(h) Automated decision-making: the logic, significance, consequences",
}
COMPLAINT = (
    "You may complain to a data protection supervisory authority, in particular where you live "
    "or work or where the issue arose (GDPR Art. 77); in China, to the departments in charge of "
    "personal information protection (PIPL Art. 65)."
)
TRANSFERS = "None: no data leaves the computer it is stored on (Art. 15(2))."
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/rtf": ".rtf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}


@dataclass(frozen=True)
class Holding:
    """Everything the workspace holds about one candidate, as read by the service."""

    candidate: Candidate
    document: Document
    mapping: dict[str, str]
    jobs: list[Job]
    scores: list[Score]
    decisions: list[Decision]
    events: list[AuditEvent]
    other: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    retention: str = ""
    delete_after: str | None = None
    organisation: str = ""
    contact: str = ""


def _article_15(h: Holding) -> dict[str, Any]:
    org = h.organisation or "the organisation you applied to"
    return {
        "a_purposes": f"{org[:1].upper()}{org[1:]} uses your application to assess it for "
        "the jobs listed below and to decide whom to invite; the audit log records who "
        "looked at it and why, to show the process was fair and lawful.",
        "b_categories": [
            "the application document you sent and the text read from it",
            "the same text with names, contact details and personal cues removed",
            "the placeholder list linking each removed value to the original",
            "scores, with the evidence found for each requirement and the model version",
            "reviewers' decisions with their reasons",
            "a log of who viewed your application or revealed your identity, and when",
            "voluntary self-identification answers, if you gave any (used only for fairness "
            "audits, never for scoring or review)",
        ],
        "c_recipients": f"Only reviewers at {org} (named in the log below). Veil runs offline "
        "on one computer; no data is sent to any other company, service or country.",
        "d_retention": {
            "period": h.retention,
            "delete_after": h.delete_after,
            "criteria": "Counted from the later of the day your application arrived and the "
            "last decision on it. Without a set period, the data is kept until the organisation "
            "deletes it or you ask for erasure.",
        },
        "e_rights": "You may ask for a copy (this export), correction (GDPR Art. 16), erasure "
        "(Art. 17, PIPL Art. 47), restriction (Art. 18), a portable copy (Art. 20, this JSON "
        "file), and object to the processing (Art. 21); also to have a person review any "
        "decision and to contest it (Art. 22(3), PIPL Art. 24).",
        "f_complaint": COMPLAINT,
        "g_source": "You: the document you sent (file name and details below). The redacted "
        "text, scores and evidence were derived from it by Veil; decisions were made by "
        "reviewers.",
        "h_automated_decision": {
            "exists": True,
            "solely_automated": False,
            "logic": SCORING_LOGIC,
            "significance": SIGNIFICANCE,
            "consequences": "A higher score makes a reviewer see an application sooner. No "
            "application is rejected by the tool; each decision is a person's.",
        },
        "transfers": TRANSFERS,
    }


def _score(score: Score, titles: dict[int, str]) -> dict[str, Any]:
    detail = json.loads(score_to_json(score))
    return {
        "job_id": score.job_id,
        "job_title": titles.get(int(score.job_id or 0), ""),
        "score": round(float(score.score), 2),
        "model_version": score.model_version,
        **detail,
    }


def _decision(d: Decision, titles: dict[int, str]) -> dict[str, Any]:
    return {
        "job_id": d.job_id,
        "job_title": titles.get(d.job_id, ""),
        "kind": d.kind.value,
        "reason": d.reason,
        "reviewer": d.reviewer,
        "at": d.created_at,
    }


def extension(media_type: str) -> str:
    """The file suffix an original of this media type is written with."""
    return _EXTENSIONS.get(media_type, ".bin")


def document_file_name(h: Holding) -> str:
    """The name the original is written under (never the hostile original file name)."""
    return f"candidate-{h.candidate.id}-original{extension(h.document.media_type)}"


def build_record(h: Holding, generated_at: str) -> dict[str, Any]:
    titles = {j.id: j.title for j in h.jobs}
    doc = h.document
    return {
        "format": FORMAT,
        "generated_at": generated_at,
        "candidate_id": h.candidate.id,
        "controller": h.organisation,
        "contact": h.contact,
        "article_15": _article_15(h),
        "data": {
            "document": {
                "file": document_file_name(h),
                "filename": doc.filename,
                "media_type": doc.media_type,
                "sha256": doc.sha256,
                "bytes": len(doc.data),
                "metadata": doc.metadata,
                "received_at": h.candidate.created_at,
                "text": doc.text,
            },
            "redacted_text": h.candidate.redacted_text,
            "language": h.candidate.language,
            "redaction_placeholders": h.mapping,
            "warnings": list(h.candidate.warnings),
            "jobs": [{"job_id": j.id, "title": j.title} for j in h.jobs],
            "scores": [_score(s, titles) for s in h.scores],
            "decisions": [_decision(d, titles) for d in h.decisions],
            "audit_events": [
                {"seq": e.seq, "at": e.at, "kind": e.kind, "actor": e.actor, "subject": e.subject}
                for e in h.events
            ],
            "other_records": h.other,
        },
    }


# --- HTML ------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def value_html(value: Any) -> str:
    """Any JSON value as escaped HTML: lists and objects nested, long text preformatted."""
    if isinstance(value, dict):
        if not value:
            return "<p>(none)</p>"
        rows = "".join(
            f"<tr><th>{_e(k)}</th><td>{value_html(v)}</td></tr>" for k, v in value.items()
        )
        return f"<table>{rows}</table>"
    if isinstance(value, list):
        if not value:
            return "<p>(none)</p>"
        return "<ol>" + "".join(f"<li>{value_html(v)}</li>" for v in value) + "</ol>"
    if value is None:
        return "(none)"
    text = str(value)
    return f"<pre>{_e(text)}</pre>" if "\n" in text or len(text) > 200 else _e(text)


def article_15_html(art: dict[str, Any]) -> str:
    """Each Art. 15(1) item under its title, then the transfers (Art. 15(2))."""
    parts = [
        f'<h3 id="{_e(key)}">{_e(title)}</h3>{value_html(art[key])}'
        for key, title in ARTICLE_15_ITEMS.items()
    ]
    return "".join(parts) + f"<h3>Transfers</h3>{value_html(art['transfers'])}"


_SECTIONS = (
    ("document", "The document you sent"),
    ("redacted_text", "The text reviewers and the model saw first"),
    ("redaction_placeholders", "What was removed, by placeholder"),
    ("jobs", "Jobs"),
    ("scores", "Scores, with their evidence and model version"),
    ("decisions", "Decisions, with their reasons"),
    ("audit_events", "Views, reveals and other logged events"),
    ("other_records", "Other records"),
)


def export_page(
    subject: str, stem: str, record: dict[str, Any], sections: Sequence[tuple[str, str]]
) -> str:
    """The HTML of an access export about ``subject`` (e.g. "candidate 7"): the Art. 15 items,
    then each ``(key, title)`` of ``sections`` from ``record["data"]``; every value escaped."""
    parts = [
        f"<h1>Everything held about {_e(subject)}</h1>",
        f"<p>Generated {_e(record['generated_at'])}. The file {_e(stem)}.json holds "
        "the same in machine-readable form.</p>",
        "<h2>Your rights and how your data is used (GDPR Art. 15)</h2>",
        article_15_html(record["article_15"]),
        "<h2>The data (a copy, Art. 15(3))</h2>",
    ]
    for key, title in sections:
        parts.append(f"<h3>{_e(title)}</h3>{value_html(record['data'][key])}")
    return page(f"Access export, {subject}", "".join(parts))


def render_html(record: dict[str, Any]) -> str:
    cid = record["candidate_id"]
    return export_page(f"candidate {cid}", f"candidate-{cid}", record, _SECTIONS)


# --- files -----------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: a private temporary file, fsync, rename.
    Raises :class:`UserError` when the place cannot be written."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise UserError(
            "The file could not be written there.", hint=f"({exc.strerror or 'error'})"
        ) from None


def json_bytes(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_files(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write each named file into ``out_dir`` (made private if new), atomically; the paths."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError(
            "The export folder could not be created.", hint=f"({exc.strerror or 'error'})"
        ) from None
    written = []
    for name, data in files.items():
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
    return written


def write_export(h: Holding, record: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write the JSON, the HTML and the original document into ``out_dir``; return the paths."""
    cid = h.candidate.id
    files = {
        f"candidate-{cid}.json": json_bytes(record),
        f"candidate-{cid}.html": render_html(record).encode("utf-8"),
        document_file_name(h): h.document.data,
    }
    return write_files(out_dir, files)
