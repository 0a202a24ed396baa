"""``veil selfid import``, ``veil report impact|assessment`` in process, on a real workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from core.services.review import decide
from core.storage import Workspace
from tests.core.compliance.conftest import PASSPHRASE, add_candidate, put_score


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, list[int]]:
    path = tmp_path / "cli.veil"
    from core.domain import Requirement

    with Workspace.create(path, PASSPHRASE) as ws:
        job = ws.jobs.add("Analyst", "SQL", [Requirement("sql")]).id
        ids = [add_candidate(ws, job, f"Resume {i}: SQL") for i in range(10)]
        for i, cid in enumerate(ids):
            put_score(ws, job, cid, float(i))
        for cid in ids[:4] + ids[5:7]:
            decide(ws, job, cid, "shortlist", reviewer="R")
    monkeypatch.setenv("VEIL_WORKSPACE", str(path))
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("VEIL_REVIEWER", "Auditor")
    return path, int(job), ids


def test_selfid_import_and_impact_report(
    env: tuple[Path, int, list[int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, job, ids = env
    csv = tmp_path / "answers.csv"
    rows = [f"{cid},{'Female' if i < 5 else 'Male'}" for i, cid in enumerate(ids[:9])]
    csv.write_text("candidate_id,Sex\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["selfid", "import", "--csv", str(csv)]) == 0
    assert "Imported 9 answer(s) of 9 candidate(s) in 1 category: sex" in capsys.readouterr().out

    assert main(["report", "impact", "--job", str(job), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["job"] == job
    assert data["unknown"] == 1
    assert data["median_score"] == 4.5
    by = {row["group"]: row for row in data["categories"]}
    assert (by["Female"]["n"], by["Female"]["selected"]) == (5, 4)
    assert (by["Male"]["n"], by["Male"]["selected"]) == (4, 2)
    assert by["Male"]["impact_ratio"] == pytest.approx(0.5 / 0.8)
    assert by["Female"]["scoring_rate"] == 0.0  # scores 0-4, all at or under 4.5
    assert by["Male"]["scoring_rate"] == 1.0  # 5-8

    assert main(["report", "impact", "--job", str(job)]) == 0
    out = capsys.readouterr().out
    assert "2 of unknown" not in out
    assert "1 of unknown category" in out
    assert "sex = Male: selection impact ratio 0.62 is under 0.80" in out
    assert "sex = Female: only 5 people" in out


def test_bad_input_is_one_line_and_exit_2(
    env: tuple[Path, int, list[int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, job, _ = env
    csv = tmp_path / "bad.csv"
    csv.write_text("id,sex\n1,F\n", encoding="utf-8")
    assert main(["selfid", "import", "--csv", str(csv)]) == 2
    assert "no candidate_id column" in capsys.readouterr().err
    assert main(["report", "impact", "--job", str(job), "--intersect", "sex"]) == 2
    assert main(["report", "impact", "--job", "999"]) == 2


def test_assessment_to_a_file(
    env: tuple[Path, int, list[int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dpia_zh.md"
    assert main(["report", "assessment", "--lang", "zh", "--out", str(out)]) == 0
    assert "Wrote the zh assessment draft" in capsys.readouterr().out
    assert "个人信息保护影响评估" in out.read_text(encoding="utf-8")
    assert main(["report", "assessment"]) == 0
    assert "# Data protection impact assessment (draft)" in capsys.readouterr().out


@pytest.mark.slow
def test_counterfactual_command(
    env: tuple[Path, int, list[int]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With a redactor that removes nothing, a swapped pronoun reaches the scorer: the command
    lists who moved and exits 1; as JSON it says the same."""
    from core.services import Engines
    from tests.core.compliance.test_counterfactual import _Leaky
    from tests.core.scoring.training import shared

    _, job, _ = env
    with Workspace.open(env[0], PASSPHRASE) as ws:
        add_candidate(ws, job, "x", original="He wrote SQL for his team. Mr. Li praised him.")

    def leaky() -> Engines:
        return Engines(redactor=_Leaky(), encoder=shared.encoder(), intake=object())  # type: ignore[arg-type]

    monkeypatch.setattr("core.cli.report_cmds.Engines", leaky)
    assert main(["report", "counterfactual", "--job", str(job)]) == 1
    out = capsys.readouterr().out
    assert "11 candidates, 4 words swapped, 1 redacted text(s) changed" in out
    assert "Scores that moved" in out
    assert main(["report", "counterfactual", "--job", str(job), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["redacted_texts_changed"] == 1
    assert len(data["moved"]) == 1
