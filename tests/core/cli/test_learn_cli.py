"""`veil decide --csv`, `veil learn --json`, `veil model list|use`, in process on a real
workspace with the real encoder (shared with the other learning tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.storage import Workspace
from tests.core.services import learning_setup as ls

pytestmark = pytest.mark.slow


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ls.Setup:
    path = tmp_path / "cli.veil"
    with Workspace.create(path, ls.PASSPHRASE) as ws:
        setup = ls.build(ws, path)
    monkeypatch.setenv("VEIL_WORKSPACE", str(path))
    monkeypatch.setenv("VEIL_PASSPHRASE", ls.PASSPHRASE)
    monkeypatch.setenv("VEIL_REVIEWER", "Test Reviewer")
    monkeypatch.setattr("core.cli.learn_cmds.Engines", ls.engines)  # the shared real encoder
    return setup


def _csv(tmp_path: Path, name: str, rows: list[tuple[Any, ...]]) -> str:
    path = tmp_path / name
    lines = ["candidate_id,decision,reason"] + [",".join(str(x) for x in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _count(setup: ls.Setup, kind: str) -> int:
    with Workspace.open(setup.path, ls.PASSPHRASE) as ws:
        return sum(1 for e in ws.audit.list() if e.kind == kind)


def test_bulk_decide_learn_json_and_model_commands(
    env: ls.Setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    total = 0
    for job_id, members in env.members.items():
        rows = [
            (cid, ls.inverted_kind(env.grades[(job_id, cid)]).value, "from the tracker")
            for cid in members[:-2]
        ]
        total += len(rows)
        assert main(["decide", "--job", str(job_id), "--csv", _csv(tmp_path, "d.csv", rows)]) == 0
        assert f"Recorded {len(rows)} decisions" in capsys.readouterr().out
    assert _count(env, "decision.recorded") == total  # one audit event per decision

    # a bad file records nothing and says why in one line
    some_job = next(iter(env.members))
    bad = _csv(
        tmp_path, "bad.csv", [(env.members[some_job][0], "shortlist", ""), (99999, "reject", "")]
    )
    assert main(["decide", "--job", str(some_job), "--csv", bad]) == 2
    err = capsys.readouterr().err
    assert "do not exist" in err
    assert len(err.strip().splitlines()) == 1
    unknown_kind = _csv(tmp_path, "kind.csv", [(env.members[some_job][0], "maybe", "")])
    assert main(["decide", "--job", str(some_job), "--csv", unknown_kind]) == 2
    assert "Line 2" in capsys.readouterr().err
    assert _count(env, "decision.recorded") == total
    # the single-decision form still works
    cid = env.members[some_job][-1]
    assert main(["decide", str(cid), "--job", str(some_job), "hold"]) == 0
    assert main(["decide", "--job", str(some_job)]) == 2
    capsys.readouterr()

    assert main(["learn", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"adopted", "model_version", "examples", "cv", "reason"}
    assert set(out["cv"]) == {"before", "after"}
    assert out["examples"] == total + 1
    assert out["adopted"] is True
    assert out["model_version"] == "v1"
    assert out["cv"]["after"] > out["cv"]["before"]

    assert main(["model", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["active"] == "v1"
    assert listed["versions"][0]["examples"] == total + 1
    assert main(["model", "use", "base"]) == 0
    assert "Active model: base" in capsys.readouterr().out
    assert main(["model", "list"]) == 0
    table = capsys.readouterr().out
    assert "* base" in table
    assert "v1" in table
    assert _count(env, "model.rolled_back") == 1
    assert main(["model", "use", "v5"]) == 2
