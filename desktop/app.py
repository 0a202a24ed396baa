"""Veil's desktop app: ``main()`` is what ``veil gui`` and ``python -m desktop.app`` run.

Start-up does only what the first window needs (Qt, our widgets, the translations); the
workspace opens off the GUI thread after the passphrase, and the models load in the background
after that, so the window appears at once.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from core import hardening, offline

hardening.harden()  # no core dumps of a process that holds resumes
offline.install()  # before anything that might import torch, transformers or Presidio

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from core import paths  # noqa: E402
from core.logs import setup_logging  # noqa: E402

if TYPE_CHECKING:
    from core.services import Engines

log = logging.getLogger(__name__)

#: ``VEIL_STARTUP_PROBE=1``: print the seconds from ``main()`` to the first painted frame, quit
PROBE_ENV = "VEIL_STARTUP_PROBE"
DEVICE_NAMES = {"auto": "auto", "cpu": "cpu", "gpu": "cuda"}


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Veil's names, high-DPI policy, look and translations."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    app.setDesktopFileName("veil")

    from desktop.i18n import choose_language, install_translations
    from desktop.preferences import Preferences
    from desktop.theme import apply_theme

    apply_theme(app)
    install_translations(app, choose_language(Preferences().language))
    return app


def default_workspace_path(explicit: Path | None = None) -> Path:
    from desktop.preferences import Preferences

    if explicit is not None:
        return Path(explicit).expanduser()
    if os.environ.get("VEIL_WORKSPACE", "").strip():
        return paths.default_workspace()
    last = Preferences().last_workspace
    if last is not None and last.exists():
        return last
    return paths.default_workspace()


class _FirstPaintProbe(QObject):
    """Prints the time to the window's first painted frame, then quits (bench/gui_startup.py)."""

    def __init__(self, window: QWidget, started: float) -> None:
        super().__init__(window)
        self.window, self.started, self.done = window, started, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"window-visible {time.monotonic() - self.started:.3f}", flush=True)  # noqa: T201
        self.window.close()
        QApplication.quit()


def _install_probe(window: QWidget, started: float) -> None:
    window.installEventFilter(_FirstPaintProbe(window, started))


def main(workspace: Path | None = None) -> int:
    started = time.monotonic()
    setup_logging()
    app = create_application()

    from desktop.error_display import install_excepthook
    from desktop.main_window import MainWindow
    from desktop.preferences import Preferences
    from desktop.session import Session

    install_excepthook()
    prefs = Preferences()

    def make_engines() -> Engines:
        from core.services import Engines

        return Engines(device=DEVICE_NAMES.get(prefs.device, "auto"))

    session = Session(default_workspace_path(workspace), engines_factory=make_engines)
    window = MainWindow(session, prefs)
    if os.environ.get(PROBE_ENV):
        _install_probe(window, started)
    window.show()
    log.info("window shown after %.2f s", time.monotonic() - started)
    code = app.exec()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
