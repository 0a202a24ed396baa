"""Single screens: passphrase dialog, ranking model, errors, translations, idle lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from core.domain import Decision, DecisionKind, Evidence, Requirement, RequirementScore, Score
from core.errors import IntakeError
from desktop import error_display
from desktop.create_dialog import CreateWorkspaceDialog
from desktop.i18n import install_translations
from desktop.main_window import MainWindow
from desktop.passphrase_strength import strength
from desktop.preferences import Preferences
from desktop.ranking_model import (
    COL_CANDIDATE,
    COL_SCORE,
    RankingFilter,
    RankingTableModel,
    rows_from_service,
)
from desktop.session import Session
from tests.desktop.flow import PASSPHRASE, create_workspace, open_window


@pytest.mark.parametrize(
    ("passphrase", "low", "high"),
    [
        ("", 0, 0),
        ("short", 0, 0),
        ("password", 1, 1),
        ("aaaaaaaaaaaa", 1, 1),
        ("Tr0ub4dor&3x", 2, 3),
        ("quiet meadow lantern 77", 3, 4),
    ],
)
def test_strength_levels(passphrase: str, low: int, high: int) -> None:
    assert low <= strength(passphrase) <= high


def test_create_dialog_refuses_an_existing_file(qtbot: Any, tmp_path: Path) -> None:
    taken = tmp_path / "taken.veil"
    taken.write_bytes(b"something else")
    dialog = CreateWorkspaceDialog(taken)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    assert not dialog.create_button.isEnabled()
    assert "already exists" in dialog.hint.text()
    dialog.path_edit.setText(str(tmp_path / "new.veil"))
    assert dialog.create_button.isEnabled()


class _Row:
    def __init__(self, rank: int, cid: int, score: float, musts: int, kind: str | None) -> None:
        reqs = tuple(
            RequirementScore(
                Requirement(f"skill {i}", must=True),
                1.0 if i < musts else 0.0,
                0.5,
                Evidence(0, 5, f"kafka evidence {cid}", 0.5) if i == 0 else None,
            )
            for i in range(2)
        )
        self.rank, self.candidate_id = rank, cid
        self.score = Score(score, reqs, candidate_id=cid)
        self.decision = (
            Decision(1, cid, DecisionKind(kind), reason="fits") if kind is not None else None
        )


def test_ranking_model_sorts_and_filters(qtbot: Any) -> None:
    rows = rows_from_service(
        [_Row(1, 7, 91.0, 2, "shortlist"), _Row(2, 3, 55.5, 1, None), _Row(3, 12, 20.0, 0, None)]
    )
    model = RankingTableModel()
    proxy = RankingFilter()
    proxy.setSourceModel(model)
    model.set_rows(rows)
    assert [proxy.index(r, COL_CANDIDATE).data() for r in range(3)] == [
        "Candidate 7",
        "Candidate 3",
        "Candidate 12",
    ]
    proxy.sort(COL_SCORE, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, COL_CANDIDATE).data() == "Candidate 12"
    proxy.set_status("")
    assert proxy.rowCount() == 2
    proxy.set_status(None)
    proxy.set_musts_only(True)
    assert proxy.rowCount() == 1
    proxy.set_musts_only(False)
    proxy.set_text("evidence 3")
    assert proxy.rowCount() == 1
    assert proxy.index(0, COL_CANDIDATE).data() == "Candidate 3"


def test_user_errors_show_their_message_and_bugs_hide_theirs(shown_errors: list[str]) -> None:
    error_display.show_error(None, IntakeError("This file is damaged and cannot be read."))
    assert shown_errors[-1].startswith("This file is damaged")
    try:
        raise KeyError("Ana Quillfeather")  # a message that could hold personal data
    except KeyError as exc:
        error_display.show_error(None, exc)
    assert "KeyError" in shown_errors[-1]
    assert "Quillfeather" not in shown_errors[-1]
    assert "test_screens.py" in shown_errors[-1]


def test_chinese_translation_switches_the_ui(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences
) -> None:
    app = QApplication.instance()
    assert app is not None
    try:
        assert install_translations(app, "zh_CN") == "zh_CN"
        window = open_window(qtbot, tmp_path / "zh.veil", make_engines(), prefs)
        assert window.windowTitle() == "Veil — 已锁定"
        assert window.unlock_view.create_button.text() == "创建工作区…"
        assert window.workspace_view.tabs.tabText(0) == "排名"
        assert QCoreApplication.translate("RankingModel", "Candidate %1") == "候选人 %1"
        window.close()
    finally:
        install_translations(app, "en")
    assert QCoreApplication.translate("RankingModel", "Candidate %1") == "Candidate %1"


def test_auto_lock_after_idle_time(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences
) -> None:
    path = tmp_path / "idle.veil"
    window = open_window(qtbot, path, make_engines(), prefs)
    create_workspace(qtbot, window, path)
    assert window.session.is_open
    window.idle.set_timeout_ms(300)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert not window.session.is_open
    assert "without activity" in window.unlock_view.message.text()
    assert window.windowTitle().startswith("Veil")
    window.close()


def test_wrong_passphrase_changes_no_byte(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences
) -> None:
    path = tmp_path / "calm.veil"
    window = open_window(qtbot, path, make_engines(), prefs)
    create_workspace(qtbot, window, path)
    window.lock()
    before = {p.name: p.read_bytes() for p in tmp_path.glob("calm.veil*")}
    second = MainWindow(Session(path, engines=make_engines(), reviewer="t"), prefs)
    qtbot.addWidget(second)
    second.unlock("definitely wrong")
    qtbot.waitUntil(lambda: second.unlock_worker is None, timeout=20000)
    assert "did not open" in second.unlock_view.message.text()
    after = {p.name: p.read_bytes() for p in tmp_path.glob("calm.veil*")}
    assert before
    assert before == after
    window.close()
    second.close()


def test_switching_jobs_with_unsaved_edits_asks_first(
    qtbot: Any,
    tmp_path: Path,
    make_engines: Any,
    prefs: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from core.services import create_job

    path = tmp_path / "jobs.veil"
    window = open_window(qtbot, path, make_engines(), prefs)
    create_workspace(qtbot, window, path)
    ws = window.session.workspace
    first = create_job(ws, "Data Engineer", "Requirements:\n- Python\n- SQL")
    second = create_job(ws, "Nurse", "Requirements:\n- Patient care")
    view = window.workspace_view
    view.reload()
    view.open_job(first.id)
    view.editor.title.setText("Data Engineer (edited)")
    assert view.editor.dirty

    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: answers.pop(0))
    view.open_job(second.id)
    assert view.editor.job_id == first.id
    assert view.editor.title.text() == "Data Engineer (edited)"
    assert view.jobs.current_job_id() == first.id

    answers.append(QMessageBox.StandardButton.Save)
    view.open_job(second.id)
    assert view.editor.job_id == second.id
    assert ws.jobs.get(first.id).title == "Data Engineer (edited)"
    window.close()


def test_uncaught_errors_reach_the_crash_dialog_and_the_log_without_personal_data(
    qtbot: Any,
    shown_errors: list[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    error_display.install_excepthook()
    try:
        raise RuntimeError("resume of Ana Quillfeather could not be parsed")
    except RuntimeError as exc:
        with caplog.at_level("ERROR", logger="veil.crash"):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    assert "RuntimeError" in shown_errors[-1]
    assert "Quillfeather" not in shown_errors[-1]
    assert "Quillfeather" not in caplog.text
    assert "RuntimeError" in caplog.text
    dialog = error_display.CrashDialog(shown_errors[-1])
    qtbot.addWidget(dialog)
    assert "RuntimeError" in dialog.details.toPlainText()
