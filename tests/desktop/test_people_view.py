"""The people heatmap: people x competencies over a real encrypted workspace, a click opens the
evidence, team figures only for groups of five or more (and it says so when hidden)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from core.intake.model import Source
from core.services import run_to_end
from core.services.people import create_role, import_people
from desktop.cell_marks import cell_menu
from desktop.people_view import PeopleView, heat
from desktop.session import Session
from tests.desktop.conftest import PASSPHRASE

pytestmark = pytest.mark.gui

ROLE = "Analyst\n\nRequirements\n- SQL reporting\n- Python scripting\n\nNice to have\n- Retail\n"


def _session(tmp_path: Path, make_engines: Callable[..., Any], people: int) -> Session:
    session = Session(tmp_path / "people.veil", engines=make_engines(), reviewer="Tester")
    session.create(PASSPHRASE)
    ws = session.workspace
    role = create_role(ws, "Analyst", ROLE)
    for i in range(people):
        body = f"Person {i}\nI built SQL reporting for the stores.\n"
        if i % 2:
            body += "I wrote Python scripting for the data checks.\n"
        sources = [Source(f"p{i}/self_review.txt", body.encode())]
        run_to_end(
            import_people(ws, session.engines, role_id=role.id, person=f"p{i}", sources=sources)
        )
    return session


def _shown(qtbot: Any, session: Session) -> tuple[Session, PeopleView]:
    """The People view of ``session``'s one role, its matrix read."""
    view = PeopleView(session)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.role_combo.count() == 1, timeout=10_000)
    view.refresh()
    people = len(session.workspace.people.list())
    qtbot.waitUntil(lambda: view.model.rowCount() == people, timeout=20_000)
    return session, view


def test_heatmap_cells_open_their_evidence_and_team_figures_show(
    qtbot: Any, tmp_path: Path, make_engines: Callable[..., Any]
) -> None:
    session, view = _shown(qtbot, _session(tmp_path, make_engines, 6))
    model = view.model
    assert model.columnCount() == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "SQL reporting"
    sql = model.index(0, 0)
    assert model.data(sql) == "1.00"
    assert model.data(sql, Qt.ItemDataRole.BackgroundRole) == heat(1.0)
    python_gap = model.index(0, 1)  # person 0 never mentions Python
    assert model.data(python_gap).endswith("▽")
    assert "Team (6 people)" in view.team.text()
    python_header = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert python_header == "Python scripting\nTeam: 50% with a gap"
    view.open_evidence(sql)
    qtbot.waitUntil(lambda: "SQL reporting" in view.evidence.toPlainText(), timeout=10_000)
    assert "self_review.txt" in view.evidence_title.text()
    assert view.evidence.textCursor().selectedText().startswith("I built SQL reporting")
    events = [e.kind for e in session.workspace.audit.list()]
    assert "person.document_viewed" in events
    session.lock()


def test_team_figures_are_hidden_below_five_people(
    qtbot: Any, tmp_path: Path, make_engines: Callable[..., Any]
) -> None:
    session, view = _shown(qtbot, _session(tmp_path, make_engines, 3))
    assert "hidden" in view.team.text()
    assert "3 people" in view.team.text()
    assert "fewer than 5" in view.team.text()
    session.lock()


def test_a_reviewer_marks_a_cell_and_the_matrix_follows(
    qtbot: Any, tmp_path: Path, make_engines: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    session, view = _shown(qtbot, _session(tmp_path, make_engines, 2))
    assert "No cell checked yet" in view.agreement.text()
    python_gap = view.model.index(0, 1)  # person 0 never mentions Python: Veil calls a gap
    assert view.model.data(python_gap).endswith("▽")
    menu = cell_menu(view, view.table.visualRect(python_gap).center())
    assert menu is not None
    actions = {a.text(): a for a in menu.actions()}
    assert not actions["Remove the mark"].isEnabled()  # nothing to remove yet
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wrote the checks", True))
    actions["Mark as shown…"].trigger()
    qtbot.waitUntil(lambda: "✔" in str(view.model.data(view.model.index(0, 1))), timeout=20_000)
    cell = view.model.cell(view.model.index(0, 1))
    assert cell is not None
    assert (cell.gap, cell.own_gap) == (False, True)  # the reviewer's word, Veil's call kept
    tip = view.model.data(view.model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Checked by Tester: shown" in tip
    assert "wrote the checks" in tip
    assert "reviewers: 1. Veil's call was the same in 0 of them (0%)" in view.agreement.text()
    assert [e.kind for e in session.workspace.audit.list()][-1] == "person.cell_marked"
    again = cell_menu(view, view.table.visualRect(view.model.index(0, 1)).center())
    assert again is not None
    removal = next(a for a in again.actions() if a.text() == "Remove the mark")
    assert removal.isEnabled()
    removal.trigger()
    qtbot.waitUntil(lambda: "✔" not in str(view.model.data(view.model.index(0, 1))), timeout=20_000)
    assert "No cell checked yet" in view.agreement.text()
    session.lock()


def test_a_persons_data_is_exported_and_erased_from_the_row_header(
    qtbot: Any, tmp_path: Path, make_engines: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.person_data import erase_person, export_person, person_menu

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    session, view = _shown(qtbot, _session(tmp_path, make_engines, 2))
    header = view.table.verticalHeader()
    menu = person_menu(view, QPoint(5, header.sectionViewportPosition(0) + 3))
    assert menu is not None
    assert [a.text() for a in menu.actions()] == [
        "Export everything held…",
        "Erase this person…",
    ]
    first = view.model.matrix.people[0].person_id  # type: ignore[union-attr]
    out = tmp_path / "export"
    export_person(view, first, str(out))
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "hand it over securely" in told[0]
    assert (out / f"person-{first}.json").exists()
    assert (out / f"person-{first}.html").exists()
    erase_person(view, first, confirmed=True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=20_000)
    assert first not in {p.id for p in session.workspace.people.list()}
    kinds = [e.kind for e in session.workspace.audit.list()]
    assert {"person.exported", "person.erased"} <= set(kinds)
    session.lock()
