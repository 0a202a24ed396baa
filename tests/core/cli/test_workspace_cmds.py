"""``veil init``, ``veil passwd``, ``veil audit verify|list`` run as a user would: in a
subprocess, with exit codes, one-line messages on stderr and never a traceback."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from tests.core.cli.processes import PASS, ROOT, assert_user_error, veil

NEW = "second passphrase"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def ws(tmp_path: Path, home: Path) -> Path:
    path = tmp_path / "w.veil"
    result = veil("--workspace", str(path), "init", home=home)
    assert result.returncode == 0, result.stderr
    assert str(path) in result.stdout
    return path


def test_init_creates_and_never_overwrites(ws: Path, home: Path) -> None:
    assert ws.exists()
    before = ws.read_bytes()
    assert_user_error(veil("--workspace", str(ws), "init", home=home), "already exists")
    assert ws.read_bytes() == before


def test_init_in_the_default_place_and_from_env(tmp_path: Path, home: Path) -> None:
    result = veil("init", home=home)
    assert result.returncode == 0, result.stderr
    assert (home / "data" / "workspace.veil").exists()
    other = tmp_path / "env.veil"
    result = veil("init", home=home, VEIL_WORKSPACE=str(other))
    assert result.returncode == 0, result.stderr
    assert other.exists()


@pytest.mark.parametrize(
    ("passphrase", "words"), [("short", "too short"), (None, "No passphrase given")]
)
def test_init_refuses_bad_or_missing_passphrase(
    tmp_path: Path, home: Path, passphrase: str | None, words: str
) -> None:
    path = tmp_path / "x.veil"
    assert_user_error(
        veil("--workspace", str(path), "init", home=home, passphrase=passphrase), words
    )
    assert not path.exists()


def test_passwd_with_files_and_then_only_the_new_one_works(
    ws: Path, home: Path, tmp_path: Path
) -> None:
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(PASS + "\n", encoding="utf-8")
    new_file.write_text(NEW + "\n", encoding="utf-8")
    old_file.chmod(0o600)
    new_file.chmod(0o600)
    result = veil(
        "--workspace", str(ws), "--passphrase-file", str(old_file), "passwd",
        "--new-passphrase-file", str(new_file), home=home, passphrase=None,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Passphrase changed" in result.stdout
    assert_user_error(
        veil("--workspace", str(ws), "audit", "verify", home=home), "Wrong passphrase"
    )
    result = veil("--workspace", str(ws), "audit", "verify", home=home, passphrase=NEW)
    assert result.returncode == 0, result.stderr
    assert "2 events checked" in result.stdout


def test_passwd_without_new_passphrase_changes_nothing(ws: Path, home: Path) -> None:
    before = ws.read_bytes()
    assert_user_error(veil("--workspace", str(ws), "passwd", home=home), "No new passphrase")
    assert ws.read_bytes() == before


def test_audit_list_json_and_text(ws: Path, home: Path) -> None:
    result = veil("--workspace", str(ws), "audit", "list", "--json", home=home)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert [e["kind"] for e in events] == ["workspace.created"]
    assert events[0]["prev_hash"] == "0" * 64
    text = veil("--workspace", str(ws), "audit", "list", home=home)
    assert "workspace.created" in text.stdout


def test_audit_verify_reports_a_broken_chain(ws: Path, home: Path) -> None:
    conn = sqlcipher.connect(str(ws), isolation_level=None)
    conn.execute("PRAGMA key = '" + PASS + "'")
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET actor = 'someone else' WHERE seq = 1")
    conn.close()
    result = veil("--workspace", str(ws), "audit", "verify", home=home)
    assert result.returncode == 3
    assert "broken at event 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_workspace_and_folder(tmp_path: Path, home: Path) -> None:
    missing = tmp_path / "missing.veil"
    assert_user_error(
        veil("--workspace", str(missing), "audit", "verify", home=home), "No workspace"
    )
    assert not missing.exists()
    assert_user_error(veil("--workspace", str(tmp_path), "audit", "list", home=home), "folder")


def _reap(pid: int) -> int:
    """Wait for the child; kill it after 10 s rather than hang the suite."""
    for _ in range(100):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def _run_in_terminal(args: list[str], answers: list[str], home: Path) -> tuple[int, str]:
    """Run ``veil`` on a pseudo-terminal, typing each answer after each passphrase prompt."""
    import pty
    import select

    env = {k: v for k, v in os.environ.items() if not k.startswith("VEIL_")}
    env["VEIL_HOME"] = str(home)
    pid, fd = pty.fork()
    if pid == 0:  # child: the pty is its controlling terminal, so getpass reads from it
        try:
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "core", *args], env)
        finally:
            os._exit(127)
    output = b""
    pending = list(answers)
    answered_up_to = 0
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 60)
            assert ready, f"veil is stuck; it wrote {output!r}"
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if pending and b"passphrase: " in output[answered_up_to:].lower():
                answered_up_to = len(output)
                os.write(fd, pending.pop(0).encode() + b"\n")
    finally:
        status = _reap(pid)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_passphrases_typed_at_the_prompt(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "typed.veil"
    code, out = _run_in_terminal(
        ["--workspace", str(path), "init"], ["typed passphrase", "typed passphrase"], home
    )
    assert code == 0, out
    assert "Repeat the passphrase" in out
    assert "typed passphrase" not in out  # not echoed
    code, out = _run_in_terminal(
        ["--workspace", str(path), "init"], [], home
    )  # refused before any prompt
    assert code == 2
    code, out = _run_in_terminal(
        ["--workspace", str(path), "audit", "verify"], ["typed passphrase"], home
    )
    assert code == 0, out
    assert "1 events checked" in out
    other = tmp_path / "mismatch.veil"
    code, out = _run_in_terminal(
        ["--workspace", str(other), "init"], ["one passphrase", "another one"], home
    )
    assert code == 2
    assert "differ" in out
    assert not other.exists()
