"""The one place where errors reach the user.

``show_error(parent, exc)``: a ``UserError`` (core/errors.py) is shown as a calm message box with
its message and hint, which are written for recruiters and hold no personal data. Anything else
is a bug: it is logged *without* its message (messages of foreign exceptions may quote resume
text or file names) and a crash dialog offers the same safe details to copy.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError, VeilError

log = logging.getLogger("veil.crash")


def safe_details(exc: BaseException) -> str:
    """The exception's type and stack (file, line, function) without its message or locals.

    Veil's own errors keep their message: those are written never to contain personal data.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__}"]
    if isinstance(exc, VeilError):
        lines[0] += f": {exc}"
    for frame in frames:
        lines.append(
            f"  {frame.filename.rsplit('site-packages/', 1)[-1]}:{frame.lineno} in {frame.name}"
        )
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        lines.append(f"caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Shown for bugs: says what happened in plain words, offers safe details to copy."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Veil — Something went wrong"))
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "Veil ran into an unexpected problem. Your workspace is safe: nothing was "
                "written half-way.\n\nThe details below contain no personal data and were also "
                "written to Veil's log. You can copy them for support."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(520, 160)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


#: set to False by tests that want errors raised instead of modal boxes
MODAL = True
#: the last error shown (tests read it)
last_shown: list[str] = []


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` the one consistent way: a message for user errors, a crash dialog for bugs."""
    if isinstance(exc, UserError):
        log.info("user error shown: %s", type(exc).__name__)
        text = exc.message
        last_shown.append(f"{text} {exc.hint}".strip())
        if MODAL:
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("ErrorDisplay", "Veil"))
            box.setText(text)
            if exc.hint:
                box.setInformativeText(exc.hint)
            box.exec()
        return
    details = safe_details(exc)
    log.error("unexpected error\n%s", details)
    last_shown.append(details)
    if MODAL:
        CrashDialog(details, parent).exec()


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    if QApplication.instance() is None:
        log.error("unexpected error\n%s", safe_details(exc))
        return
    show_error(QApplication.activeWindow(), exc)


def install_excepthook() -> None:
    """Exceptions escaping Qt slots reach the crash dialog instead of vanishing on stderr."""
    sys.excepthook = _excepthook
