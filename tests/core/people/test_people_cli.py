"""``veil role``, ``veil people`` and ``veil training`` as scripts use them: real intake,
redaction, encoder and encrypted workspace, in subprocesses; the JSON shapes of the contract."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.core.cli.processes import veil

pytestmark = pytest.mark.slow

PASSPHRASE = "people cli test passphrase 3"
ROLE = "Data analyst\n\nRequirements\n- SQL for data extraction\n- Python for analysis\n\n" + (
    "Nice to have\n- Retail industry experience\n"
)
COURSES = (
    "title,description,skills,hours,language\n"
    'Python for analysts,"Hands-on Python for data analysis with pandas","Python, pandas",16,en\n'
    'Negotiation basics,"Prepare and run a negotiation",negotiation,8,en\n'
)


def _veil(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    workspace = str(home / "ws.veil")
    return veil(*args, home=home, passphrase=PASSPHRASE, timeout=300, VEIL_WORKSPACE=workspace)


def test_role_people_training_commands(tmp_path: Path) -> None:
    assert _veil(tmp_path, "init").returncode == 0
    (tmp_path / "role.txt").write_text(ROLE, encoding="utf-8")
    added = _veil(
        tmp_path, "role", "add", "--title", "Data analyst", "--file", str(tmp_path / "role.txt")
    )
    assert added.returncode == 0, added.stderr
    role_id = added.stdout.split()[-1]
    shown = json.loads(_veil(tmp_path, "role", "show", role_id, "--json").stdout)
    assert [c["must"] for c in shown["competencies"]] == [True, True, False]

    ana = tmp_path / "team" / "Ana Lindqvist"
    ana.mkdir(parents=True)
    (ana / "self_review.txt").write_text(
        "Self-review\n\nThis year I wrote all our data extraction queries in SQL for the weekly "
        "churn report.\nI would like to learn Python next year.\n",
        encoding="utf-8",
    )
    (ana / "manager_review.txt").write_text(
        "Manager review\n\nAna Lindqvist built the store sales dashboard for our retail chain.\n",
        encoding="utf-8",
    )
    imported = _veil(
        tmp_path,
        "people",
        "import",
        "--role",
        role_id,
        "--person",
        "Ana Lindqvist",
        "--json",
        str(ana / "self_review.txt"),
        str(ana / "manager_review.txt"),
    )
    assert imported.returncode == 0, imported.stderr
    lines = [json.loads(line) for line in imported.stdout.splitlines()]
    assert {line["status"] for line in lines} == {"imported"}
    assert len({line["person_id"] for line in lines}) == 1
    person_id = lines[0]["person_id"]
    again = _veil(
        tmp_path, "people", "import", "--role", role_id, "--person-by-folder", "--json", str(ana)
    )
    assert {json.loads(x)["status"] for x in again.stdout.splitlines()} == {"duplicate"}

    gaps = json.loads(_veil(tmp_path, "people", "gaps", "--role", role_id, "--json").stdout)
    assert gaps["role"] == int(role_id)
    (row,) = gaps["people"]
    assert row["person_id"] == person_id
    cells = {c["competency"]: c for c in row["competencies"]}
    assert set(cells) == {
        "SQL for data extraction",
        "Python for analysis",
        "Retail industry experience",
    }
    for cell in cells.values():
        assert 0.0 <= cell["satisfaction"] <= 1.0
        assert isinstance(cell["gap"], bool)
    sql = cells["SQL for data extraction"]
    assert not sql["gap"]
    assert set(sql["evidence"]) >= {"text", "document"}
    assert "SQL" in sql["evidence"]["text"]
    assert cells["Python for analysis"]["gap"]  # only a wish
    assert "Lindqvist" not in json.dumps(gaps)
    assert gaps["team"]["suppressed"] is True

    assert gaps["agreement"]["checked"] == 0
    retail_call = cells["Retail industry experience"]["gap"]
    marked = _veil(
        tmp_path,
        "people",
        "mark",
        str(person_id),
        "3",
        "--not-shown" if not retail_call else "--shown",
        "--reason",
        "checked the manager's review",
        "--reviewer",
        "Reviewer A",
    )
    assert marked.returncode == 0, marked.stderr
    after = json.loads(_veil(tmp_path, "people", "gaps", "--role", role_id, "--json").stdout)
    retail = next(
        c for c in after["people"][0]["competencies"] if c["competency"].startswith("Retail")
    )
    assert retail["gap"] is (not retail_call)  # the reviewer's word wins
    assert retail["veil_gap"] is retail_call  # Veil's own call is kept beside it
    assert retail["mark"]["reviewer"] == "Reviewer A"
    assert (after["agreement"]["checked"], after["agreement"]["agreed"]) == (1, 0)
    bad = _veil(tmp_path, "people", "mark", str(person_id), "9", "--shown")
    assert bad.returncode != 0
    assert "No such competency" in bad.stderr
    assert _veil(tmp_path, "people", "mark", str(person_id), "3", "--clear").returncode == 0
    cleared = json.loads(_veil(tmp_path, "people", "gaps", "--role", role_id, "--json").stdout)
    assert all(c["mark"] is None for c in cleared["people"][0]["competencies"])

    (tmp_path / "courses.csv").write_text(COURSES, encoding="utf-8")
    assert (
        _veil(tmp_path, "training", "import", "--csv", str(tmp_path / "courses.csv")).returncode
        == 0
    )
    plan = json.loads(_veil(tmp_path, "people", "plan", str(person_id), "--json").stdout)
    assert plan["person_id"] == person_id
    python = next(g for g in plan["gaps"] if g["competency"] == "Python for analysis")
    assert python["checked"] is False  # Veil's call: no reviewer has marked it yet
    assert python["courses"][0]["title"] == "Python for analysts"
    assert "Python for analysis" in python["courses"][0]["reason"]
    # a reviewer who finds Python shown after all: the plan no longer offers a course for it
    assert _veil(tmp_path, "people", "mark", str(person_id), "2", "--shown").returncode == 0
    replanned = json.loads(_veil(tmp_path, "people", "plan", str(person_id), "--json").stdout)
    assert "Python for analysis" not in {g["competency"] for g in replanned["gaps"]}

    (tmp_path / "ratings.csv").write_text(
        f"person_id,rating,manager\n{person_id},3,A\n", encoding="utf-8"
    )
    cal = _veil(
        tmp_path,
        "people",
        "calibrate",
        "--role",
        role_id,
        "--ratings",
        str(tmp_path / "ratings.csv"),
        "--json",
    )
    assert cal.returncode == 0, cal.stderr
    assert json.loads(cal.stdout) == {"role": int(role_id), "questions": []}
