"""The candidate's explanation (AI Act Art. 86, GDPR Art. 22(3), PIPL Art. 24): the tool's role,
each requirement with the evidence found, the decision, how to ask for human review; audited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.compliance import explanation
from core.services import lifecycle
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE, add_person, new_job


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Any]:
    with Workspace.create(tmp_path / "x.veil", PASSPHRASE) as workspace:
        yield workspace


def test_explanation_names_role_requirements_evidence_decision_and_review(ws: Any) -> None:
    job_id = new_job(ws)
    cid = add_person(ws, job_id, "ZqExplain", 1)
    lifecycle.set_contact(ws, organisation="", contact=" privacy@example.invalid ", actor="dpo")
    result = lifecycle.explain(ws, cid, job_id, actor="dpo")
    text = explanation.render_text(result)
    assert "screening aid" in text
    assert "People review the applications and make every decision" in text
    for requirement in ("Python (must-have): found", "Kafka (nice-to-have): found"):
        assert requirement in text
    assert 'evidence: "Kafka streams at Acme ZqExplain. Built' in text  # on one line
    assert "Advisory score 61 of 100 (model version test-model@1)" in text
    assert "A reviewer recorded: hold" in text
    assert "reason ZqExplain" in text
    assert "human review" in text
    assert "privacy@example.invalid" in text
    assert "<PERSON_1>" not in text  # evidence comes from the redacted text, cut to the passage
    event = ws.audit.list()[-1]
    assert (event.kind, event.subject) == (
        "explanation.produced",
        {"candidate_id": cid, "job_id": job_id},
    )


def test_unscored_undecided_candidate_is_explained_honestly(ws: Any) -> None:
    job_id = new_job(ws)
    cid = add_person(ws, job_id, "ZqFirst", 1)
    other_job = int(ws.jobs.add("Analyst", "Excel", ()).id)
    result = lifecycle.explain(ws, cid, other_job, actor="dpo")
    text = explanation.render_text(result)
    assert "has not scored this application" in text
    assert "No decision has been recorded yet." in text


def test_html_explanation_escapes_and_cli_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    path = tmp_path / "c.veil"
    with Workspace.create(path, PASSPHRASE) as ws:
        job_id = new_job(ws)
        cid = add_person(ws, job_id, "Zq<script>alert(1)</script>", 1)
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    ws_args = ["--workspace", str(path), "retention", "contact", "--organisation", "Acme <b>"]
    assert main(ws_args) == 0
    out = tmp_path / "why.html"
    args = ["--workspace", str(path), "explain", str(cid), "--job", str(job_id)]
    assert main([*args, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page
    assert re.search(r"<\s*script", page, re.IGNORECASE) is None
    assert "<h2>How to ask for a human review</h2>" in page
    assert "at Acme &lt;b&gt;" in page
    capsys.readouterr()
    assert main(args) == 0
    assert "The tool's role" in capsys.readouterr().out
    with Workspace.open(path, PASSPHRASE) as ws:
        kinds = [e.kind for e in ws.audit.list()]
    assert kinds.count("explanation.produced") == 2
