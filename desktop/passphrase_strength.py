"""A passphrase strength estimate and the meter that shows it.

The estimate is deliberately simple and conservative: bits of entropy from length and the
character classes used, minus penalties for repeats, sequences and very common passwords.
Long passphrases of several words score well, which is what we want people to choose.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

MIN_LENGTH = 8
_COMMON = frozenset(
    {
        "password",
        "passw0rd",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "iloveyou",
        "admin123",
        "letmein1",
        "welcome1",
        "password1",
        "abc12345",
        "11111111",
        "00000000",
        "qwerty123",
        "veilveil",
        "changeme",
    }
)
LEVELS = ("too short", "weak", "fair", "good", "strong")


def entropy_bits(passphrase: str) -> float:
    if not passphrase:
        return 0.0
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"\d", passphrase):
        pool += 10
    if re.search(r"[^A-Za-z0-9\s]", passphrase):
        pool += 33
    if re.search(r"\s", passphrase):
        pool += 1
    if re.search(r"[^\x00-\x7f]", passphrase):
        pool += 100
    bits = len(passphrase) * math.log2(max(pool, 2))
    distinct = len(set(passphrase))
    if distinct <= 2:
        bits = min(bits, 8.0)
    elif distinct < len(passphrase) / 3:
        bits *= 0.5
    lowered = passphrase.lower()
    if lowered in _COMMON or lowered.rstrip("!1") in _COMMON:
        bits = min(bits, 10.0)
    if re.fullmatch(r"(0123456789|abcdefghijklmnopqrstuvwxyz)+", lowered[:10]):
        bits *= 0.5
    return bits


def strength(passphrase: str) -> int:
    """0 (too short) .. 4 (strong)."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    bits = entropy_bits(passphrase)
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


def level_text(level: int) -> str:
    names = {
        0: QCoreApplication.translate("Strength", "Too short (at least 8 characters)"),
        1: QCoreApplication.translate("Strength", "Weak"),
        2: QCoreApplication.translate("Strength", "Fair"),
        3: QCoreApplication.translate("Strength", "Good"),
        4: QCoreApplication.translate("Strength", "Strong"),
    }
    return names[max(0, min(level, 4))]


class StrengthMeter(QWidget):
    """A four-step bar and a word; call ``update_for(passphrase)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = QLabel()
        self.label.setMinimumWidth(180)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self.level = 0
        self.update_for("")

    def update_for(self, passphrase: str) -> int:
        self.level = strength(passphrase)
        self.bar.setValue(self.level)
        self.label.setText(level_text(self.level) if passphrase else "")
        colors = {0: "#c62828", 1: "#c62828", 2: "#b26a00", 3: "#2e7d32", 4: "#1b5e20"}
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background-color: {colors[self.level]}; }}")
        return self.level
