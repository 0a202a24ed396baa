"""Veil's main window: the unlock page while locked, the workspace when unlocked.

It owns locking (Ctrl+L, auto-lock after idle), the menus, and the background loading of the
models, which starts after the window is shown and the workspace unlocked.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from core.errors import WrongPassphraseError
from desktop.error_display import show_error
from desktop.idle_lock import IdleWatcher
from desktop.preferences import Preferences
from desktop.session import Session
from desktop.unlock_view import UnlockView
from desktop.worker import GeneratorWorker, call_in_background

if TYPE_CHECKING:
    from desktop.workspace_view import WorkspaceView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    unlocked = Signal()
    locked = Signal()

    def __init__(self, session: Session, prefs: Preferences | None = None) -> None:
        super().__init__()
        self.session = session
        self.prefs = prefs or Preferences()
        self.resize(1200, 780)
        geometry = self.prefs.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.stack = QStackedWidget()
        self.unlock_view = UnlockView()
        self._workspace_view: WorkspaceView | None = None  # built at the first unlock
        self.stack.addWidget(self.unlock_view)
        self.setCentralWidget(self.stack)
        self.models_label = QLabel()
        self.statusBar().addPermanentWidget(self.models_label)
        self.unlock_worker: GeneratorWorker[None, None] | None = None
        self.preload_worker: GeneratorWorker[None, None] | None = None
        self._build_actions()

        self.idle = IdleWatcher(self.prefs.auto_lock_minutes, self)
        self.idle.idle.connect(self._auto_lock)
        self.idle.stop()
        self.unlock_view.unlock_requested.connect(self.unlock)
        self.unlock_view.create_requested.connect(self.create_workspace)
        self.unlock_view.open_other_requested.connect(self.open_other)
        session.locked.connect(self._on_locked)
        self._show_locked()
        # while the person types the passphrase, import the workspace screens' code
        QTimer.singleShot(200, self._warm_imports)

    def _warm_imports(self) -> None:
        def load() -> None:
            import desktop.workspace_view  # noqa: F401 - imported for its side effect (cache)

        self._warm_worker: GeneratorWorker[None, None] = call_in_background(
            load, name="warm-imports"
        ).start()

    @property
    def workspace_view(self) -> WorkspaceView:
        """The unlocked workspace's widgets, built on first use so the window appears sooner."""
        if self._workspace_view is None:
            from desktop.workspace_view import WorkspaceView

            self._workspace_view = WorkspaceView(self.session)
            self.stack.addWidget(self._workspace_view)
        return self._workspace_view

    # --- menus -------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_job_action = self._action(
            self.tr("&New job"), "Ctrl+N", lambda: self.workspace_view.new_job()
        )
        self.import_action = self._action(
            self.tr("&Import resumes…"),
            "Ctrl+I",
            lambda: self.workspace_view.importer.choose_files(),
        )
        self.rank_action = self._action(
            self.tr("&Rank candidates"), "F5", lambda: self.workspace_view.ranking.rescore()
        )
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", self.lock)
        self.audit_action = self._action(self.tr("&Audit log"), "Ctrl+Shift+A", self.show_audit)
        self.impact_action = self._action(self.tr("&Impact report…"), None, self.show_impact)
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,", self.show_settings)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.about_action = self._action(self.tr("&About Veil"), None, self.show_about)
        menu = self.menuBar().addMenu(self.tr("&Workspace"))
        for action in (self.new_job_action, self.import_action, self.rank_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(self.quit_action)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        tools.addAction(self.audit_action)
        tools.addAction(self.impact_action)
        tools.addAction(self.settings_action)
        self.people_action = self._action(self.tr("&People: skills, gaps…"), None, self.show_people)
        tools.addAction(self.people_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.workspace_actions = (
            self.new_job_action,
            self.import_action,
            self.rank_action,
            self.lock_action,
            self.audit_action,
            self.impact_action,
            self.people_action,
        )

    # --- lock / unlock -----------------------------------------------------------------------

    def _show_locked(self, message: str = "") -> None:
        self.setWindowTitle(self.tr("Veil — Locked"))
        self.stack.setCurrentWidget(self.unlock_view)
        self.unlock_view.show_for(self.session.path, exists=self.session.exists(), message=message)
        for action in self.workspace_actions:
            action.setEnabled(False)

    def unlock(self, passphrase: str) -> None:
        if self.unlock_worker is not None:
            return
        self.unlock_view.set_busy(True)
        self.unlock_view.message.setText(self.tr("Unlocking…"))
        worker = call_in_background(lambda: self.session.open(passphrase), name="unlock")
        worker.signals.finished.connect(lambda _r: self._on_unlocked())
        worker.signals.failed.connect(self._on_unlock_failed)
        worker.signals.done.connect(self._unlock_done)
        self.unlock_worker = worker
        worker.start()

    def _unlock_done(self) -> None:
        self.unlock_worker = None
        self.unlock_view.set_busy(False)

    def _on_unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphraseError):
            self.unlock_view.show_message(
                self.tr(
                    "That passphrase did not open this workspace. Nothing was changed; try again."
                )
            )
            return
        self.unlock_view.show_message("")
        show_error(self, exc)

    def _on_unlocked(self) -> None:
        if not self.session.is_open:  # locked or closed while the unlock was on its way
            return
        self.prefs.last_workspace = self.session.path
        self.setWindowTitle(self.tr("Veil — %1").replace("%1", self.session.path.stem))
        self.stack.setCurrentWidget(self.workspace_view)
        for action in self.workspace_actions:
            action.setEnabled(True)
        self.workspace_view.reload()
        self.idle.set_timeout_ms(self.prefs.auto_lock_minutes * 60_000)
        self.statusBar().showMessage(self.tr("Unlocked."), 4000)
        self.unlocked.emit()
        self.preload_models()

    def lock(self) -> None:
        if not self.session.is_open:
            return
        self.session.lock()

    def _auto_lock(self) -> None:
        log.info("auto-lock after idle time")
        self.lock()
        self.unlock_view.message.setText(self.tr("Locked after a period without activity."))

    def _on_locked(self) -> None:
        self.idle.stop()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if self._workspace_view is not None:
            self._workspace_view.clear()
        self._show_locked()
        self.statusBar().showMessage(self.tr("Locked."), 4000)
        self.locked.emit()

    # --- first run / another file ------------------------------------------------------------

    def create_workspace(self) -> None:
        from desktop.create_dialog import CreateWorkspaceDialog

        dialog = CreateWorkspaceDialog(self.session.path, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_at(dialog.workspace_path(), dialog.chosen_passphrase())
        dialog.clear_secrets()

    def create_at(self, path: Path, passphrase: str) -> GeneratorWorker[None, None]:
        if self.session.is_open:
            self.session.lock()
        self.session.path = path
        self.unlock_view.set_busy(True)
        self.unlock_view.message.setText(self.tr("Creating the encrypted workspace…"))
        worker = call_in_background(lambda: self.session.create(passphrase), name="create")
        worker.signals.finished.connect(lambda _r: self._on_unlocked())
        worker.signals.failed.connect(self._on_create_failed)
        worker.signals.done.connect(self._unlock_done)
        self.unlock_worker = worker
        return worker.start()

    def _on_create_failed(self, exc: BaseException) -> None:
        self._show_locked()
        show_error(self, exc)

    def open_other(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a workspace"),
            str(self.session.path.parent),
            self.tr("Veil workspace (*.veil);;All files (*)"),
        )
        if chosen:
            self.session.path = Path(chosen)
            self._show_locked()

    # --- models in the background ------------------------------------------------------------

    def preload_models(self) -> None:
        """Import and load the heavy parts on a worker thread, after the window is up."""
        engines = self.session.loaded_engines
        if self.preload_worker is not None:
            return
        if engines is not None and getattr(engines, "loaded", False):
            self.models_label.setText(self.tr("Models ready"))
            return
        self.models_label.setText(self.tr("Loading models…"))
        session = self.session
        worker = call_in_background(lambda: session.engines.load(), name="load-models")
        worker.signals.finished.connect(
            lambda _r: self.models_label.setText(self.tr("Models ready"))
        )
        worker.signals.failed.connect(self._on_models_failed)
        worker.signals.done.connect(lambda: setattr(self, "preload_worker", None))
        self.preload_worker = worker
        QTimer.singleShot(0, worker.start)

    def _on_models_failed(self, exc: BaseException) -> None:
        self.models_label.setText(self.tr("Models not loaded"))
        show_error(self, exc)

    # --- dialogs -----------------------------------------------------------------------------

    def show_audit(self) -> None:
        if self.session.is_open:
            from desktop.audit_view import AuditView

            AuditView(self.session.workspace, self).exec()

    def show_impact(self) -> None:
        """The impact report of the job in view (issue 19)."""
        job_id = self.workspace_view.jobs.current_job_id()
        if self.session.is_open and job_id is not None:
            from desktop.impact_view import ImpactView

            ImpactView(
                self.session.workspace, job_id, actor=self.session.reviewer, parent=self
            ).exec()

    def show_people(self) -> None:
        if self.session.is_open:
            from desktop.people_view import PeopleView

            PeopleView(self.session, self).exec()

    def show_settings(self) -> None:
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.prefs,
            workspace_path=str(self.session.path),
            engines=self.session.loaded_engines,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and self.session.is_open:
            self.idle.set_timeout_ms(self.prefs.auto_lock_minutes * 60_000)

    def show_about(self) -> None:
        from core import __version__

        QMessageBox.about(
            self,
            self.tr("About Veil"),
            self.tr(
                "Veil %1 — private, offline resume screening. Resumes are anonymized before "
                "anyone reads them; scores advise, people decide. Nothing leaves this computer."
            ).replace("%1", __version__),
        )

    # --- quit --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefs.window_geometry = self.saveGeometry()
        self.prefs.sync()
        if self.unlock_worker is not None:
            self.unlock_worker.wait(30)  # an unlock in flight must not leave the database open
        if self.session.is_open:
            self.session.lock()
        engines = self.session.loaded_engines
        if engines is not None and hasattr(engines, "close") and self.preload_worker is None:
            engines.close()
        event.accept()
