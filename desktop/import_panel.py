"""Import resumes into the current job: drop files, folders or ZIPs, or choose them; see each
file's result. File names appear only here, for the person who imported them, and never next
to a candidate number (blind review stays blind)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.error_display import show_error
from desktop.session import Session
from desktop.worker import GeneratorWorker

if TYPE_CHECKING:
    from core.services import FileOutcome, ImportSummary, Progress

RESUME_PATTERNS = "*.pdf *.docx *.txt *.md *.rtf *.odt *.png *.jpg *.jpeg *.tif *.tiff *.zip"


class ImportPanel(QWidget):
    imported = Signal(int)  # job id, after an import that added at least one candidate

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job_id: int | None = None
        self.worker: GeneratorWorker[Progress, ImportSummary] | None = None
        self.running_job_id: int | None = None  # the job the running import adds to
        self.counts = {"imported": 0, "duplicate": 0, "failed": 0}
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)

        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setMinimumHeight(110)
        zone = QVBoxLayout(self.drop_zone)
        self.drop_label = QLabel(
            self.tr("Drop resumes here: files (PDF, Word, text, images), folders or ZIP archives.")
        )
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setWordWrap(True)
        zone.addWidget(self.drop_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.files_button = QPushButton(self.tr("Choose files…"))
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("Choose a folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        zone.addLayout(row)
        layout.addWidget(self.drop_zone)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m files"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.results = QTableWidget(0, 2)
        self.results.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result")])
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.results.verticalHeader().setVisible(False)
        self.results.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setAccessibleName(self.tr("Import results"))
        layout.addWidget(self.results, 1)
        self._set_running(False)

    # --- input -------------------------------------------------------------------------------

    def set_job(self, job_id: int | None) -> None:
        if job_id != self.job_id and self.worker is None:
            self.results.setRowCount(0)
            self.summary.clear()
        self.job_id = job_id
        self.setEnabled(job_id is not None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.job_id is not None and self.worker is None:
            event.acceptProposedAction()
            self._highlight_drop(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight_drop(False)

    def _highlight_drop(self, on: bool) -> None:
        color = self.palette().color(QPalette.ColorRole.Highlight).name()
        self.drop_zone.setStyleSheet(
            f"#dropZone {{ border: 2px dashed {color}; border-radius: 6px; }}" if on else ""
        )

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight_drop(False)
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def dialog_texts(self) -> tuple[str, str, str]:
        """The file chooser's title and filter and the folder chooser's title (a subclass
        importing other documents says so)."""
        return (
            self.tr("Choose resumes"),
            self.tr("Resumes (%1);;All files (*)").replace("%1", RESUME_PATTERNS),
            self.tr("Choose a folder of resumes"),
        )

    def choose_files(self) -> None:
        if self.job_id is None or self.worker is not None:
            return
        title, patterns, _ = self.dialog_texts()
        files, _ = QFileDialog.getOpenFileNames(self, title, "", patterns)
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.dialog_texts()[2])
        if folder:
            self.import_paths([Path(folder)])

    # --- the run -----------------------------------------------------------------------------

    def import_paths(
        self, paths: Sequence[Path]
    ) -> GeneratorWorker[Progress, ImportSummary] | None:
        if self.job_id is None or self.worker is not None:
            return None
        job_id = self.job_id
        run = self.run_factory(list(paths), job_id)
        self.results.setRowCount(0)
        self.counts = dict.fromkeys(self.counts, 0)
        self.summary.setText(
            self.tr("Reading and anonymizing… the first file also loads the models.")
        )
        self.progress.setRange(0, 0)
        worker = GeneratorWorker(run, name="import")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        worker.signals.done.connect(self._on_done)
        self.worker = worker
        self.running_job_id = job_id
        self._set_running(True)
        self.session.start(worker)
        return worker

    def run_factory(
        self, paths: list[Path], job_id: int
    ) -> Callable[[], Generator[Progress, None, ImportSummary]]:
        """The import to run on the worker: ``paths`` into the job (a subclass imports
        elsewhere, e.g. employees' documents for a role)."""
        from core.services import import_paths

        ws, engines, actor = self.session.workspace, self.session.engines, self.session.reviewer
        return lambda: import_paths(ws, engines, paths, job_id=job_id, actor=actor)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.summary.setText(self.tr("Stopping after the current file…"))
            self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.files_button.setEnabled(not running)
        self.folder_button.setEnabled(not running)

    def _on_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        from core.services import FileOutcome

        outcome = progress.item
        if not isinstance(outcome, FileOutcome):
            return
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        row = self.results.rowCount()
        self.results.insertRow(row)
        label = str(outcome.label)
        name = QTableWidgetItem(label.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1])
        name.setToolTip(QtGui.Qt.convertFromPlainText(label))  # tooltips take markup: escape it
        self.results.setItem(row, 0, name)
        result = QTableWidgetItem(self._describe(outcome))
        color = {"imported": "met", "duplicate": "partly", "failed": "missing"}[outcome.status]
        result.setForeground(theme.status_color(color, self.palette()))
        result.setToolTip(result.text())
        self.results.setItem(row, 1, result)
        self.results.scrollToBottom()

    def _describe(self, outcome: FileOutcome) -> str:
        if outcome.status == "imported":
            return self.tr("Imported and anonymized")
        if outcome.status == "duplicate":
            return self.tr("Duplicate: this file is already in the workspace (added to this job)")
        return self.tr("Not imported: %1").replace("%1", outcome.error or self.tr("unreadable"))

    def _counts_text(self) -> str:
        return (
            self.tr("%1 imported, %2 duplicates, %3 failed.")
            .replace("%1", str(self.counts.get("imported", 0)))
            .replace("%2", str(self.counts.get("duplicate", 0)))
            .replace("%3", str(self.counts.get("failed", 0)))
        )

    def _on_finished(self, _summary: object) -> None:
        if not any(self.counts.values()):
            self.summary.setText(self.tr("No files found in what you chose (empty folders?)."))
            return
        self.summary.setText(self.tr("Done: ") + self._counts_text())
        job_id = self.running_job_id
        if job_id is not None and (self.counts["imported"] or self.counts["duplicate"]):
            self.imported.emit(job_id)

    def _on_cancelled(self) -> None:
        self.summary.setText(
            self.tr("Cancelled. Files finished before the stop are kept: ") + self._counts_text()
        )
        job_id = self.running_job_id
        if job_id is not None and self.counts["imported"] and self.session.is_open:
            self.imported.emit(job_id)

    def _on_failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The import stopped: ") + self._counts_text())
        show_error(self, exc)

    def _on_done(self) -> None:
        self.worker = None
        self._set_running(False)

    def clear(self) -> None:
        """Drop everything shown (lock)."""
        self.results.setRowCount(0)
        self.summary.clear()
        self.job_id = None
