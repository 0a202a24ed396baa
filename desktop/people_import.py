"""Import employees' documents for a role: the resume import panel (drop or choose files and
folders, progress, Cancel, a result per file) storing each file as a document of a person.

Each folder is one person: the files of ``team/ana/`` become Ana's documents, found again by
that folder name on a later import. The documents are redacted and kept apart from candidates
as ``core.services.people.import_people`` does for ``veil people import --person-by-folder``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.import_panel import RESUME_PATTERNS, ImportPanel

if TYPE_CHECKING:
    from core.services import FileOutcome, ImportSummary, Progress
    from core.services.people import Role
    from desktop.session import Session


class PeopleImportPanel(ImportPanel):
    """``set_job(role_id)`` chooses the role; ``imported`` carries the role's id."""

    running = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.drop_label.setText(
            self.tr(
                "Drop employees' documents here (reviews, self-assessments, CVs): files, "
                "folders or ZIP archives. Each folder is one person."
            )
        )

    def dialog_texts(self) -> tuple[str, str, str]:
        return (
            self.tr("Choose documents (the files of one folder are one person)"),
            self.tr("Documents (%1);;All files (*)").replace("%1", RESUME_PATTERNS),
            self.tr("Choose a folder: each folder in it is one person"),
        )

    def run_factory(
        self, paths: list[Path], job_id: int
    ) -> Callable[[], Generator[Progress, None, ImportSummary]]:
        from core.services.people import folder_person, import_people

        ws, engines, actor = self.session.workspace, self.session.engines, self.session.reviewer
        return lambda: import_people(
            ws, engines, paths, role_id=job_id, actor=actor, person_of=folder_person
        )

    def _set_running(self, running: bool) -> None:
        super()._set_running(running)
        self.running.emit(running)

    def _describe(self, outcome: FileOutcome) -> str:
        if outcome.status == "duplicate":
            return self.tr("Duplicate: this document is already stored for a person")
        return super()._describe(outcome)


class PeopleImportDialog(QDialog):
    """The panel for one role, in a window of its own; it stays open while the import runs."""

    def __init__(self, session: Session, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Veil — Import documents: %1").replace("%1", role.title))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Documents are anonymized before anyone reads them and kept apart from "
                "candidates. Folder names are kept, encrypted, only to find a person again: "
                "the heatmap shows numbers, not names."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.panel = PeopleImportPanel(session)
        self.panel.set_job(role.id)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.panel.running.connect(lambda on: self.close_button.setEnabled(not on))
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Closing waits for the import: Cancel it first (files already done are kept)."""
        if self.panel.worker is None:
            super().reject()
