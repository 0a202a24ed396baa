"""People: role profiles, employees' documents and the skill-gap matrix (issue 21).

Employees' documents go through the same intake, redaction and encoding stages as resumes
(``importing.import_sources`` with a ``PersonSink``) but are stored in their own tables and their
own embedding cache, so nothing about an employee reaches a candidate view, ranking or learning.
Documents are scored against the role's competencies by the same scorer as resumes; the matrix is
advice with its evidence: a person decides, Veil never rates anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from core.domain import Requirement, Score
from core.errors import UserError
from core.people.gaps import MIN_GROUP, TeamSummary, document_kind, person_gaps, team_summary
from core.people.marks import Agreement, apply_marks, checked
from core.people.model import (
    DOCUMENT_KINDS,
    Cell,
    GapMatrix,
    Mark,
    Person,
    PersonDocument,
    PersonGaps,
    Role,
)
from core.people.statements import blank_non_claims
from core.services.engines import Engines
from core.services.import_pipeline import Item
from core.services.importing import FileOutcome, ImportSummary, import_paths, import_sources
from core.services.progress import Progress

if TYPE_CHECKING:
    from core.storage import Workspace

__all__ = [  # the types the desktop reads come from here (it imports services only)
    "MIN_GROUP",
    "Agreement",
    "Cell",
    "GapMatrix",
    "Mark",
    "PersonDocument",
    "Role",
    "TeamSummary",
    "create_role",
    "gap_matrix",
    "import_people",
    "list_roles",
    "mark_cell",
    "person_document",
    "role_agreement",
    "set_competency",
    "team_summary",
    "update_role",
]


def list_roles(ws: Workspace) -> list[Role]:
    roles: list[Role] = ws.roles.list()
    return roles


def create_role(
    ws: Workspace,
    title: str,
    text: str,
    *,
    competencies: Sequence[Requirement] | None = None,
    actor: str = "",
) -> Role:
    """Add a role; its competencies are parsed from ``text`` (as a job's requirements) unless
    given: lines under "Requirements" are must-haves, under "Nice to have" nice-to-haves."""
    title, language = _profile(title, text)
    if competencies is None:
        from core.scoring import parse_requirements

        competencies = parse_requirements(text)
    with ws.transaction():
        role: Role = ws.roles.add(title, text, language, list(competencies))
        ws.audit.append("role.created", actor, {"role_id": role.id})
    return role


def _profile(title: str, text: str) -> tuple[str, str]:
    """The cleaned title and the language of a role profile; refuses an empty one."""
    from core.scoring.chunking import is_chinese

    title = " ".join(title.split())
    if not text.strip():
        raise UserError("The role profile is empty.", hint="Give the role's competencies.")
    if not title:
        raise UserError("The role needs a title.")
    return title, "zh" if is_chinese(text) else "en"


def update_role(
    ws: Workspace,
    role_id: int,
    competencies: Sequence[Requirement],
    *,
    title: str | None = None,
    text: str | None = None,
    actor: str = "",
) -> Role:
    """Replace a role's competencies (text, must flag, weight), as a job's requirements, and
    with ``title`` and ``text`` its profile too. Reviewers' marks stay on the competencies
    whose text is unchanged."""
    for c in competencies:
        if not c.text.strip():
            raise UserError("A competency is empty.", hint="Remove it or write it out.")
        if not 0.0 <= c.weight <= 10.0:
            raise UserError("A competency's weight must be between 0 and 10.")
    profile = None
    if title is not None or text is not None:
        old: Role = ws.roles.get(role_id)
        new_text = old.text if text is None else text
        new_title, language = _profile(old.title if title is None else title, new_text)
        profile = (new_title, new_text, language)
    with ws.transaction():
        role: Role = ws.roles.update(role_id, list(competencies), profile=profile)
        ws.audit.append("role.updated", actor, {"role_id": role_id})
    return role


def set_competency(
    ws: Workspace,
    role_id: int,
    index: int,
    *,
    text: str | None = None,
    weight: float | None = None,
    must: bool | None = None,
    actor: str = "",
) -> Role:
    """Change one competency of a role (``index`` into its list): text, weight, must flag."""
    role: Role = ws.roles.get(role_id)
    if not 0 <= index < len(role.competencies):
        raise UserError("No such competency in this role.", hint="See: veil role show ID")
    items = list(role.competencies)
    old = items[index]
    items[index] = Requirement(
        old.text if text is None else " ".join(text.split()),
        old.must if must is None else must,
        old.weight if weight is None else weight,
    )
    return update_role(ws, role_id, items, actor=actor)


class PersonSink:
    """Stores imported files as a person's documents: all under the person named ``person``
    (found or created on the first stored file), under the person ``person_of(label)`` names
    (e.g. each file's folder), or one new person per file."""

    def __init__(
        self,
        ws: Workspace,
        role_id: int,
        person: str = "",
        kind: str = "",
        actor: str = "",
        person_of: Callable[[str], str] | None = None,
    ) -> None:
        ws.roles.get(role_id)  # a missing role is a NotFoundError before anything is read
        if kind and kind not in DOCUMENT_KINDS:
            raise UserError("Unknown document kind.", hint="Use: " + ", ".join(DOCUMENT_KINDS))
        self.ws, self.role_id, self.kind, self.actor = ws, role_id, kind, actor
        self.person = " ".join(person.split())
        self.person_of = person_of

    @property
    def cache(self) -> Any:
        return self.ws.person_embeddings

    def find(self, sha256: str) -> int | None:
        return self.ws.people.person_of_document(sha256)

    def text_to_encode(self, redacted_text: str) -> str:
        return blank_non_claims(redacted_text)  # as score_documents reads it

    def _person(self, label: str) -> Person:
        name = self.person
        if self.person_of is not None:
            name = " ".join(self.person_of(label).split())
        if name:
            found = self.ws.people.find_by_name(self.role_id, name)
            if found is not None:
                return found
        person: Person = self.ws.people.add(self.role_id, name)
        self.ws.audit.append(
            "person.created", self.actor, {"person_id": person.id, "role_id": self.role_id}
        )
        return person

    def store(self, item: Item) -> FileOutcome:
        from core.storage.people import NewDocument

        label = item.source.label
        if item.prepared is None:
            return FileOutcome(label, None, "failed", item.error or "The file could not be read.")
        ex, pr = item.extraction, item.prepared
        kind = self.kind or document_kind(ex.filename)
        doc = NewDocument(
            sha256=item.sha256,
            kind=kind,
            name=document_name(ex.filename, pr.redacted_filename, kind),
            language=pr.language,
            redacted_text=pr.redacted_text,
            redaction_mapping=pr.mapping,
            spans_json=pr.spans_json,
            warnings=tuple(ex.warnings) + pr.warnings,
            filename=ex.filename,
            media_type=ex.media_type,
            data=ex.data,
            text=ex.text,
            metadata=dict(ex.metadata),
        )
        with self.ws.transaction():
            person = self._person(label)
            stored = self.ws.people.add_document(person.id, doc)
            self.ws.audit.append(
                "person.document_imported",
                self.actor,
                {"person_id": person.id, "document_id": stored.id, "role_id": self.role_id},
            )
        return FileOutcome(label, person.id, "imported")


def document_name(filename: str, redacted: str, kind: str) -> str:
    """The name a document is shown by: its file name when redaction found nothing in it, else
    the redacted one, or its kind when nothing but placeholders is left of that."""
    from core.services.redacting import filename_words

    suffix = PurePath(filename).suffix
    if redacted == filename_words(filename) + suffix:
        return PurePath(filename).name
    if not re.sub(r"<[A-Z_]+_\d+>", "", PurePath(redacted).stem).strip(" _-."):
        return kind + suffix
    return redacted


def folder_person(label: str) -> str:
    """The name of the folder a file sits in (``team/ana/self_review.txt`` -> ``ana``)."""
    return PurePath(label).parent.name


def import_people(
    ws: Workspace,
    engines: Engines,
    paths: Iterable[Path | str] = (),
    *,
    role_id: int,
    person: str = "",
    kind: str = "",
    sources: Iterable[Any] | None = None,
    actor: str = "",
    prepare: bool = True,
    person_of: Callable[[str], str] | None = None,
) -> Generator[Progress, None, ImportSummary]:
    """Import employees' documents (files, folders, ZIPs, or ready ``sources``) for a role.
    Yields ``Progress(item=FileOutcome)`` per file; ``candidate_id`` is then the person's id.
    ``person_of(label)``: the person each file belongs to (``folder_person``: its folder)."""
    sink = PersonSink(ws, role_id, person, kind, actor, person_of)
    if sources is not None:
        return (
            yield from import_sources(ws, engines, sources, prepare=prepare, actor=actor, sink=sink)
        )
    return (yield from import_paths(ws, engines, paths, prepare=prepare, actor=actor, sink=sink))


def score_documents(
    ws: Workspace, engines: Engines, role: Role, documents: Sequence[PersonDocument]
) -> dict[int, Score]:
    """Each document's score against the role's competencies (embeddings from the employees'
    own cache, encoded there on a miss)."""
    if not documents or not role.competencies:
        return {}
    from core.services.models import bind_encoder

    bind_encoder(ws, engines)
    scorer = engines.scorer(ws.person_embeddings)
    texts = {doc.id: blank_non_claims(doc.redacted_text) for doc in documents}
    return dict(scorer.rank(list(role.competencies), texts, job_text=role.text))


def gap_matrix(ws: Workspace, engines: Engines, role_id: int) -> GapMatrix:
    """Per person of the role and per competency: satisfaction, evidence and document, gap."""
    role: Role = ws.roles.get(role_id)
    documents: list[PersonDocument] = ws.people.documents(role_id=role_id)
    scores = score_documents(ws, engines, role, documents)
    by_person: dict[int, list[PersonDocument]] = {p.id: [] for p in ws.people.list(role_id)}
    for doc in documents:
        by_person.setdefault(doc.person_id, []).append(doc)
    marks = ws.marks.of_role(role_id)
    rows = tuple(
        apply_marks(person_gaps(pid, role.competencies, docs, scores), marks.get(pid, {}))
        for pid, docs in by_person.items()
    )
    return GapMatrix(role=role, people=rows)


def person_row(ws: Workspace, engines: Engines, person_id: int) -> tuple[Role, PersonGaps]:
    """One person's row of their role's matrix (reviewers' marks applied), and the role."""
    person = ws.people.get(person_id)
    role: Role = ws.roles.get(person.role_id)
    documents = ws.people.documents(person_id)
    row = person_gaps(
        person_id, role.competencies, documents, score_documents(ws, engines, role, documents)
    )
    return role, apply_marks(row, ws.marks.of_role(role.id).get(person_id, {}))


def mark_cell(
    ws: Workspace,
    person_id: int,
    index: int,
    shown: bool | None,
    *,
    reviewer: str,
    reason: str = "",
) -> Mark | None:
    """A reviewer's word on one cell: ``shown`` True or False (replacing an earlier mark), or
    None to take the mark away. ``index`` is the competency's place in the role (from 0). The
    mark is audited by ids only; its reason stays in the workspace with the mark."""
    who = " ".join(reviewer.split())
    if not who:
        raise UserError("A reviewer name is needed to record this.")
    person = ws.people.get(person_id)
    role: Role = ws.roles.get(person.role_id)
    if not 0 <= index < len(role.competencies):
        raise UserError("No such competency in this role.", hint="See: veil role show ID")
    competency = role.competencies[index].text
    with ws.transaction():
        if shown is None:
            if not ws.marks.remove(person_id, competency):
                raise UserError("That cell has no mark to remove.")
            stored = None
        else:
            mark = Mark(person_id, competency, shown, " ".join(reason.split()), who)
            stored = ws.marks.put(mark)
        ws.audit.append(
            "person.cell_marked",
            who,
            {
                "person_id": person_id,
                "role_id": role.id,
                "competency": index,
                "mark": {None: "cleared", True: "shown", False: "not_shown"}[shown],
            },
        )
    return stored


def role_agreement(matrix: GapMatrix) -> Agreement:
    """How often Veil's own calls matched the reviewers' marks in ``matrix``."""
    return checked(matrix.people)


def person_document(ws: Workspace, document_id: int, *, reviewer: str) -> PersonDocument:
    """One redacted document (the evidence behind a cell), as a blind reviewer sees it; audited."""
    who = " ".join(reviewer.split())
    if not who:
        raise UserError("A reviewer name is needed to record this.")
    for doc in ws.people.documents_by_id([document_id]):
        ws.audit.append(
            "person.document_viewed", who, {"person_id": doc.person_id, "document_id": doc.id}
        )
        return doc
    raise UserError(f"Document {int(document_id)} does not exist.")
