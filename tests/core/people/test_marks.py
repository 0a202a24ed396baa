"""A reviewer's marks on gap-matrix cells: they override Veil's call, are audited by ids only,
and Veil's agreement with them is counted (real encrypted workspace; no models needed)."""

from __future__ import annotations

import pytest

from core.domain import Requirement
from core.errors import NotFoundError, UserError
from core.people.marks import agreement, apply_marks, checked
from core.people.model import Cell, Mark, PersonGaps
from core.services.people import create_role, mark_cell
from core.storage import Workspace

ROLE = "Analyst\n\nRequirements\n- SQL for data extraction\n- Python for analysis\n"


def _row(*gaps: bool) -> PersonGaps:
    reqs = [Requirement(t) for t in ("SQL", "Python", "Excel")]
    return PersonGaps(
        4, tuple(Cell(r, 0.2 if g else 0.9, g) for r, g in zip(reqs, gaps, strict=True))
    )


def test_a_mark_overrides_veils_call_and_keeps_it() -> None:
    row = _row(True, False, True)
    marks = {
        "SQL": Mark(4, "SQL", True, "weekly queries", "rev"),
        "Python": Mark(4, "Python", False, "", "rev"),
    }
    marked = apply_marks(row, marks)
    sql, python, excel = marked.cells
    assert (sql.gap, sql.own_gap, sql.mark) == (False, True, marks["SQL"])
    assert (python.gap, python.own_gap) == (True, False)
    assert (excel.gap, excel.own_gap, excel.mark) == (True, True, None)
    assert [c.competency.text for c in marked.gaps] == ["Python", "Excel"]


def test_agreement_counts_where_veil_and_the_reviewer_said_the_same() -> None:
    marked = apply_marks(
        _row(True, False, False),
        {
            "SQL": Mark(4, "SQL", False, "", "rev"),  # Veil: gap; reviewer: not shown -> agree
            "Python": Mark(4, "Python", True, "", "rev"),  # Veil: shown; reviewer: shown
            "Excel": Mark(4, "Excel", False, "", "rev"),  # Veil: shown; reviewer: not shown
        },
    )
    found = checked([marked])
    assert (found.checked, found.agreed, found.shown_called, found.shown_right) == (3, 2, 2, 1)
    assert found.share == pytest.approx(2 / 3)
    assert "3 cells" in found.summary()
    assert "1 of 2" in found.summary()
    none = agreement([])
    assert none.share is None
    assert "No cell" in none.summary()


def test_marks_are_stored_replaced_cleared_and_audited_by_ids(ws: Workspace) -> None:
    role = create_role(ws, "Analyst", ROLE)
    person = ws.people.add(role.id, "grouping name")
    first = mark_cell(ws, person.id, 1, True, reviewer=" Rev  A ", reason="wrote  a script")
    assert first is not None
    assert (first.competency, first.shown, first.reviewer, first.reason) == (
        "Python for analysis",
        True,
        "Rev A",
        "wrote a script",
    )
    mark_cell(ws, person.id, 1, False, reviewer="Rev B", reason="only a wish")
    (stored,) = ws.marks.of_role(role.id)[person.id].values()
    assert (stored.shown, stored.reviewer, stored.reason) == (False, "Rev B", "only a wish")
    events = [e for e in ws.audit.list() if e.kind == "person.cell_marked"]
    assert [e.subject["mark"] for e in events] == ["shown", "not_shown"]
    assert all("wish" not in str(e.subject) and "script" not in str(e.subject) for e in events)
    assert mark_cell(ws, person.id, 1, None, reviewer="Rev B") is None
    assert ws.marks.of_role(role.id) == {}
    with pytest.raises(UserError, match="no mark"):
        mark_cell(ws, person.id, 1, None, reviewer="Rev B")


def test_bad_marks_are_refused_and_change_nothing(ws: Workspace) -> None:
    role = create_role(ws, "Analyst", ROLE)
    person = ws.people.add(role.id)
    before = len(ws.audit.list())
    with pytest.raises(UserError, match="reviewer"):
        mark_cell(ws, person.id, 0, True, reviewer="  ")
    with pytest.raises(UserError, match="No such competency"):
        mark_cell(ws, person.id, 2, True, reviewer="rev")
    with pytest.raises(NotFoundError):
        mark_cell(ws, person.id + 1, 0, True, reviewer="rev")
    assert ws.marks.of_role(role.id) == {}
    assert len(ws.audit.list()) == before


def test_a_mark_on_an_edited_competency_no_longer_applies(ws: Workspace) -> None:
    from core.services.people import set_competency

    role = create_role(ws, "Analyst", ROLE)
    person = ws.people.add(role.id)
    mark_cell(ws, person.id, 0, True, reviewer="rev")
    set_competency(ws, role.id, 0, text="SQL query tuning")
    edited = ws.roles.get(role.id)
    marks = ws.marks.of_role(role.id)[person.id]
    assert edited.competencies[0].text not in marks  # the mark was about the old wording
