"""The launcher above both layers: ``veil gui`` reaches the desktop, everything else the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import veil
from core import cli


def test_gui_is_a_command_of_the_launcher_not_of_core(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        veil.main(["--help"])
    assert "open the desktop app" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "open the desktop app" not in capsys.readouterr().out


def test_gui_opens_the_desktop_app_with_the_workspace(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop import app

    opened: list[Path | None] = []

    def fake_main(workspace: Path | None = None) -> int:
        opened.append(workspace)
        return 7

    monkeypatch.setattr(app, "main", fake_main)
    assert veil.main(["--workspace", str(tmp_path / "w.veil"), "gui"]) == 7
    assert opened == [tmp_path / "w.veil"]


def test_gui_without_qt_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "desktop.app", None)  # import fails as without PySide6
    monkeypatch.delattr(sys.modules["desktop"], "app", raising=False)
    assert veil.main(["gui"]) == 2
    assert "Qt libraries are missing" in capsys.readouterr().err


def test_other_commands_go_to_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_cli(argv: list[str], *, extra: tuple[cli.ExtraCommand, ...]) -> int:
        seen.append(list(argv))
        assert [command.name for command in extra] == ["gui"]
        return 0

    monkeypatch.setattr(cli, "main", fake_cli)
    assert veil.main(["jobs"]) == 0
    assert seen == [["jobs"]]
