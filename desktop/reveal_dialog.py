"""Reveal a candidate's identity: a confirmation that says it is logged, then the original."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.paths import write_atomically
from desktop.error_display import show_error

if TYPE_CHECKING:
    from core.domain import Document


def confirm_reveal(parent: QWidget | None, label: str) -> bool:
    """Ask first; say plainly that the reveal is logged. Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("RevealDialog", "Veil — Reveal identity"))
    box.setText(
        QCoreApplication.translate("RevealDialog", "Reveal the identity of %1?").replace(
            "%1", label
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RevealDialog",
            "This shows the original resume with the name and contact details. It is recorded "
            "in the audit log with your name and the time. Reveal only when you need to contact "
            "the candidate.",
        )
    )
    reveal = box.addButton(
        QCoreApplication.translate("RevealDialog", "Reveal and log"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is reveal


class RevealDialog(QDialog):
    """Shows the original document's text; can save the original file on explicit request."""

    def __init__(self, label: str, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Veil — %1, original").replace("%1", label))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        notice = QLabel(self.tr("This view was recorded in the audit log."))
        layout.addWidget(notice)
        form = QFormLayout()
        for caption, value in (
            (self.tr("File:"), document.filename),
            (self.tr("Type:"), document.media_type),
        ):
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
            form.addRow(caption, shown)
        layout.addLayout(form)
        self.text = QPlainTextEdit(document.text)
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save original…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save_original)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save_original(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the original file"), self.document.filename
        )
        if not target:
            return
        try:
            write_atomically(Path(target), self.document.data)
        except OSError as exc:
            from core.errors import UserError

            show_error(
                self, UserError(self.tr("The file could not be saved."), hint=exc.strerror or "")
            )

    def done(self, result: int) -> None:
        self.text.clear()  # the original text leaves the widget when the dialog closes
        super().done(result)
