"""Create or edit a role: title, profile text (its competency framework, English or Chinese)
and the competencies read from it, editable as a job's requirements (weight, must / nice).

A new role takes all three. A saved role's title and profile are shown as they are stored (the
workspace changes a role's competencies only); its competencies are edited and can be read
again from the profile. Saving is one quick write on the GUI thread, as the job editor's is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.error_display import show_error
from desktop.requirements_editor import FrameLabels, TextWithRequirements

if TYPE_CHECKING:
    from core.services.people import Role
    from desktop.session import Session


class RoleEditor(QDialog):
    """``role`` None: a new role. ``saved`` carries the role's id once it is stored."""

    saved = Signal(int)

    def __init__(
        self, session: Session, role: Role | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.role = role
        self.resize(820, 680)
        layout = QVBoxLayout(self)

        self.frame = TextWithRequirements(
            FrameLabels(
                title_example=self.tr("e.g. Data Analyst"),
                title_name=self.tr("Role title"),
                text_box=self.tr("Role profile"),
                text_example=self.tr(
                    "Paste the role's competency framework here, English or Chinese: lines "
                    "under “Requirements” are must-haves, under “Nice to have” nice-to-haves "
                    "(任职要求 / 加分项 likewise)."
                ),
                text_name=self.tr("Role profile"),
                requirements=self.tr("Competencies"),
                hint=self.tr(
                    "Each competency is matched against every person's documents. Must-haves "
                    "count most; the weight says how much a competency matters."
                ),
                suggest=self.tr("Read from the profile"),
                column=self.tr("Competency"),
                accessible=self.tr("Competencies"),
            )
        )
        self.title, self.profile, self.box = self.frame.title, self.frame.text, self.frame.box
        self.competencies = self.box.editor
        for button in self.box.findChildren(QPushButton):  # Enter in the title saves, not "Add"
            button.setAutoDefault(False)
        self.box.suggest_button.clicked.connect(self.suggest_competencies)
        self.frame.splitter.setSizes([220, 360])
        layout.addWidget(self.frame, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show(role)
        self.dirty = False
        for changed in (self.title.textChanged, self.profile.textChanged):
            changed.connect(self._mark_dirty)
        self.competencies.changed.connect(self._mark_dirty)

    def _mark_dirty(self) -> None:
        self.dirty = True

    def _show(self, role: Role | None) -> None:
        editing = role is not None
        self.setWindowTitle(self.tr("Veil — Edit role") if editing else self.tr("Veil — New role"))
        self.save_button.setText(self.tr("Save") if editing else self.tr("Create role"))
        if role is None:
            self.title.setFocus()
            return
        self.title.setText(role.title)
        self.profile.setPlainText(role.text)
        self.competencies.set_requirements(role.competencies)
        self.competencies.table.setFocus()

    # --- actions -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Escape or the window's close: unsaved changes are saved, discarded, or kept
        open (Cancel), as the job editor asks."""
        if self.dirty:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                self.tr("Veil — Unsaved role"),
                self.tr("This role has unsaved changes."),
                buttons.Save | buttons.Discard | buttons.Cancel,
                buttons.Save,
            )
            if answer == buttons.Save:
                self.save()
                return
            if answer != buttons.Discard:
                return
        super().reject()

    def suggest_competencies(self) -> None:
        text = self.profile.toPlainText().strip()
        if not text:
            self.status.setText(self.tr("Paste the role profile first."))
            self.profile.setFocus()
            return
        count = self.box.suggest_from(text)
        if count is not None:
            self.status.setText(self.tr("%n competency(ies) read. Review them.", "", count))

    def _refuse(self, message: str, focus: QWidget) -> None:
        self.status.setText(message)
        focus.setFocus()

    def save(self) -> int | None:
        """Store the role (a new one, or the competencies of this one); its id, or None when
        something is missing (said in the status line) or the workspace refused (shown)."""
        from core.services import suggest_requirements
        from core.services.people import create_role, update_role

        title = " ".join(self.title.text().split())
        text = self.profile.toPlainText()
        if not title:
            self._refuse(self.tr("Give the role a title."), self.title)
            return None
        if not text.strip():
            self._refuse(self.tr("Paste the role profile first."), self.profile)
            return None
        competencies = self.competencies.requirements()
        ws, actor = self.session.workspace, self.session.reviewer
        try:
            if self.role is None and not competencies:
                competencies = suggest_requirements(text)
            if not competencies:
                self._refuse(
                    self.tr(
                        "No competencies: add at least one, or write the profile with lines "
                        "under “Requirements”."
                    ),
                    self.competencies.table,
                )
                return None
            if self.role is None:
                role = create_role(ws, title, text, competencies=competencies, actor=actor)
            else:
                role = update_role(
                    ws, self.role.id, competencies, title=title, text=text, actor=actor
                )
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return None
        self.role = role
        self.saved.emit(role.id)
        self.accept()
        return int(role.id)
