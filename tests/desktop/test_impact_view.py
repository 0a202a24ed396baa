"""The impact report screen over a real workspace: computed in a worker, chart, table, warnings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.domain import Requirement, Score
from core.services import compliance
from core.services.review import decide
from core.storage import Workspace
from desktop.impact_view import ImpactChart, ImpactView
from tests.core.compliance.conftest import add_candidate

PASSPHRASE = "quiet meadow lantern 77"


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Any, int]]:
    with Workspace.create(tmp_path / "impact.veil", PASSPHRASE) as ws:
        job = int(ws.jobs.add("Analyst", "SQL", [Requirement("sql")]).id)
        ids = [add_candidate(ws, job, f"Resume {i}: SQL") for i in range(12)]
        ws.scores.put_many(
            [Score(float(i), (), candidate_id=c, job_id=job) for i, c in enumerate(ids)]
        )
        rows = [
            f"{c},{'Female' if i < 6 else 'Male'},{'A' if i % 2 else 'B'}"
            for i, c in enumerate(ids)
        ]
        compliance.import_selfid(ws, "candidate_id,sex,race_ethnicity\n" + "\n".join(rows))
        for cid in ids[:5] + ids[6:8]:
            decide(ws, job, cid, "shortlist", reviewer="R")
        yield ws, job


def test_report_screen(qtbot: Any, filled: tuple[Any, int], shown_errors: list[str]) -> None:
    ws, job = filled
    view = ImpactView(ws, job, actor="Auditor")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None, timeout=10_000)
    assert shown_errors == []
    assert [view.category.itemText(i) for i in range(view.category.count())] == [
        "race_ethnicity",
        "sex",
        "sex × race_ethnicity",
    ]
    view.category.setCurrentText("sex")
    assert [g.group for g in view.chart.groups] == ["Female", "Male"]
    assert view.table.rowCount() == 2
    cells = [view.table.item(1, c).text() for c in range(9)]
    # men: 6 people, 2 shortlisted (33.3%) vs women 5/6: ratio 0.40; all men above the median
    assert cells[:5] == ["Male", "6", "2", "33.3%", "0.40"]
    assert cells[6] == "100.0%"
    assert "Job 1: 12 people, median score 5.50, 0 of unknown category." in view.summary.text()
    assert "sex = Male: selection impact ratio 0.4 is under 0.80." in view.warnings.text()
    assert "only 6 people" in view.warnings.text()
    assert ImpactChart.threshold(view.chart.groups, "selection") == pytest.approx(0.8 * 5 / 6)
    image = view.chart.grab().toImage()  # paints without error, at its size
    assert image.width() > 0
    assert ws.audit.list()[-1].kind == "impact.reported"
    assert ws.audit.list()[-1].actor == "Auditor"


def test_empty_chart_paints(qtbot: Any) -> None:
    chart = ImpactChart()
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    assert chart.grab().width() == 400
