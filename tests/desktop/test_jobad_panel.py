"""The job-ad panel: findings as the recruiter types (debounced), underlines, one-click
rewrite, and the pool check of a stored job read from a real encrypted workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from core.domain import Requirement, RequirementScore, Score
from desktop.jobad_panel import JobAdPanel, utf16_offset
from desktop.session import Session
from tests.core.services.test_encoder_import import add_text_candidates

pytestmark = pytest.mark.gui

PASS = "panel passphrase 31"


def _panel(qtbot: Any, text: str = "", **kwargs: Any) -> tuple[QPlainTextEdit, JobAdPanel]:
    editor = QPlainTextEdit()
    panel = JobAdPanel(editor, **kwargs)
    editor.textChanged.connect(panel.schedule)
    qtbot.addWidget(editor)
    qtbot.addWidget(panel)
    if text:
        with qtbot.waitSignal(panel.checked, timeout=10000):
            editor.setPlainText(text)
    return editor, panel


def test_findings_underlines_and_debounce(qtbot: Any) -> None:
    editor, panel = _panel(qtbot)
    reports: list[Any] = []
    panel.checked.connect(reports.append)
    with qtbot.waitSignal(panel.checked, timeout=10000):
        qtbot.keyClicks(editor, "Young waitress wanted, female only.")  # 35 keystrokes
    qtbot.wait(400)
    assert len(reports) == 1  # one check after typing paused, not one per key
    cats = {f.category for f in reports[0].findings}
    assert {"us_sex_preference", "uk_age"} <= cats or {"us_sex_preference", "us_age"} <= cats
    assert panel.findings.count() == len(reports[0].findings)
    spans = {(f.start, f.end) for f in reports[0].findings if not f.document}
    assert set(panel.underlined()) == spans
    assert "errors" in panel.summary.text()


def test_one_click_rewrite_is_undoable(qtbot: Any) -> None:
    editor, panel = _panel(qtbot)
    panel.jurisdiction.setCurrentIndex(panel.jurisdiction.findData("UK"))
    with qtbot.waitSignal(panel.checked, timeout=10000):
        editor.setPlainText("Waitress needed for weekends.")
    row = next(
        i
        for i, f in enumerate(panel._report.findings if panel._report else ())
        if f.category == "uk_gendered_title"
    )
    panel.findings.setCurrentRow(row)
    assert panel.rewrite_button.isEnabled()
    assert "Source:" in panel.details.text()
    with qtbot.waitSignal(panel.checked, timeout=10000):
        panel.rewrite_button.click()
    assert editor.toPlainText() == "Waiting staff member needed for weekends."
    assert "uk_gendered_title" not in {f.category for f in panel._report.findings}
    editor.undo()
    assert editor.toPlainText() == "Waitress needed for weekends."


def test_chinese_and_offsets_past_the_basic_plane(qtbot: Any) -> None:
    text = "😀招聘店员，限男性，35岁以下。"
    editor, panel = _panel(qtbot, text)
    found = {f.category: f for f in panel._report.findings} if panel._report else {}
    gender = found["cn_gender"]
    start, end = utf16_offset(text, gender.start), utf16_offset(text, gender.end)
    assert (start, end) in panel.underlined()
    assert end - start == 3
    assert start == gender.start + 1
    row = list(panel._report.findings).index(gender)  # type: ignore[union-attr]
    panel.findings.setCurrentRow(row)
    with qtbot.waitSignal(panel.checked, timeout=10000):
        assert panel.apply_selected()
    assert editor.toPlainText() == "😀招聘店员，男女不限，35岁以下。"


def _workspace_with_scores(path: Path) -> int:
    from core.storage import Workspace

    reqs = (Requirement("SQL"), Requirement("10+ years of Python"))
    with Workspace.create(path, PASS) as ws:
        job = ws.jobs.add("Junior analyst", "Junior analyst. Requirements: SQL.", reqs)
        table = [(0.9, 0.1), (0.8, 0.2), (0.9, 0.9), (0.1, 0.1)]
        texts = [f"Fictitious resume {n}" for n in range(len(table))]
        scores = []
        for cid, sats in zip(add_text_candidates(ws, job.id, texts), table, strict=True):
            parts = tuple(
                RequirementScore(requirement=r, satisfaction=s, similarity=0.0)
                for r, s in zip(reqs, sats, strict=True)
            )
            scores.append(Score(50.0, parts, candidate_id=cid, job_id=job.id))
        ws.scores.put_many(scores)
        return int(job.id)


def test_pool_of_a_stored_job(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "panel.veil"
    job_id = _workspace_with_scores(path)
    session = Session(path)
    session.open(PASS)
    try:
        editor, panel = _panel(qtbot, session=session, job_id=lambda: job_id)
        with qtbot.waitSignal(panel.pool_loaded, timeout=10000):
            editor.setPlainText("Junior analyst. Requirements: SQL.")
        text = panel.pool.text()
        assert "Pool: 4 ranked candidates" in text
        assert "removes_most" in text  # 10+ years: 1 of 4
        assert "age_proxy" in text  # 10+ years for a junior role
        panel.clear()
        assert panel.findings.count() == 0
        assert panel.underlined() == []
    finally:
        session.close()
