"""Measuring the skill-gap matrix on a labelled set (``tests/data/people/set.json`` or a real one).

The set's format: ``{"roles": [{"id", "language", "title", "text"}], "people": [{"id", "role",
"language", "documents": [{"name", "kind", "text"}], "labels": [{"competency", "shown",
"document", "sentence"}]}]}``; a label's competency is a requirement line of its role's text.

Two figures: gap detection F1 (a gap is a competency labelled not shown; Veil calls a gap what the
scorer does not find "met") and evidence hit (for shown competencies, the evidence span Veil
returns lies in a labelled document and overlaps a labelled sentence, the main one or one of its
``also`` list, once the sentence is carried over to the redacted text, where names became
placeholders).

The real set (``bench/data/people_real_labels.json``) holds no text: resume ids, and labels as
offsets and SHA-256 into the resumes' redacted text (the cache's ``redacted`` field, as the
labels' ``text`` says) in the git-ignored cache that
``bench/data/resume_scraper.py`` builds; ``real_set`` joins the two into the same format.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.people.model import Cell


@dataclass(frozen=True)
class Judgement:
    person: str
    language: str
    competency: str
    shown: bool  # the label
    gap: bool  # Veil's call
    hit: bool | None  # evidence overlaps the labelled sentence (None: not shown, or unlocated)
    satisfaction: float = 0.0
    role: str = ""


@dataclass(frozen=True)
class Figures:
    labels: int
    f1: float
    precision: float
    recall: float
    evidence_hit: float
    evidence_labels: int
    agreement: float = 0.0  # cells where Veil's call (gap or shown) is the label's
    shown_precision: float = 0.0  # cells Veil called shown that are labelled shown


def load_set(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def map_span(original: str, redacted: str, start: int, end: int) -> tuple[int, int]:
    """Carry ``original[start:end]`` over to ``redacted`` (the same text with placeholders)."""
    matcher = difflib.SequenceMatcher(None, original, redacted, autojunk=False)

    def where(pos: int, *, at_end: bool) -> int:
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if i1 <= pos < i2 or (at_end and i1 < pos <= i2):
                if tag == "equal":
                    return j1 + (pos - i1)
                return j2 if at_end else j1
        return len(redacted)

    return where(start, at_end=False), where(end, at_end=True)


def judge(
    person: Mapping[str, Any],
    cells: Sequence[Cell],
    documents: Mapping[int, tuple[str, str]],
) -> list[Judgement]:
    """Compare one person's row with their labels. ``documents``: stored document id -> (its
    name in the set, its redacted text as stored, into which the evidence offsets point)."""
    by_text = {c.competency.text: c for c in cells}
    names = {d["name"]: d["text"] for d in person["documents"]}
    out: list[Judgement] = []
    for label in person["labels"]:
        cell = by_text.get(label["competency"])
        if cell is None:
            raise ValueError(f"competency not among the role's: {label['competency']!r}")
        hit: bool | None = None
        accepted = [(label.get("document"), label.get("sentence"))]
        accepted += [(a.get("document"), a.get("sentence")) for a in label.get("also") or ()]
        if label["shown"] and cell.evidence is not None and cell.document_id is not None:
            name, text = documents.get(cell.document_id, ("", ""))
            ev = cell.evidence
            for doc, sentence in accepted:
                if doc != name or not sentence or doc not in names:
                    continue
                at = names[doc].find(sentence)
                if at < 0:
                    continue
                start, end = map_span(names[doc], text, at, at + len(sentence))
                hit = bool(hit) or (ev.start < end and start < ev.end)
            hit = bool(hit)
        elif label["shown"]:
            hit = False
        out.append(
            Judgement(
                person=str(person["id"]),
                language=str(person.get("language", "")),
                competency=label["competency"],
                shown=bool(label["shown"]),
                gap=cell.gap,
                hit=hit,
                satisfaction=cell.satisfaction,
                role=str(person.get("role", "")),
            )
        )
    return out


def figures(judgements: Sequence[Judgement]) -> Figures:
    tp = sum(j.gap and not j.shown for j in judgements)
    fp = sum(j.gap and j.shown for j in judgements)
    fn = sum(not j.gap and not j.shown for j in judgements)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    hits = [j.hit for j in judgements if j.hit is not None]
    called_shown = [j for j in judgements if not j.gap]
    return Figures(
        labels=len(judgements),
        f1=f1,
        precision=precision,
        recall=recall,
        evidence_hit=sum(hits) / len(hits) if hits else 0.0,
        evidence_labels=len(hits),
        agreement=sum(j.gap != j.shown for j in judgements) / len(judgements)
        if judgements
        else 0.0,
        shown_precision=sum(j.shown for j in called_shown) / len(called_shown)
        if called_shown
        else 0.0,
    )


def run_set(ws: Any, engines: Any, data: Mapping[str, Any]) -> list[Judgement]:
    """Import the set's roles and people into ``ws`` through the real intake and redaction,
    compute each role's gap matrix, and judge every label."""
    from core.intake.model import Source
    from core.services.people import create_role, gap_matrix, import_people
    from core.services.progress import run_to_end

    roles = {r["id"]: create_role(ws, r["title"], r["text"]).id for r in data["roles"]}
    for person in data["people"]:
        sources = [Source(d["name"], d["text"].encode("utf-8")) for d in person["documents"]]
        run_to_end(
            import_people(
                ws, engines, role_id=roles[person["role"]], person=person["id"], sources=sources
            )
        )
    out: list[Judgement] = []
    for role_key, role_id in roles.items():
        rows = {row.person_id: row for row in gap_matrix(ws, engines, role_id).people}
        for person in data["people"]:
            if person["role"] != role_key:
                continue
            found = ws.people.find_by_name(role_id, person["id"])
            documents = {
                d.id: (ws.people.original(d.id)[0], d.redacted_text)
                for d in ws.people.documents(found.id)
            }
            out += judge(person, rows[found.id].cells, documents)
    return out


def real_set(
    labels: Mapping[str, Any], cache: Mapping[str, Any], written: Mapping[str, Any]
) -> dict[str, Any]:
    """The real labels joined with the cached resume texts and the written set's roles, in the
    written set's format (one document per person, its CV). A span whose hash does not match the
    cached text is dropped, and so is a person whose resume is not in the cache."""
    import hashlib

    def span(text: str, start: Any, end: Any, digest: Any) -> str | None:
        if start is None or end is None:
            return None
        part = text[int(start) : int(end)]
        return part if hashlib.sha256(part.encode()).hexdigest() == digest else None

    resumes = cache.get("resumes", {})
    roles = [r for r in written["roles"] if r["id"] in set(labels["roles"])]
    people: list[dict[str, Any]] = []
    for person in labels["people"]:
        entry = resumes.get(person["resume_id"])
        if entry is None:
            continue
        text = str(entry[labels.get("text", "redacted")])  # the field the offsets point into
        rows = []
        for label in person["labels"]:
            sentence = span(
                text, label["sentence_start"], label["sentence_end"], label["sentence_sha256"]
            )
            if label["shown"] and sentence is None:
                continue  # the cached text differs from the labelled one
            also = [
                {"document": "cv.txt", "sentence": s}
                for a in label.get("also") or ()
                if (s := span(text, a["sentence_start"], a["sentence_end"], a["sentence_sha256"]))
            ]
            rows.append(
                {
                    "competency": label["competency"],
                    "shown": label["shown"],
                    "document": "cv.txt" if sentence else None,
                    "sentence": sentence,
                    "also": also,
                }
            )
        people.append(
            {
                "id": person["resume_id"],
                "role": person["role"],
                "language": "en",
                "documents": [{"name": "cv.txt", "kind": "cv", "text": text}],
                "labels": rows,
            }
        )
    return {"roles": roles, "people": people}
