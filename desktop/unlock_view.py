"""The locked state: the window's only content until the right passphrase is typed.

A wrong passphrase gives a calm message and touches no data (the workspace refuses to open
and changes no byte). When no workspace exists yet, the page offers to create one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class UnlockView(QWidget):
    unlock_requested = Signal(str)  # the passphrase
    create_requested = Signal()
    open_other_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(480)
        card.setMinimumWidth(420)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)

        self.title = QLabel(self.tr("Veil"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setForegroundRole(self.path_label.foregroundRole())
        layout.addWidget(self.path_label)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        layout.addWidget(self.passphrase)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        layout.addWidget(self.message)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        layout.addWidget(self.busy)

        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create a workspace…"))
        self.create_button.clicked.connect(self.create_requested)
        self.other_button = QPushButton(self.tr("Open another…"))
        self.other_button.clicked.connect(self.open_other_requested)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    def show_for(self, path: Path, *, exists: bool, message: str = "") -> None:
        self.path_label.setText(self.tr("Workspace: %1").replace("%1", str(path)))
        if exists:
            self.subtitle.setText(self.tr("This workspace is locked. Type its passphrase."))
        else:
            self.subtitle.setText(
                self.tr("No workspace yet. Create one to start, or open an existing file.")
            )
        self.passphrase.setVisible(exists)
        self.unlock_button.setVisible(exists)
        self.create_button.setDefault(not exists)
        self.message.setText(message)
        self.set_busy(False)
        if exists:
            self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.unlock_button, self.create_button, self.other_button):
            widget.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _submit(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_message(self.tr("Type the passphrase first."))
            return
        self.passphrase.clear()
        self.unlock_requested.emit(passphrase)
