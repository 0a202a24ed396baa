"""Look: the platform's native style, following the system's light or dark colour scheme.

Qt 6 picks the scheme up from the platform (GNOME/KDE portals, Windows, macOS) and Fusion draws
it. ``VEIL_THEME=light|dark`` forces one (screenshots, people who want it). Our own colours
(score bars, placeholder marks, evidence highlight) are derived from the palette at paint time,
so they follow a scheme change without a restart.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication) -> None:
    forced = os.environ.get("VEIL_THEME", "").strip().lower()
    hints = QGuiApplication.styleHints()
    if forced in ("light", "dark"):
        hints.setColorScheme(Qt.ColorScheme.Dark if forced == "dark" else Qt.ColorScheme.Light)
    # Linux without a desktop theme plugin (xcb, offscreen): Fusion is Qt's native-looking style
    # and the one that draws both schemes.
    if app.style().name().lower() not in ("windows11", "windowsvista", "macos"):
        app.setStyle("Fusion")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accent(palette: QPalette | None = None) -> QColor:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Highlight)


def placeholder_background(palette: QPalette | None = None) -> QColor:
    return QColor("#5b4a1a") if is_dark(palette) else QColor("#fff1c2")


def evidence_background(palette: QPalette | None = None) -> QColor:
    return QColor("#1f4d3a") if is_dark(palette) else QColor("#cdeedd")


def status_color(status: str, palette: QPalette | None = None) -> QColor:
    dark = is_dark(palette)
    colors = {
        "met": ("#2e7d32", "#81c784"),
        "partly": ("#b26a00", "#ffb74d"),
        "missing": ("#c62828", "#e57373"),
    }
    light_c, dark_c = colors.get(status, ("#555555", "#bbbbbb"))
    return QColor(dark_c if dark else light_c)
