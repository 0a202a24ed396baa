"""File names are shown as text, never as markup, in the GUI (issue 17)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from core.services import FileOutcome, Progress
from desktop.import_panel import ImportPanel
from desktop.reveal_dialog import RevealDialog
from desktop.session import Session

HOSTILE = "<b>bold<img src='x'>\x1b[2J.pdf"  # no slash: it is one file name


def test_reveal_dialog_shows_the_file_name_as_plain_text(qtbot: Any) -> None:
    document = SimpleNamespace(filename=HOSTILE, media_type="<i>pdf</i>", text="Resume text")
    dialog = RevealDialog("Candidate 1", document)
    qtbot.addWidget(dialog)
    labels = {label.text(): label for label in dialog.findChildren(QLabel)}
    assert labels[HOSTILE].textFormat() == Qt.TextFormat.PlainText
    assert labels["<i>pdf</i>"].textFormat() == Qt.TextFormat.PlainText


def test_import_results_tooltip_shows_the_name_not_markup(qtbot: Any, tmp_path: Path) -> None:
    panel = ImportPanel(Session(tmp_path / "w.veil"))
    qtbot.addWidget(panel)
    label = f"/inbox/{HOSTILE}"
    panel._on_progress(Progress(1, 1, FileOutcome(label, None, "failed", "damaged")))
    item = panel.results.item(0, 0)
    assert item.text() == HOSTILE  # item views draw plain text
    rendered = QTextDocument()
    rendered.setHtml(item.toolTip())
    assert rendered.toPlainText().strip() == label  # the markup shows as the characters it is
