"""The list of jobs on the left of the workspace; selecting one opens it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from core.domain import Job


class JobsPanel(QWidget):
    job_selected = Signal(int)
    new_job_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        heading = QLabel(self.tr("Jobs"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Jobs"))
        self.list.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.list, 1)
        self.empty_hint = QLabel(self.tr("No jobs yet. Create one to start."))
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.empty_hint)
        self.new_button = QPushButton(self.tr("New job"))
        self.new_button.setToolTip(self.tr("Create a job (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_job_requested)
        layout.addWidget(self.new_button)

    def set_jobs(self, jobs: Sequence[Job], *, select: int | None = None) -> None:
        current = select if select is not None else self.current_job_id()
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for job in jobs:
            count = len(job.requirements)
            item = QListWidgetItem(job.title)
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            item.setToolTip(self.tr("%n requirement(s)", "", count))
            self.list.addItem(item)
            if job.id == current:
                chosen = item
        self.list.blockSignals(False)
        self.empty_hint.setVisible(not jobs)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self.job_selected.emit(int(chosen.data(Qt.ItemDataRole.UserRole)))

    def current_job_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_quietly(self, job_id: int | None) -> None:
        """Select ``job_id`` without announcing it (undo a refused switch)."""
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == job_id:
                self.list.setCurrentItem(item)
                break
        else:
            self.list.clearSelection()
        self.list.blockSignals(False)

    def clear(self) -> None:
        self.list.clear()
        self.empty_hint.setVisible(True)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.job_selected.emit(int(current.data(Qt.ItemDataRole.UserRole)))
