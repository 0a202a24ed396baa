"""`veil model import|use-encoder|list` and `veil rank` with an imported encoder, in process, on a
real workspace, with tiny randomly initialised BERT models built by the real transformers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.domain import Requirement
from core.scoring.encoder import MINILM_SHA256
from core.scoring.model_import import models_dir
from core.storage import Workspace
from tests.core.scoring.tiny_models import TinyModels
from tests.core.services.test_encoder_import import add_text_candidates

PASSPHRASE = "correct horse battery staple 42"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    return TinyModels(tmp_path_factory.mktemp("tiny-models"))


@pytest.fixture
def path(tmp_path: Path, veil_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.veil"
    with Workspace.create(path, PASSPHRASE) as ws:
        job = ws.jobs.add("Data engineer", "python, sql", [Requirement("python")])
        add_text_candidates(ws, job.id, ("python and sql pipelines", "patient care on a ward"))
    monkeypatch.setenv("VEIL_WORKSPACE", str(path))
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("VEIL_REVIEWER", "Test Reviewer")
    return path


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["model", "list", "--json"]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


def test_import_use_rank_and_list(
    path: Path, veil_home: Path, tiny: TinyModels, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tiny.copy("bert", veil_home / "multi-tiny")
    assert main(["model", "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Imported encoder 'multi-tiny' (bert, 32 dimensions, 5 files" in out
    assert "Probe passed" in out
    assert "veil model use-encoder multi-tiny" in out
    listed = _listed(capsys)
    assert listed["active_encoder"] == "all-MiniLM-L6-v2"
    assert listed["active"] == "base"  # the learned-version key is unchanged
    builtin, imported = listed["encoders"]
    assert builtin["builtin"] is True
    assert builtin["model_hash"] == MINILM_SHA256
    assert imported["name"] == "multi-tiny"
    assert (models_dir() / imported["model_hash"]).is_dir()

    assert main(["model", "use-encoder", "multi-tiny"]) == 0
    assert f"Encoder in use: multi-tiny ({imported['model_hash'][:12]})" in capsys.readouterr().out
    assert main(["rank", "--job", "1", "--json"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert len(ranked) == 2
    with Workspace.open(path, PASSPHRASE) as ws:
        stored = ws.scores.for_job(1)
    assert len(stored) == 2
    assert all(s.model_version.startswith("multi-tiny@") for s in stored)
    assert _listed(capsys)["encoders"][1]["cached_texts"] == 2

    assert main(["model", "list"]) == 0
    table = capsys.readouterr().out
    assert "* multi-tiny" in table
    assert "  all-MiniLM-L6-v2 (built-in)" in table
    with Workspace.open(path, PASSPHRASE) as ws:
        kinds = [e.kind for e in ws.audit.list()]
        actors = {e.actor for e in ws.audit.list() if e.kind.startswith("encoder.")}
    assert kinds.count("encoder.imported") == kinds.count("encoder.selected") == 1
    assert actors == {"Test Reviewer"}


def test_refusals_are_one_line_and_change_nothing(
    path: Path, veil_home: Path, tiny: TinyModels, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tiny.copy("bert", veil_home / "tiny")
    (folder / "pytorch_model.bin").write_bytes(b"\x80\x04K\x01.")
    before = path.read_bytes()
    assert main(["model", "import", str(folder), "--use"]) == 2
    err = capsys.readouterr().err
    assert "pickle-based format (pytorch_model.bin)" in err
    assert len(err.strip().splitlines()) == 1
    (folder / "pytorch_model.bin").unlink()
    assert main(["model", "import", str(folder), "--sha256", "0" * 64]) == 2
    assert "does not match the SHA-256 you gave" in capsys.readouterr().err
    assert main(["model", "use-encoder", "tiny"]) == 2
    assert "no encoder called 'tiny'" in capsys.readouterr().err
    assert path.read_bytes() == before  # not a byte of the workspace changed
    assert list(models_dir().iterdir()) == []

    assert main(["model", "import", str(folder), "--use", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["created"] is True
    assert result["active"] is True
    weights = models_dir() / result["model_hash"] / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-8])
    assert main(["rank", "--job", "1"]) == 2
    err = capsys.readouterr().err
    assert "failed its integrity check: model.safetensors changed" in err
    assert main(["model", "use-encoder", "builtin"]) == 0
    capsys.readouterr()
    assert main(["model", "use-encoder", "tiny"]) == 2
    assert "integrity check" in capsys.readouterr().err
    assert _listed(capsys)["active_encoder"] == "all-MiniLM-L6-v2"
