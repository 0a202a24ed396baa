"""Settings: compute device, auto-lock time, language, where the data lives, the model in use."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES
from desktop.preferences import DEVICES, Preferences


class SettingsDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        *,
        workspace_path: str,
        engines: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("Veil — Settings"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()

        self.device = QComboBox()
        names = {"auto": self.tr("Automatic"), "cpu": self.tr("CPU"), "gpu": self.tr("GPU (CUDA)")}
        for value in DEVICES:
            self.device.addItem(names[value], value)
        self.device.setCurrentIndex(DEVICES.index(prefs.device))
        form.addRow(self.tr("Compute device:"), self.device)

        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setValue(prefs.auto_lock_minutes)
        form.addRow(self.tr("Lock after idle:"), self.auto_lock)

        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(prefs.language)
        self.language.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("Language:"), self.language)

        location = QLabel(workspace_path)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        location.setWordWrap(True)
        form.addRow(self.tr("Data location:"), location)

        name, model_hash, device = self.tr("Not loaded yet"), "—", "—"
        encoder = getattr(engines, "_encoder", None) if engines is not None else None
        if encoder is not None:
            name = str(getattr(encoder, "name", "")) or self.tr("unnamed model")
            model_hash = str(getattr(encoder, "model_hash", "—"))
            device = str(getattr(encoder, "device", "—"))
        elif engines is not None and getattr(engines, "loaded", False):
            name = self.tr("Test scorer (no encoder)")
        self.model_name = QLabel(name)
        self.model_hash = QLabel(model_hash)
        self.model_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model_hash.setWordWrap(True)
        form.addRow(self.tr("Model:"), self.model_name)
        form.addRow(self.tr("Model SHA-256:"), self.model_hash)
        form.addRow(self.tr("Running on:"), QLabel(device))
        layout.addLayout(form)

        layout.addSpacing(8)
        note = QLabel(self.tr("A new device or language applies the next time Veil starts."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.prefs.device = str(self.device.currentData())
        self.prefs.auto_lock_minutes = self.auto_lock.value()
        self.prefs.language = str(self.language.currentData())
        self.prefs.sync()
        super().accept()
