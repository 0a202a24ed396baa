"""First run: create an encrypted workspace (passphrase twice, a strength meter, its location)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import paths
from desktop.passphrase_strength import MIN_LENGTH, StrengthMeter


class CreateWorkspaceDialog(QDialog):
    """Asks where the workspace lives and its passphrase. The caller creates it (off the GUI)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Veil — Create a workspace"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Veil keeps resumes, scores and decisions in one encrypted file. Choose a "
                "passphrase you can remember: without it nobody, not even you, can open the "
                "workspace again."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.path_edit = QLineEdit(str(path))
        self.path_edit.setAccessibleName(self.tr("Workspace file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Workspace file:"), row)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.meter = StrengthMeter()
        form.addRow("", self.meter)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        form.addRow(self.tr("Repeat:"), self.repeat)
        layout.addLayout(form)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create workspace"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.passphrase.textChanged.connect(self._validate)
        self.repeat.textChanged.connect(self._validate)
        self.path_edit.textChanged.connect(self._validate)
        self._validate()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Where should the workspace live?"),
            self.path_edit.text(),
            self.tr("Veil workspace (*.veil)"),
        )
        if chosen:
            if not chosen.endswith(paths.WORKSPACE_SUFFIX):
                chosen += paths.WORKSPACE_SUFFIX
            self.path_edit.setText(chosen)

    def _validate(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        level = self.meter.update_for(first)
        target = self.path_edit.text().strip()
        blocking = ""
        if not target:
            blocking = self.tr("Choose where the workspace file goes.")
        elif Path(target).expanduser().exists():
            blocking = self.tr("A file already exists there. Choose another name.")
        elif len(first) < MIN_LENGTH:
            blocking = self.tr("Use at least %n characters.", "", MIN_LENGTH)
        elif not second:
            blocking = self.tr("Type the passphrase again to confirm it.")
        elif second != first:
            blocking = self.tr("The two passphrases differ.")
        advice = ""
        if not blocking and level <= 1:
            advice = self.tr("This passphrase is weak. A few unrelated words make a strong one.")
        self.hint.setText(blocking or advice)
        self.create_button.setEnabled(not blocking)

    def workspace_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def chosen_passphrase(self) -> str:
        return self.passphrase.text()

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
