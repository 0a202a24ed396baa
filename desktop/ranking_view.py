"""A job's ranking: filter, score distribution, the sortable table; Enter opens a candidate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.error_display import show_error
from desktop.ranking_model import (
    CANDIDATE_ROLE,
    COL_CANDIDATE,
    COL_DATE,
    COL_EVIDENCE,
    COL_MUST,
    COL_RANK,
    COL_SCORE,
    COL_STATUS,
    RankingFilter,
    RankingTableModel,
    rows_from_service,
)
from desktop.score_bar_delegate import ScoreBarDelegate
from desktop.score_chart import ScoreChart
from desktop.session import Session
from desktop.worker import GeneratorWorker, alive, call_in_background

if TYPE_CHECKING:
    from collections.abc import Generator

    from core.services import Progress, RankingPage


class RankingView(QWidget):
    candidate_activated = Signal(int)
    ranked = Signal(int)  # job id, after a ranking run finished
    loaded = Signal(int)  # job id, after its ranking was read and shown

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job_id: int | None = None
        self.worker: GeneratorWorker[Progress, RankingPage] | None = None
        self._reads = 0  # refreshes started: only the latest one's page is shown
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by candidate number or evidence…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Decision filter"))
        for text, value in (
            (self.tr("All decisions"), None),
            (self.tr("Not decided"), ""),
            (self.tr("Shortlisted"), "shortlist"),
            (self.tr("On hold"), "hold"),
            (self.tr("Rejected"), "reject"),
        ):
            self.status_combo.addItem(text, value)
        self.musts_only = QCheckBox(self.tr("All must-haves met"))
        self.rank_button = QPushButton(self.tr("Rank candidates"))
        self.rank_button.setToolTip(self.tr("Score every candidate of this job again (F5)"))
        self.rank_button.clicked.connect(self.rescore)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.musts_only)
        bar.addWidget(self.rank_button)
        layout.addLayout(bar)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("Scoring %v of %m"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        self.chart = ScoreChart()
        layout.addWidget(self.chart)

        self.model = RankingTableModel(self)
        self.proxy = RankingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_RANK, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(COL_SCORE, ScoreBarDelegate(self.table))
        self.table.setAccessibleName(self.tr("Ranking"))
        header = self.table.horizontalHeader()
        for col in (COL_RANK, COL_CANDIDATE, COL_MUST, COL_STATUS, COL_DATE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SCORE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_SCORE, 160)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)

        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_combo.currentData())
        )
        self.musts_only.toggled.connect(self.proxy.set_musts_only)
        self._set_running(False)

    # --- data --------------------------------------------------------------------------------

    def set_job(self, job_id: int | None) -> None:
        self.job_id = job_id
        self.refresh()

    def refresh(self) -> None:
        """Read the job's ranking on a worker (65 ms for 1,000 candidates: more than a frame)
        and show it when it arrives, unless another refresh or another job came first."""
        self._reads += 1
        if self.job_id is None or not self.session.is_open:
            self.model.clear()
            self.chart.set_scores([])
            self._update_empty()
            return
        from core.services import ranking_page

        ws, job_id, read = self.session.workspace, self.job_id, self._reads
        reader = call_in_background(lambda: ranking_page(ws, job_id), name="read-ranking")
        reader.signals.finished.connect(lambda page: self._show(job_id, page, read))
        reader.signals.failed.connect(lambda exc: self._read_failed(exc, read))
        self.session.start(reader)

    def _read_failed(self, exc: BaseException, read: int) -> None:
        if alive(self) and read == self._reads and self.session.is_open:
            show_error(self, exc)

    def _show(self, job_id: int, page: RankingPage, read: int | None = None) -> None:
        if not alive(self):
            return  # the window was closed while the page was read
        if (read is not None and read != self._reads) or job_id != self.job_id:
            return  # a later refresh, or another job, is what the view shows now
        if not self.session.is_open:
            return
        self.model.set_rows(rows_from_service(page.rows, page.added_at))
        self.chart.set_scores([r.score for r in self.model.rows()])
        self._update_empty(unscored=page.unscored)
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.loaded.emit(job_id)

    def _update_empty(self, unscored: int = 0) -> None:
        if self.job_id is None:
            text = self.tr("Choose or create a job.")
        elif self.model.rowCount() == 0 and unscored <= 0:
            text = self.tr("No candidates yet. Import resumes in the Import tab.")
        elif unscored > 0:
            text = self.tr("%n candidate(s) not scored yet: press Rank candidates.", "", unscored)
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def update_status(self, candidate_id: int, status: str, reason: str = "") -> None:
        self.model.update_status(candidate_id, status, reason)

    def clear(self) -> None:
        """Drop everything shown (lock)."""
        self.job_id = None
        self.model.clear()
        self.chart.set_scores([])
        self.filter_edit.clear()

    def current_candidate(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(CANDIDATE_ROLE)) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.candidate_activated.emit(int(index.data(CANDIDATE_ROLE)))

    # --- scoring -----------------------------------------------------------------------------

    def rescore(self) -> GeneratorWorker[Progress, RankingPage] | None:
        if self.job_id is None or self.worker is not None:
            return None
        from core.services import rank_job, ranking_page

        ws, engines, job_id = self.session.workspace, self.session.engines, self.job_id
        actor = self.session.reviewer

        def rank_then_read() -> Generator[Progress, None, RankingPage]:
            yield from rank_job(ws, engines, job_id, actor=actor)
            return ranking_page(ws, job_id)  # read on the worker too

        worker = GeneratorWorker(rank_then_read, name="rank")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(lambda page: self._on_finished(job_id, page))
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._show_stored)
        worker.signals.done.connect(self._on_done)
        self.worker = worker
        self.progress.setRange(0, 0)
        self._set_running(True)
        self.session.start(worker)
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.rank_button.setEnabled(not running)

    def _on_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)

    def _on_finished(self, job_id: int, page: RankingPage) -> None:
        self._reads += 1  # any read started during the run is older than this page
        self._show(job_id, page)
        self.ranked.emit(job_id)

    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._show_stored()

    def _show_stored(self) -> None:
        """A run that stopped (cancelled or failed): show the scores stored so far."""
        if self.session.is_open:
            self.refresh()

    def _on_done(self) -> None:
        self.worker = None
        self._set_running(False)
