"""The role editor of the People view over a real encrypted workspace: a role created through the
dialog is stored with the competencies read from its profile (English or Chinese), an edited
weight or must flag is saved, the role list and heatmap follow, and a missing title or profile,
or Cancel, stores nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.domain import Requirement
from core.intake.model import Source
from core.services import run_to_end
from core.services.people import create_role, import_people, list_roles
from desktop.people_view import PeopleView
from desktop.requirements_editor import COL_MUST, COL_WEIGHT
from desktop.role_editor import RoleEditor
from desktop.session import Session
from tests.desktop.conftest import PASSPHRASE

pytestmark = pytest.mark.gui

PROFILE = (
    "Store analyst\n\nRequirements\n- SQL reporting\n- Python scripting\n\n"
    "Nice to have\n- Retail pricing\n"
)
PROFILE_ZH = "数据分析师\n\n任职要求\n- 熟练使用SQL\n- 会Python脚本\n\n加分项\n- 零售行业经验\n"


@pytest.fixture
def session(tmp_path: Path, make_engines: Callable[..., Any]) -> Iterator[Session]:
    session = Session(tmp_path / "roles.veil", engines=make_engines(), reviewer="Tester")
    session.create(PASSPHRASE)
    yield session
    session.lock()


def _view(qtbot: Any, session: Session, roles: int) -> PeopleView:
    view = PeopleView(session)
    qtbot.addWidget(view)

    def loaded() -> bool:  # an empty list says so once it is read
        return view.role_combo.count() == roles and (roles > 0 or "No roles" in view.team.text())

    qtbot.waitUntil(loaded, timeout=10_000)
    return view


def _new_role(
    qtbot: Any, session: Session, title: str, profile: str
) -> tuple[PeopleView, RoleEditor]:
    view = _view(qtbot, session, 0)
    editor = view.new_role()
    editor.title.setText(title)
    editor.profile.setPlainText(profile)
    return view, editor


def _stored(session: Session, title: str = "Store analyst") -> tuple[Requirement, ...]:
    """The competencies of the workspace's one role, read back through the service."""
    (role,) = list_roles(session.workspace)
    assert role.title == title
    assert role.text == PROFILE
    return role.competencies


def test_a_role_created_in_the_dialog_is_stored_with_its_competencies_and_shown(
    qtbot: Any, session: Session
) -> None:
    view = _view(qtbot, session, 0)
    assert not view.edit_button.isEnabled()
    view.new_button.click()
    editor = view.role_editor
    assert editor is not None
    assert editor.isVisible()
    assert not editor.title.isReadOnly()
    editor.title.setText("Store analyst")
    editor.profile.setPlainText(PROFILE)
    editor.box.suggest_button.click()
    assert editor.status.text().startswith("3 competenc")
    table = editor.competencies.table
    table.item(2, COL_WEIGHT).setData(Qt.ItemDataRole.EditRole, 2.5)  # type: ignore[union-attr]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert _stored(session) == (
        Requirement("SQL reporting", True, 1.0),
        Requirement("Python scripting", True, 1.0),
        Requirement("Retail pricing", False, 2.5),
    )
    # the list reloads with the new role selected, and its (empty) heatmap is computed
    qtbot.waitUntil(lambda: view.model.columnCount() == 3, timeout=20_000)
    assert view.role_combo.currentData() == list_roles(session.workspace)[0].id
    assert view.role_combo.currentText() == "Store analyst"
    assert view.edit_button.isEnabled()
    events = [e.kind for e in session.workspace.audit.list()]
    assert "role.created" in events


def test_a_chinese_profile_saved_without_reading_it_first_is_parsed_on_save(
    qtbot: Any, session: Session
) -> None:
    view, editor = _new_role(qtbot, session, "数据分析师", PROFILE_ZH)
    assert editor.save() is not None
    (role,) = list_roles(session.workspace)
    assert role.language == "zh"
    assert [(c.text, c.must) for c in role.competencies] == [
        ("熟练使用SQL", True),
        ("会Python脚本", True),
        ("零售行业经验", False),
    ]
    qtbot.waitUntil(lambda: view.model.columnCount() == 3, timeout=20_000)
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "熟练使用SQL"


def test_a_lock_while_the_roles_are_read_after_a_save_shows_no_error(
    qtbot: Any, session: Session, shown_errors: list[str]
) -> None:
    view, editor = _new_role(qtbot, session, "Store analyst", PROFILE)
    assert editor.save() is not None
    reading = view.worker
    assert reading is not None
    assert reading.wait(10)
    session.lock()  # the role list arrives after the lock: no heatmap read, no error
    qtbot.wait(200)
    assert view.model.columnCount() == 0
    assert shown_errors == []


def test_editing_a_weight_and_a_must_flag_saves_them_and_recomputes_the_heatmap(
    qtbot: Any, session: Session
) -> None:
    ws = session.workspace
    role = create_role(ws, "Store analyst", PROFILE)
    body = b"Self review\nI built SQL reporting for the stores.\n"
    sources = [Source("ana/self_review.txt", body)]
    run_to_end(import_people(ws, session.engines, role_id=role.id, person="ana", sources=sources))
    view = _view(qtbot, session, 1)
    editor = view.edit_role()
    assert editor is not None
    assert editor.title.text() == "Store analyst"
    assert not editor.title.isReadOnly()
    editor.title.setText("  Store   data analyst ")  # a renamed role keeps its id and people
    table = editor.competencies.table
    assert table.rowCount() == 3
    table.item(0, COL_WEIGHT).setData(Qt.ItemDataRole.EditRole, 4.0)  # type: ignore[union-attr]
    table.item(1, COL_MUST).setCheckState(Qt.CheckState.Unchecked)  # type: ignore[union-attr]
    assert table.item(1, COL_MUST).text() == "Nice to have"  # type: ignore[union-attr]
    editor.save_button.click()
    assert _stored(session, "Store data analyst") == (
        Requirement("SQL reporting", True, 4.0),
        Requirement("Python scripting", False, 1.0),
        Requirement("Retail pricing", False, 1.0),
    )
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=20_000)
    assert view.model.data(view.model.index(0, 0)) == "1.00"
    assert view.role_combo.currentText() == "Store data analyst"
    assert "role.updated" in [e.kind for e in ws.audit.list()]


def test_an_empty_title_or_profile_says_so_and_stores_nothing(qtbot: Any, session: Session) -> None:
    view = _view(qtbot, session, 0)
    editor = view.new_role()
    editor.profile.setPlainText(PROFILE)
    editor.save_button.click()
    assert editor.status.text() == "Give the role a title."
    assert editor.isVisible()
    editor.title.setText("   ")
    assert editor.save() is None
    editor.title.setText("Store analyst")
    editor.profile.setPlainText("  \n ")
    editor.save_button.click()
    assert editor.status.text() == "Paste the role profile first."
    editor.profile.setPlainText("Store analyst\n\nRequirements\n")
    assert editor.save() is None
    assert "No competencies" in editor.status.text()
    assert list_roles(session.workspace) == []


def test_cancel_asks_first_and_a_discarded_role_stores_nothing(
    qtbot: Any, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    buttons = QMessageBox.StandardButton
    answers = [buttons.Cancel, buttons.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    _, editor = _new_role(qtbot, session, "Store analyst", PROFILE)
    editor.box.suggest_button.click()
    editor.cancel_button.click()  # Cancel in the question: the dialog stays
    assert editor.isVisible()
    editor.cancel_button.click()  # Discard
    assert not editor.isVisible()
    assert answers == []
    assert list_roles(session.workspace) == []

    answers.append(buttons.Save)  # Save in the question stores the role
    _, editor = _new_role(qtbot, session, "Store analyst", PROFILE)
    editor.reject()
    assert not editor.isVisible()
    assert [c.text for c in _stored(session)] == [
        "SQL reporting",
        "Python scripting",
        "Retail pricing",
    ]


def test_an_unchanged_role_closes_without_asking_and_an_emptied_list_is_refused(
    qtbot: Any, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: pytest.fail("asked"))

    role = create_role(session.workspace, "Store analyst", PROFILE)
    edit = RoleEditor(session, role)
    qtbot.addWidget(edit)
    edit.show()
    edit.reject()
    assert not edit.isVisible()
    edit.competencies.set_requirements([])
    assert edit.save() is None
    assert "No competencies" in edit.status.text()
    assert list_roles(session.workspace)[0].competencies == role.competencies


def test_documents_imported_for_a_role_make_one_person_per_folder_and_redraw_the_heatmap(
    qtbot: Any, session: Session, tmp_path: Path
) -> None:
    ws = session.workspace
    role = create_role(ws, "Store analyst", PROFILE)
    team = tmp_path / "team"
    for person, name, line in [
        ("ana", "self_review.txt", "I built SQL reporting for the stores."),
        ("ana", "manager_review.txt", "Ana wrote Python scripting for the data checks."),
        ("ben", "self_review.txt", "I set Retail pricing for the spring range."),
    ]:
        (team / person).mkdir(parents=True, exist_ok=True)
        (team / person / name).write_text(f"Review\n{line}\n", encoding="utf-8")
    view = _view(qtbot, session, 1)
    dialog = view.import_documents()
    assert dialog is not None
    panel = dialog.panel
    assert "Each folder is one person" in panel.drop_label.text()
    assert panel.import_paths([team]) is not None
    assert not dialog.close_button.isEnabled()
    dialog.reject()  # refused while the import runs
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=30_000)
    assert panel.summary.text() == "Done: 3 imported, 0 duplicates, 0 failed."
    assert sorted(p.documents for p in ws.people.list(role.id)) == [1, 2]
    # the heatmap is read again: two people, Ana's SQL met, Ben's SQL a gap
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=20_000)
    assert [view.model.data(view.model.index(r, 0)) for r in range(2)] == ["1.00", "0.00 ▽"]

    assert panel.import_paths([team / "ana"]) is not None  # the same files again
    qtbot.waitUntil(lambda: panel.worker is None, timeout=30_000)
    results = [panel.results.item(r, 1).text() for r in range(panel.results.rowCount())]  # type: ignore[union-attr]
    assert results == ["Duplicate: this document is already stored for a person"] * 2
    assert len(ws.people.list(role.id)) == 2
    assert dialog.close_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()
