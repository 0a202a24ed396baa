"""The candidate view's "Candidate's data" menu: export, explanation and erasure run the lifecycle
services in a worker, over a real encrypted workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.candidate_view import CandidateView
from desktop.session import Session
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE, add_person, new_job

pytestmark = pytest.mark.gui


def test_export_explain_and_erase_from_the_candidate_view(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    session = Session(tmp_path / "d.veil", reviewer="rev")
    session.create(PASSPHRASE)
    ws = session.workspace
    job_id = new_job(ws)
    cid = add_person(ws, job_id, "ZqDesk", 1)
    add_person(ws, job_id, "ZqStays", 2)
    view = CandidateView(session)
    qtbot.addWidget(view)
    assert view.show_candidate(job_id, cid)

    out = tmp_path / "export"
    monkeypatch.setattr(view, "choose_folder", lambda: str(out))
    view.export_data()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=10_000)
    assert (out / f"candidate-{cid}.json").exists()

    page = tmp_path / "why.html"
    monkeypatch.setattr(view, "choose_file", lambda _name: str(page))
    view.explain()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10_000)
    assert "human review" in page.read_text(encoding="utf-8")

    monkeypatch.setattr(view, "confirm_erase", lambda: True)
    with qtbot.waitSignal(view.erased, timeout=10_000) as erased:
        view.erase()
    assert erased.args == [cid]
    assert view.candidate_id is None
    assert [c.id for c in ws.candidates.list()] == [cid + 1]
    kinds = [e.kind for e in ws.audit.list()]
    assert {"candidate.exported", "explanation.produced", "candidate.erased"} <= set(kinds)
    session.close()
