"""Access export (GDPR Art. 15/20, PIPL Art. 45): JSON and HTML with everything held about the
person, every item of Art. 15(1) (a)-(h), the original file; hostile resume text is escaped."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.compliance.export import ARTICLE_15_ITEMS
from core.services import lifecycle
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE, add_person, new_job

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ART_15_1 = ("a", "b", "c", "d", "e", "f", "g", "h")  # GDPR Art. 15(1): purposes ... logic


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Any]:
    with Workspace.create(tmp_path / "e.veil", PASSPHRASE) as workspace:
        yield workspace


def _hostile_person(ws: Any) -> tuple[int, int]:
    job_id = new_job(ws)
    cid = add_person(ws, job_id, "ZqExport" + HOSTILE, 1, reviewer="Rev " + HOSTILE[:20])
    lifecycle.set_retention(ws, preset="germany", actor="dpo")
    add_person(ws, job_id, "ZqSomeoneElse", 2)
    return job_id, cid


def test_export_holds_everything_and_every_article_15_item(ws: Any, tmp_path: Path) -> None:
    job_id, cid = _hostile_person(ws)
    out = tmp_path / "out"
    written = lifecycle.export_candidate(ws, cid, out, actor="dpo")
    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in out.iterdir())
    assert names == [
        f"candidate-{cid}-original.txt",
        f"candidate-{cid}.html",
        f"candidate-{cid}.json",
    ]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    record = json.loads((out / f"candidate-{cid}.json").read_text(encoding="utf-8"))

    art = record["article_15"]
    assert [key[0] for key in ARTICLE_15_ITEMS] == list(ART_15_1)
    for key in ARTICLE_15_ITEMS:
        assert art[key], key
    assert art["d_retention"]["delete_after"]
    assert "AGG" in art["d_retention"]["period"]
    assert art["h_automated_decision"]["logic"]
    assert art["h_automated_decision"]["significance"]
    assert art["h_automated_decision"]["solely_automated"] is False

    data = record["data"]
    document = ws.candidates.document(cid)
    assert data["document"]["text"] == document.text
    assert data["document"]["filename"] == document.filename
    assert (out / data["document"]["file"]).read_bytes() == document.data
    assert data["redacted_text"] == ws.candidates.get(cid).redacted_text
    assert data["redaction_placeholders"] == ws.candidates.mapping(cid)
    assert [j["job_id"] for j in data["jobs"]] == [job_id]
    (score,) = data["scores"]
    assert score["model_version"] == "test-model@1"
    assert score["requirements"][0]["evidence"]["text"]
    (decision,) = data["decisions"]
    assert decision["kind"] == "hold"
    assert "ZqExport" in decision["reason"]
    kinds = [e["kind"] for e in data["audit_events"]]
    assert {"candidate.viewed", "identity.revealed", "decision.recorded"} <= set(kinds)
    assert all(e["subject"]["candidate_id"] == cid for e in data["audit_events"])
    assert data["other_records"]["self_identification"][0]["value"].startswith("answer ZqExport")
    assert "ZqSomeoneElse" not in json.dumps(record)
    assert ws.audit.list()[-1].kind == "candidate.exported"
    assert ws.audit.list()[-1].subject == {"candidate_id": cid}

    page = (out / f"candidate-{cid}.html").read_text(encoding="utf-8")
    for key in ARTICLE_15_ITEMS:
        assert f'id="{key}"' in page
    assert "ZqExport" in page
    assert "test-model@1" in page


def test_html_escapes_hostile_resume_text(ws: Any, tmp_path: Path) -> None:
    _, cid = _hostile_person(ws)
    lifecycle.export_candidate(ws, cid, tmp_path / "out", actor="dpo")
    page = (tmp_path / "out" / f"candidate-{cid}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page
    assert re.search(r"<\s*script", page, re.IGNORECASE) is None
    assert "<img" not in page.lower()
    assert "default-src 'none'" in page  # and a page that would still load or run nothing


def test_export_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.veil"
    with Workspace.create(path, PASSPHRASE) as ws:
        cid = add_person(ws, new_job(ws), "ZqCli", 1)
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "export"
    assert main(["--workspace", str(path), "export", str(cid), "--out", str(out)]) == 0
    assert (out / f"candidate-{cid}.json").exists()
    assert main(["--workspace", str(path), "export", "999", "--out", str(out)]) == 2
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert main(["--workspace", str(path), "export", str(cid), "--out", str(blocked)]) == 2
