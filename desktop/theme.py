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
    """Native style; the light or dark palette the system asks for; follow later changes."""
    global _connected
    forced = os.environ.get("VEIL_THEME", "").strip().lower()
    hints = QGuiApplication.styleHints()
    if forced in ("light", "dark"):
        set_scheme(Qt.ColorScheme.Dark if forced == "dark" else Qt.ColorScheme.Light, app)
    # Linux without a desktop theme plugin (xcb, offscreen): Fusion is Qt's native-looking style
    # and the one that draws both schemes.
    if app.style().name().lower() not in ("windows11", "windowsvista", "macos"):
        app.setStyle("Fusion")
    _apply_palette(app)
    if not _connected:
        hints.colorSchemeChanged.connect(lambda _scheme: _apply_palette(app))
        _connected = True


_connected = False
_override: Qt.ColorScheme | None = None


def set_scheme(scheme: Qt.ColorScheme | None, app: QApplication | None = None) -> None:
    """Force light or dark (None: follow the system again) and repaint."""
    global _override
    _override = scheme
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(scheme if scheme is not None else Qt.ColorScheme.Unknown)
    instance = app or QApplication.instance()
    if isinstance(instance, QApplication):
        _apply_palette(instance)


def current_scheme() -> Qt.ColorScheme:
    return _override if _override is not None else QGuiApplication.styleHints().colorScheme()


def _apply_palette(app: QApplication) -> None:
    scheme = current_scheme()
    standard = app.style().standardPalette()
    if (
        scheme == Qt.ColorScheme.Dark
        and standard.color(QPalette.ColorRole.Window).lightness() > 128
    ):
        # the platform gave no dark palette of its own (plain X11, offscreen): use ours
        app.setPalette(dark_palette())
    else:
        app.setPalette(standard)


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colors = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1f22",
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#3c3f41",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8c8c8c",
        role.Text: "#e6e6e6",
        role.Button: "#3a3d41",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4d52",
        role.Midlight: "#3f4246",
        role.Mid: "#6b6e73",
        role.Dark: "#1b1c1e",
        role.Shadow: "#000000",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#6ea8ff",
        role.LinkVisited: "#b48ef0",
    }
    for color_role, value in colors.items():
        palette.setColor(color_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, color_role, QColor("#7a7a7a"))
    palette.setColor(disabled, role.Base, QColor("#26282b"))
    return palette


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
        "advice": ("#1565c0", "#64b5f6"),  # the job-ad checker's style advice
    }
    light_c, dark_c = colors.get(status, ("#555555", "#bbbbbb"))
    return QColor(dark_c if dark else light_c)
