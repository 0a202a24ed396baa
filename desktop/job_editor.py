"""Create or edit a job: title, posting text and its requirements; save, or save and re-score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.error_display import show_error
from desktop.requirements_editor import FrameLabels, TextWithRequirements
from desktop.session import Session

if TYPE_CHECKING:
    from core.domain import Job


class JobEditor(QWidget):
    saved = Signal(int)  # job id
    rescore_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job_id: int | None = None
        self._dirty = False
        layout = QVBoxLayout(self)

        self.frame = TextWithRequirements(
            FrameLabels(
                title_example=self.tr("e.g. Senior Data Engineer"),
                title_name=self.tr("Job title"),
                text_box=self.tr("Posting"),
                text_example=self.tr(
                    "Paste the job posting here. Veil suggests requirements from it."
                ),
                text_name=self.tr("Job posting"),
                requirements=self.tr("Requirements"),
                hint=self.tr(
                    "Each requirement is matched against every resume. Must-haves count most; "
                    "the weight says how much a requirement matters."
                ),
                suggest=self.tr("Suggest from posting"),
            )
        )
        self.title, self.posting = self.frame.title, self.frame.text
        self.req_box = self.frame.box
        self.requirements = self.req_box.editor
        self.suggest_button = self.req_box.suggest_button
        self.suggest_button.clicked.connect(self.suggest_requirements)
        layout.addWidget(self.frame, 1)

        buttons = QHBoxLayout()
        self.status = QLabel()
        buttons.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.rescore_button = QPushButton(self.tr("Save and re-score"))
        self.rescore_button.clicked.connect(self.save_and_rescore)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.rescore_button)
        layout.addLayout(buttons)

        self.title.textChanged.connect(self._mark_dirty)
        self.posting.textChanged.connect(self._mark_dirty)
        self.requirements.changed.connect(self._mark_dirty)

        # job-ad checker beside the posting (issue 20): findings as the recruiter types
        from desktop.jobad_panel import JobAdPanel

        self.jobad = JobAdPanel(self.posting, session, job_id=lambda: self.job_id)
        side = QSplitter(Qt.Orientation.Horizontal)
        side.addWidget(self.posting)  # moves the posting out of posting_layout into the split
        side.addWidget(self.jobad)
        side.setSizes([500, 300])
        self.frame.text_layout.addWidget(side)
        self.posting.textChanged.connect(self.jobad.schedule)

    # --- state -------------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        self._dirty = True
        self.status.setText(self.tr("Unsaved changes"))

    @property
    def dirty(self) -> bool:
        return self._dirty

    def new_job(self) -> None:
        self.job_id = None
        self.title.clear()
        self.posting.clear()
        self.requirements.set_requirements([])
        self.save_button.setText(self.tr("Create job"))
        self.rescore_button.setVisible(False)
        self._dirty = False
        self.status.setText(self.tr("New job"))
        self.title.setFocus()

    def load(self, job: Job) -> None:
        self.job_id = job.id
        self.title.setText(job.title)
        self.posting.setPlainText(job.text)
        self.requirements.set_requirements(job.requirements)
        self.save_button.setText(self.tr("Save"))
        self.rescore_button.setVisible(True)
        self._dirty = False
        self.status.clear()

    def clear(self) -> None:
        """Drop everything shown (lock)."""
        self.job_id = None
        self.title.clear()
        self.posting.clear()
        self.requirements.set_requirements([])
        self._dirty = False
        self.status.clear()

    # --- actions -----------------------------------------------------------------------------

    def suggest_requirements(self) -> None:
        text = self.posting.toPlainText().strip()
        if not text:
            self.status.setText(self.tr("Paste the posting first."))
            return
        count = self.req_box.suggest_from(text)
        if count is not None:
            self.status.setText(self.tr("%n requirement(s) suggested. Review them.", "", count))

    def save(self) -> int | None:
        from core.services import create_job, update_job

        title = self.title.text().strip()
        if not title:
            self.status.setText(self.tr("Give the job a title."))
            self.title.setFocus()
            return None
        text = self.posting.toPlainText()
        requirements = self.requirements.requirements() or None
        actor = self.session.reviewer
        try:
            ws = self.session.workspace
            if self.job_id is None:
                job = create_job(ws, title, text, requirements=requirements, actor=actor)
            else:
                job = update_job(
                    ws,
                    self.job_id,
                    title=title,
                    text=text,
                    requirements=requirements,
                    requirements_from_text=True,
                    actor=actor,
                )
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return None
        self.load(job)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(job.id)
        return int(job.id)

    def save_and_rescore(self) -> None:
        job_id = self.save()
        if job_id is not None:
            self.rescore_requested.emit(job_id)
