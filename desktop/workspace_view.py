"""The unlocked workspace: jobs on the left; for the selected job, its ranking (with the
candidate detail), its import and its editor in tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.candidate_view import CandidateView
from desktop.error_display import show_error
from desktop.import_panel import ImportPanel
from desktop.job_editor import JobEditor
from desktop.jobs_panel import JobsPanel
from desktop.ranking_model import CANDIDATE_ROLE
from desktop.ranking_view import RankingView
from desktop.session import Session

TAB_RANKING, TAB_IMPORT, TAB_JOB = range(3)


class WorkspaceView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.jobs = JobsPanel()
        splitter.addWidget(self.jobs)

        self.tabs = QTabWidget()
        self.review = QStackedWidget()
        self.ranking = RankingView(session)
        self._ranking_on_load: int | None = None
        self.candidate = CandidateView(session)
        self.review.addWidget(self.ranking)
        self.review.addWidget(self.candidate)
        self.importer = ImportPanel(session)
        self.editor = JobEditor(session)
        self.tabs.addTab(self.review, self.tr("Ranking"))
        self.tabs.addTab(self.importer, self.tr("Import"))
        self.tabs.addTab(self.editor, self.tr("Job"))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 980])
        layout.addWidget(splitter)

        self.jobs.job_selected.connect(self.open_job)
        self.jobs.new_job_requested.connect(self.new_job)
        self.editor.saved.connect(self._job_saved)
        self.editor.rescore_requested.connect(self._rescore)
        self.importer.imported.connect(self._rescore)
        # the job-ad panel's pool check reads the stored scores: read it again after a ranking
        self.ranking.ranked.connect(self._pool_changed)
        self.ranking.candidate_activated.connect(self.open_candidate)
        self.ranking.loaded.connect(self._ranking_loaded)
        self.candidate.back_requested.connect(self.back_to_ranking)
        self.candidate.step_requested.connect(self.step_candidate)
        self.candidate.decided.connect(self.ranking.update_status)
        self.candidate.erased.connect(lambda _cid: self.open_job(self.job_id or 0))

    # --- navigation --------------------------------------------------------------------------

    def reload(self) -> None:
        """Fill the views from the (just unlocked) workspace."""
        from core.services import list_jobs

        try:
            jobs = list_jobs(self.session.workspace)
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return
        self.jobs.set_jobs(
            jobs, select=self.job_id if self.job_id else (jobs[0].id if jobs else None)
        )
        if not jobs:
            self.new_job()

    def _may_leave_editor(self, next_job: int | None) -> bool:
        """Unsaved job edits: save, discard, or stay (Cancel)."""
        if not self.editor.dirty or (next_job is not None and next_job == self.editor.job_id):
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Veil — Unsaved job"))
        box.setText(self.tr("The job you were editing has unsaved changes."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save() is not None
        return answer == QMessageBox.StandardButton.Discard

    def open_job(self, job_id: int) -> None:
        if not self._may_leave_editor(job_id):
            self.jobs.select_quietly(self.editor.job_id)
            return
        from core.services import get_job

        try:
            job = get_job(self.session.workspace, job_id)
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return
        self.job_id = job_id
        self.editor.load(job)
        self.importer.set_job(job_id)
        self.ranking.set_job(job_id)
        self.review.setCurrentWidget(self.ranking)
        self.tabs.setTabEnabled(TAB_RANKING, True)
        self.tabs.setTabEnabled(TAB_IMPORT, True)
        # once its ranking is read (on a worker), a job with candidates opens on the ranking
        self._ranking_on_load = job_id if self.tabs.currentIndex() == TAB_JOB else None

    def _ranking_loaded(self, job_id: int) -> None:
        if job_id != self._ranking_on_load:
            return
        self._ranking_on_load = None
        if self.tabs.currentIndex() == TAB_JOB and self.ranking.model.rowCount():
            self.tabs.setCurrentIndex(TAB_RANKING)

    def new_job(self) -> None:
        if not self._may_leave_editor(None):
            return
        self.job_id = None
        self.jobs.list.clearSelection()
        self.editor.new_job()
        self.importer.set_job(None)
        self.ranking.set_job(None)
        self.tabs.setTabEnabled(TAB_RANKING, False)
        self.tabs.setTabEnabled(TAB_IMPORT, False)
        self.tabs.setCurrentIndex(TAB_JOB)

    def _job_saved(self, job_id: int) -> None:
        first_save = self.job_id != job_id
        self.job_id = job_id
        from core.services import list_jobs

        self.jobs.set_jobs(list_jobs(self.session.workspace), select=job_id)
        if first_save:
            self.tabs.setCurrentIndex(TAB_IMPORT)

    def _pool_changed(self, job_id: int) -> None:
        if job_id == self.editor.job_id:
            self.editor.jobad.refresh_pool()

    def _rescore(self, job_id: int) -> None:
        if job_id != self.job_id:
            return
        self.tabs.setCurrentIndex(TAB_RANKING)
        self.back_to_ranking()
        self.ranking.rescore()

    def open_candidate(self, candidate_id: int) -> None:
        if self.job_id is None:
            return
        if self.candidate.show_candidate(self.job_id, candidate_id):
            self.tabs.setCurrentIndex(TAB_RANKING)
            self.review.setCurrentWidget(self.candidate)

    def step_candidate(self, delta: int) -> None:
        """Open the previous or next candidate in the ranking's current order and filter."""
        table = self.ranking.table
        proxy = self.ranking.proxy
        current = self.candidate.candidate_id
        rows = [proxy.index(r, 0).data(CANDIDATE_ROLE) for r in range(proxy.rowCount())]
        if current not in rows:
            return
        target = rows.index(current) + delta
        if 0 <= target < len(rows):
            table.selectRow(target)
            self.open_candidate(int(rows[target]))

    def back_to_ranking(self) -> None:
        self.review.setCurrentWidget(self.ranking)
        self.ranking.table.setFocus()

    def clear(self) -> None:
        """Drop every piece of decrypted data the views hold (lock)."""
        self.job_id = None
        self.jobs.clear()
        self.ranking.clear()
        self.candidate.clear()
        self.importer.clear()
        self.editor.clear()
        self.review.setCurrentWidget(self.ranking)
