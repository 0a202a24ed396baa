"""Text from users and documents never acts on the terminal (issue 17)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from core.cli import terminal
from tests.core.cli.processes import assert_user_error, veil

HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[1Afake\r\nveil: all good\u202egnp.exe\x9b31m"


def test_safe_escapes_every_control_and_bidi_character() -> None:
    shown = terminal.safe(HOSTILE)
    assert not terminal.has_controls(shown)
    assert "\x1b" not in shown
    assert "\n" not in shown
    assert "\\u001b]0;owned\\u0007" in shown
    assert "\\u202e" in shown
    assert terminal.safe("Zoë <b>x</b> 数据.pdf") == "Zoë <b>x</b> 数据.pdf"  # text stays text


def test_escaped_output_keeps_lines_and_json_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    with terminal.escaped_output():
        print("ok\tline")
        print(json.dumps({"name": "a\x85b\x1bc"}, ensure_ascii=False))
    lines = out.getvalue().splitlines()
    assert lines[0] == "ok\tline"
    assert json.loads(lines[1]) == {"name": "a\x85b\x1bc"}  # \u0085 is a JSON escape
    assert "\x1b" not in out.getvalue()
    assert "\x85" not in out.getvalue()


def test_hostile_reviewer_names_are_refused(tmp_path: Path) -> None:
    home, ws = tmp_path / "home", tmp_path / "w.veil"
    assert veil("--workspace", str(ws), "init", home=home).returncode == 0
    for name in ("\x1b[2Jadmin", "line\nbreak", "x" * 65):
        result = veil(
            "--workspace", str(ws), "decide", "1", "--job", "1", "shortlist",
            home=home, VEIL_REVIEWER=name,
        )  # fmt: skip
        assert_user_error(result, "reviewer name")
        assert "\x1b" not in result.stderr


def test_passphrase_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    home, ws = tmp_path / "home", tmp_path / "w.veil"
    assert veil("--workspace", str(ws), "init", home=home).returncode == 0
    secret = tmp_path / "pass.txt"
    secret.write_text("first passphrase\n", encoding="utf-8")
    secret.chmod(0o644)
    args = ("--workspace", str(ws), "--passphrase-file", str(secret), "audit", "verify")
    assert_user_error(veil(*args, home=home, passphrase=None), "chmod 600")
    secret.chmod(0o600)
    assert veil(*args, home=home, passphrase=None).returncode == 0


def test_files_and_folders_veil_creates_are_private(tmp_path: Path) -> None:
    home, ws = tmp_path / "home", tmp_path / "w.veil"
    (home / "logs").mkdir(parents=True, mode=0o755)
    (home / "logs").chmod(0o755)
    (home / "logs" / "veil.log").write_text("", encoding="utf-8")
    (home / "logs" / "veil.log").chmod(0o644)  # as an older version left it
    assert veil("--workspace", str(ws), "init", home=home).returncode == 0
    made = [home / "logs", home / "logs" / "veil.log", ws]
    made += [p for p in home.rglob("*") if p not in made]
    for path in made:
        assert path.stat().st_mode & 0o077 == 0, (path.name, oct(path.stat().st_mode))
