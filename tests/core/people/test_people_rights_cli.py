"""``veil people erase`` and ``veil people export`` as scripts use them: refusal without --yes
(counts only), exit codes, the JSON shape, and no personal data in any message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.errors import NotFoundError
from core.services.people import create_role
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE
from tests.core.people.test_people_rights import ROLE, add_employee, canary


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, str]:
    monkeypatch.setenv("VEIL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "cli.veil"
    name = canary()
    with Workspace.create(path, PASSPHRASE) as ws:
        role_id = int(create_role(ws, "Data analyst", ROLE).id)
        pid = add_employee(ws, role_id, name, 1)
    return path, pid, name


def _veil(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(path), "people", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_erase_refuses_without_yes_and_says_what_would_go(
    setup: tuple[Path, int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid, name = setup
    code, out, err = _veil(capsys, path, "erase", str(pid), "--reviewer", "dpo")
    assert code == 2
    assert f"Erasing person {pid} would delete:" in out
    assert "2 document(s)" in out
    assert "1 review rating(s)" in out
    assert "Nothing was deleted" in err
    assert "--yes" in err
    assert name not in out + err
    with Workspace.open(path, PASSPHRASE) as ws:
        assert ws.people.get(pid).documents == 2

    code, out, err = _veil(capsys, path, "erase", str(pid), "--yes", "--reason", "left")
    assert code == 0, err
    assert out.startswith(f"Person {pid} erased (2 document(s), 4 cache entries)")
    assert name not in out + err
    with Workspace.open(path, PASSPHRASE) as ws:
        with pytest.raises(NotFoundError):
            ws.people.get(pid)
        assert ws.audit.list()[-1].subject["reason"] == "left"

    code, out, err = _veil(capsys, path, "erase", str(pid), "--yes")
    assert code == 2
    assert f"Person {pid} does not exist" in err
    with pytest.raises(SystemExit) as refused:  # argparse refuses an unknown reason
        _veil(capsys, path, "erase", str(pid), "--yes", "--reason", "because")
    assert refused.value.code == 2


def test_export_prints_the_files_and_refuses_a_bad_folder(
    setup: tuple[Path, int, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, pid, name = setup
    out_dir = tmp_path / "export"
    code, out, err = _veil(
        capsys, path, "export", str(pid), "--out", str(out_dir), "--no-evidence", "--json"
    )
    assert code == 0, err
    printed = json.loads(out)
    assert printed["person_id"] == pid
    assert sorted(Path(f).name for f in printed["files"]) == sorted(
        p.name for p in out_dir.iterdir()
    )
    assert len(printed["files"]) == 4  # JSON, HTML, two originals
    assert name not in out + err

    code, out, err = _veil(capsys, path, "export", str(pid), "--out", str(out_dir), "--no-evidence")
    assert code == 0, err
    assert "Written (plaintext, personal data" in out
    assert str(out_dir / f"person-{pid}.html") in out

    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    code, out, err = _veil(capsys, path, "export", str(pid), "--out", str(blocked))
    assert code == 2
    assert "The export folder could not be created." in err
    code, _, err = _veil(capsys, path, "export", "999", "--out", str(out_dir))
    assert code == 2
    assert "Person 999 does not exist" in err


@pytest.mark.slow
def test_export_from_the_cli_carries_the_evidence_computed_now(
    setup: tuple[Path, int, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, pid, name = setup
    out_dir = tmp_path / "export"
    code, out, err = _veil(capsys, path, "export", str(pid), "--out", str(out_dir), "--json")
    assert code == 0, err
    record: dict[str, Any] = json.loads((out_dir / f"person-{pid}.json").read_text("utf-8"))
    cells = record["data"]["competency_evidence"]
    assert [c["competency"] for c in cells] == ["SQL for data extraction", "Python for analysis"]
    sql = cells[0]
    assert "SQL" in sql["evidence"]
    assert sql["document_id"] in {d["document_id"] for d in record["data"]["documents"]}
    assert name not in out + err
