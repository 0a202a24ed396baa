"""The impact assessment's section on employees (issue 21), in English and Chinese.

Evaluating employees is high-risk under the EU AI Act (Annex III 4(b)). The section says what
Veil does with employees' documents, filled from the workspace with counts only: roles (their
titles are the only free text, as job titles are for candidates), people, documents by kind,
ratings and reviewers' marks. Veil's agreement with the marks is measured against the current
gap matrix, which needs the encoder; the assessment does not load it and names the command that
reports it. A workspace without roles gets no section.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from core.people.model import DOCUMENT_KINDS


@dataclass(frozen=True)
class RoleFact:
    role_id: int
    title: str
    competencies: int
    people: int
    documents: int
    marks_shown: int  # cells a reviewer marked "shown"
    marks_not_shown: int  # and "not shown"

    @property
    def marks(self) -> int:
        return self.marks_shown + self.marks_not_shown


@dataclass(frozen=True)
class EmployeeFacts:
    roles: tuple[RoleFact, ...]
    documents: Mapping[str, int] = field(default_factory=dict)  # kind -> count
    ratings: int = 0
    exported: int = 0  # person.exported events
    erased: int = 0  # person.erased tombstones

    @property
    def people(self) -> int:
        return sum(r.people for r in self.roles)

    @property
    def marks(self) -> int:
        return sum(r.marks for r in self.roles)


_EN = {
    "kinds": {
        "self_review": "self-reviews",
        "manager_review": "manager reviews",
        "project_summary": "project summaries",
        "cv": "CVs",
        "document": "other documents",
    },
    "role": "  - Role {id} ({title}): {comps} competencies, {people} people, {docs} documents, "
    "{marks} cell(s) checked by a reviewer ({shown} marked shown, {not_shown} not shown).",
    "kind": "{name}: {n}",
    "sep": ", ",
    "no_docs": "no documents yet",
}

_ZH = {
    "kinds": {
        "self_review": "自我评价",
        "manager_review": "上级评价",
        "project_summary": "项目总结",
        "cv": "履历",
        "document": "其他文件",
    },
    "role": "  - 岗位 {id}（{title}）：能力项 {comps} 个，员工 {people} 名，文件 {docs} 份，"
    "审阅者核对的单元格 {marks} 个（标为“已体现” {shown} 个，“未体现” {not_shown} 个）。",
    "kind": "{name} {n} 份",
    "sep": "、",
    "no_docs": "尚无文件",
}

_TEXT = {"en": _EN, "zh": _ZH}


def _kinds(documents: Mapping[str, int], lang: str) -> str:
    names: Mapping[str, str] = _TEXT[lang]["kinds"]  # type: ignore[assignment]
    order = [k for k in DOCUMENT_KINDS if documents.get(k)]
    order += sorted(k for k in documents if k not in DOCUMENT_KINDS and documents[k])
    t = _TEXT[lang]
    parts = [str(t["kind"]).format(n=documents[k], name=names.get(k, k)) for k in order]
    return str(t["sep"]).join(parts) or str(t["no_docs"])


def section_values(facts: EmployeeFacts, lang: str) -> dict[str, object]:
    """The values of the employee section's template (``assessment_employees_{lang}.md``)."""
    t = _TEXT[lang]
    roles = [
        str(t["role"]).format(
            id=r.role_id,
            title=r.title,
            comps=r.competencies,
            people=r.people,
            docs=r.documents,
            marks=r.marks,
            shown=r.marks_shown,
            not_shown=r.marks_not_shown,
        )
        for r in facts.roles
    ]
    return {
        "roles": len(facts.roles),
        "people": facts.people,
        "documents": sum(facts.documents.values()),
        "kinds": _kinds(facts.documents, lang),
        "ratings": facts.ratings,
        "marks": facts.marks,
        "role_lines": "\n".join(roles),
        "exported": facts.exported,
        "erased": facts.erased,
    }
