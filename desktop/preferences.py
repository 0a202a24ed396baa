"""The app's own preferences (no personal data): language, auto-lock, device, last workspace.

Stored with QSettings in an INI file in Veil's config folder (``VEIL_HOME`` relocates it), so the
tests and portable installs never touch the user's registry or ~/.config.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from core import paths

DEFAULT_AUTO_LOCK_MIN = 10
DEVICES = ("auto", "cpu", "gpu")


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(
            str(paths.config_dir() / "desktop.ini"), QSettings.Format.IniFormat
        )

    def _get_str(self, key: str, default: str) -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    @property
    def auto_lock_minutes(self) -> int:
        try:
            value = int(self._get_str("auto_lock_minutes", str(DEFAULT_AUTO_LOCK_MIN)))
        except ValueError:
            return DEFAULT_AUTO_LOCK_MIN
        return max(0, min(value, 24 * 60))

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._s.setValue("auto_lock_minutes", int(minutes))

    @property
    def device(self) -> str:
        value = self._get_str("device", "auto")
        return value if value in DEVICES else "auto"

    @device.setter
    def device(self, value: str) -> None:
        self._s.setValue("device", value if value in DEVICES else "auto")

    @property
    def language(self) -> str:
        """``""`` (follow the system), ``en`` or ``zh_CN``."""
        return self._get_str("language", "")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("language", value)

    @property
    def last_workspace(self) -> Path | None:
        value = self._get_str("last_workspace", "")
        return Path(value) if value else None

    @last_workspace.setter
    def last_workspace(self, path: Path) -> None:
        self._s.setValue("last_workspace", str(path))

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window_geometry", value)

    def sync(self) -> None:
        self._s.sync()
