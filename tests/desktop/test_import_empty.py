"""Importing an empty folder in the app says that nothing was found (real workspace, fakes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.preferences import Preferences
from tests.desktop.flow import create_job, create_workspace, open_window


def test_an_empty_folder_says_no_files_were_found(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences
) -> None:
    path = tmp_path / "w.veil"
    window = open_window(qtbot, path, make_engines(), prefs)
    create_workspace(qtbot, window, path)
    create_job(qtbot, window)
    importer = window.workspace_view.importer
    (tmp_path / "empty").mkdir()
    assert importer.import_paths([tmp_path / "empty"]) is not None
    qtbot.waitUntil(lambda: importer.worker is None, timeout=20000)
    assert importer.summary.text().startswith("No files found")
    assert importer.results.rowCount() == 0
