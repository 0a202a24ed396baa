"""The recruiter's whole flow driven through the widgets, shared by the fast and the real run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop import candidate_view
from desktop.audit_view import AuditView
from desktop.create_dialog import CreateWorkspaceDialog
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.ranking_model import COL_CANDIDATE, COL_EVIDENCE
from desktop.reveal_dialog import RevealDialog
from desktop.session import Session
from desktop.settings_dialog import SettingsDialog
from tests.desktop.resumes import JOB_POSTING, JOB_TITLE, RESUMES, write_resumes

PASSPHRASE = "quiet meadow lantern 77"


def open_window(qtbot: Any, path: Path, engines: Any, prefs: Preferences) -> MainWindow:
    window = MainWindow(Session(path, engines=engines, reviewer="test-reviewer"), prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def create_workspace(qtbot: Any, window: MainWindow, path: Path) -> None:
    assert window.stack.currentWidget() is window.unlock_view
    assert window.unlock_view.create_button.isVisible()
    dialog = CreateWorkspaceDialog(path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    assert not dialog.create_button.isEnabled()  # not repeated yet
    qtbot.keyClicks(dialog.repeat, PASSPHRASE[:-1] + "8")
    assert not dialog.create_button.isEnabled()
    assert "differ" in dialog.hint.text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    assert dialog.create_button.isEnabled()
    assert dialog.meter.level >= 3
    window.create_at(dialog.workspace_path(), dialog.chosen_passphrase())
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace_view, timeout=20000)
    assert path.exists()
    assert window.windowTitle().startswith("Veil")


def create_job(qtbot: Any, window: MainWindow) -> int:
    editor = window.workspace_view.editor
    assert window.workspace_view.tabs.currentWidget() is editor
    qtbot.keyClicks(editor.title, JOB_TITLE)
    editor.posting.setPlainText(JOB_POSTING)
    qtbot.mouseClick(editor.suggest_button, Qt.MouseButton.LeftButton)
    suggested = editor.requirements.requirements()
    assert len(suggested) >= 3, suggested
    assert any("kafka" in r.text.lower() for r in suggested)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    job_id = window.workspace_view.job_id
    assert job_id is not None
    assert window.workspace_view.jobs.list.count() == 1
    assert window.workspace_view.tabs.currentWidget() is window.workspace_view.importer
    return int(job_id)


def drop_folder(qtbot: Any, window: MainWindow, folder: Path, timeout_ms: int) -> None:
    importer = window.workspace_view.importer
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    importer.dropEvent(event)
    assert importer.worker is not None
    ranking = window.workspace_view.ranking
    qtbot.waitUntil(lambda: importer.worker is None, timeout=timeout_ms)
    assert importer.counts == {"imported": 5, "duplicate": 1, "failed": 1}, [
        importer.results.item(r, 1).text() for r in range(importer.results.rowCount())
    ]
    qtbot.waitUntil(
        lambda: ranking.worker is None and ranking.model.rowCount() == len(RESUMES),
        timeout=timeout_ms,
    )


def run_flow(qtbot: Any, tmp_path: Path, engines: Any, prefs: Preferences, timeout_ms: int) -> None:
    path = tmp_path / "flow.veil"
    window = open_window(qtbot, path, engines, prefs)
    create_workspace(qtbot, window, path)
    create_job(qtbot, window)

    folder = tmp_path / "resumes"
    write_resumes(folder)
    (folder / "copy_of_first.txt").write_text(next(iter(RESUMES.values())), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    drop_folder(qtbot, window, folder, timeout_ms)
    importer = window.workspace_view.importer
    results = [importer.results.item(r, 1).text() for r in range(importer.results.rowCount())]
    assert any("Duplicate" in text for text in results)
    assert any(text.startswith("Not imported") for text in results)

    # the ranking: five candidates, shown by number only, best first, with evidence
    ranking = window.workspace_view.ranking
    model = ranking.model
    shown = [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(7)]
    for name in RESUMES:
        stem = name.split(".")[0].split("_")[0]
        assert all(stem.lower() not in cell.lower() for cell in shown), stem
    labels = [model.index(r, COL_CANDIDATE).data() for r in range(model.rowCount())]
    assert all(label.startswith("Candidate ") for label in labels)
    scores = [row.score for row in model.rows()]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]
    assert model.index(0, COL_EVIDENCE).data()
    assert sum(ranking.chart.counts) == 5

    # filter, then open the best candidate with the keyboard
    qtbot.keyClicks(ranking.filter_edit, labels[-1])
    assert ranking.proxy.rowCount() == 1
    ranking.filter_edit.clear()
    ranking.table.setFocus()
    ranking.table.selectRow(0)
    qtbot.keyClick(ranking.table, Qt.Key.Key_Return)
    view = window.workspace_view.candidate
    assert window.workspace_view.review.currentWidget() is view
    assert view.title.text() == labels[0]
    qtbot.keyClick(view.checklist, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.title.text() == labels[1]  # the next candidate in the ranking's order
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.title.text() == labels[0]
    assert view.text.placeholder_count() >= 1
    assert "@" not in view.text.toPlainText()
    best = view.score
    item = next(
        view.checklist.topLevelItem(i)
        for i in range(view.checklist.topLevelItemCount())
        if best.requirements[i].evidence is not None
    )
    view.checklist.setCurrentItem(item)
    evidence = best.requirements[view.checklist.indexOfTopLevelItem(item)].evidence
    assert view.text.highlighted_range() == (evidence.start, evidence.end)

    # decide, with a reason; the ranking shows it and the audit log holds it
    qtbot.keyClicks(view.reason, "Strong streaming experience")
    qtbot.mouseClick(view.shortlist_button, Qt.MouseButton.LeftButton)
    assert "Shortlisted" in view.current_decision.text()
    assert model.rows()[0].status == "shortlist"

    # reveal identity: confirmed, logged, the original shown
    candidate_view.CONFIRM_REVEAL = lambda _parent, _label: True
    try:
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    finally:
        candidate_view.CONFIRM_REVEAL = candidate_view.confirm_reveal
    assert isinstance(view.reveal_window, RevealDialog)
    assert "@" in view.reveal_window.text.toPlainText()
    kinds = [e.kind for e in window.session.workspace.audit.list()]
    for kind in ("job.created", "candidate.viewed", "decision.recorded", "identity.revealed"):
        assert kind in kinds, kind
    assert window.session.workspace.audit.verify().ok
    audit = AuditView(window.session.workspace, window)
    qtbot.addWidget(audit)
    assert audit.verified.ok
    assert audit.status.text().startswith("✔ Chain verified")
    assert audit.table.rowCount() == len(kinds)
    assert audit.table.item(0, 2).text() == "Identity revealed"  # newest first
    audit.close()

    # settings: the data location, the model in use; auto-lock time saved
    settings = SettingsDialog(
        window.prefs,
        workspace_path=str(window.session.path),
        engines=window.session.engines,
        parent=window,
    )
    qtbot.addWidget(settings)
    encoder = getattr(window.session.engines, "_encoder", None)
    if encoder is not None:
        assert settings.model_hash.text() == encoder.model_hash
        assert len(settings.model_hash.text()) == 64
    settings.auto_lock.setValue(5)
    settings.accept()
    assert window.prefs.auto_lock_minutes == 5

    # lock with Ctrl+L: everything decrypted is dropped from the views
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_open
    assert window.stack.currentWidget() is window.unlock_view
    assert model.rowCount() == 0
    assert view.text.toPlainText() == ""
    assert window.workspace_view.editor.posting.toPlainText() == ""
    assert window.workspace_view.importer.results.rowCount() == 0
    assert view.reveal_window is None
    QApplication.processEvents()

    # wrong passphrase: a calm message, still locked
    qtbot.keyClicks(window.unlock_view.passphrase, "not the passphrase")
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock_worker is None, timeout=20000)
    assert "did not open" in window.unlock_view.message.text()
    assert not window.session.is_open

    # the right one: back where we were, the decision kept
    qtbot.keyClicks(window.unlock_view.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace_view, timeout=20000)
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    assert "shortlist" in [row.status for row in model.rows()]
    window.close()
