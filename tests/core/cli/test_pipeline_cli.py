"""The `veil` pipeline commands end to end, as scripts use them: real intake, redaction, encoder
and encrypted workspace, in subprocesses; exit codes, stdout JSON shapes, one-line errors."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from core import sample

pytestmark = pytest.mark.slow

PASSPHRASE = "pipeline cli test passphrase 7"
REQ_KEYS = {"text", "must", "satisfaction", "evidence", "matched"}


class Veil:
    def __init__(self, home: Path, workspace: Path) -> None:
        self.env = {
            **os.environ,
            "VEIL_HOME": str(home),
            "VEIL_WORKSPACE": str(workspace),
            "VEIL_PASSPHRASE": PASSPHRASE,
            "VEIL_REVIEWER": "Test Reviewer",
        }
        self.workspace = workspace

    def __call__(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "core", *args],
            capture_output=True,
            text=True,
            env={**self.env, **(env or {})},
            timeout=300,
            check=False,
        )


@pytest.fixture(scope="module")
def veil(tmp_path_factory: pytest.TempPathFactory) -> Veil:
    root = tmp_path_factory.mktemp("pipeline-cli")
    v = Veil(root / "home", root / "ws.veil")
    done = v("init")
    assert done.returncode == 0, done.stderr
    return v


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Six sample resumes (two of each format), a ZIP of two more, a broken PDF, an empty text
    file, and a copy of one resume under another name."""
    root = tmp_path_factory.mktemp("batch")
    resumes = sample.resume_paths()
    by_kind = {ext: [p for p in resumes if p.suffix == ext] for ext in (".pdf", ".docx", ".txt")}
    files = [p for ext in by_kind for p in by_kind[ext][:2]]
    folder = root / "inbox"
    folder.mkdir()
    for p in files:
        (folder / p.name).write_bytes(p.read_bytes())
    zipped = [by_kind[".pdf"][2], by_kind[".docx"][2]]
    with zipfile.ZipFile(root / "more.zip", "w") as z:
        for p in zipped:
            z.write(p, p.name)
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 this is not a real pdf")
    (root / "empty.txt").write_bytes(b"")
    copy = root / "copy-of-first.txt"
    copy.write_bytes(by_kind[".txt"][0].read_bytes())
    job = root / "job.txt"
    job.write_text(sample.job_text(), encoding="utf-8")
    return {
        "paths": [folder, root / "more.zip", root / "broken.pdf", root / "empty.txt", copy],
        "txt": by_kind[".txt"][:2],
        "real": len(files) + len(zipped),
        "job": job,
    }


@pytest.fixture(scope="module")
def job_id(veil: Veil, batch: dict[str, Any]) -> int:
    done = veil("job", "add", "--title", "Data Engineer", "--file", str(batch["job"]))
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"\d+\n", done.stdout)
    return int(done.stdout)


@pytest.fixture(scope="module")
def imported(veil: Veil, batch: dict[str, Any], job_id: int) -> list[dict[str, Any]]:
    done = veil("import", "--job", str(job_id), "--json", *map(str, batch["paths"]))
    assert done.returncode == 3, done.stderr  # finished, but some files failed
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert "failed 2" in done.stderr
    return rows


def test_job_add_list_show(veil: Veil, job_id: int) -> None:
    listed = veil("job", "list", "--json")
    assert listed.returncode == 0
    jobs = json.loads(listed.stdout)
    assert [j["id"] for j in jobs] == [job_id]
    shown = veil("job", "show", str(job_id), "--json")
    job = json.loads(shown.stdout)
    assert job["title"] == "Data Engineer"
    musts = [r["text"] for r in job["requirements"] if r["must"]]
    nices = [r["text"] for r in job["requirements"] if not r["must"]]
    assert any("Python" in t for t in musts)
    assert any("Kafka" in t for t in nices)
    text = veil("job", "show", str(job_id))
    assert "[must]" in text.stdout
    assert "[nice]" in text.stdout


def test_import_reports_every_file_with_its_outcome(
    imported: list[dict[str, Any]], batch: dict[str, Any]
) -> None:
    assert all(set(r) == {"path", "candidate_id", "status", "error"} for r in imported)
    by_status: dict[str, list[dict[str, Any]]] = {}
    for r in imported:
        by_status.setdefault(r["status"], []).append(r)
    assert len(by_status["imported"]) == batch["real"]
    assert all(
        isinstance(r["candidate_id"], int) and r["error"] == "" for r in by_status["imported"]
    )
    failed = {Path(r["path"]).name: r for r in by_status["failed"]}
    assert set(failed) == {"broken.pdf", "empty.txt"}
    assert all(r["candidate_id"] is None and r["error"] for r in failed.values())
    (dup,) = by_status["duplicate"]
    assert Path(dup["path"]).name == "copy-of-first.txt"
    original = next(r for r in by_status["imported"] if r["path"].endswith(batch["txt"][0].name))
    assert dup["candidate_id"] == original["candidate_id"]


def test_show_is_redacted_and_reveal_is_audited(
    veil: Veil, imported: list[dict[str, Any]], batch: dict[str, Any]
) -> None:
    path = batch["txt"][1]
    row = next(r for r in imported if r["path"].endswith(path.name) and r["status"] == "imported")
    original = path.read_text(encoding="utf-8")
    name = original.splitlines()[0].strip()
    email = re.search(r"\S+@example\.\w+", original)
    assert email is not None
    shown = veil("show", str(row["candidate_id"]))
    assert shown.returncode == 0, shown.stderr
    for part in name.split():
        assert part.lower() not in shown.stdout.lower()
    assert email.group() not in shown.stdout
    assert "<EMAIL_1>" in shown.stdout
    revealed = veil("show", str(row["candidate_id"]), "--reveal")
    assert revealed.returncode == 0
    assert email.group() in revealed.stdout
    audit = veil("audit", "list", "--json")
    kinds = [(e["kind"], e["subject"].get("candidate_id")) for e in json.loads(audit.stdout)]
    assert ("candidate.viewed", row["candidate_id"]) in kinds
    assert ("identity.revealed", row["candidate_id"]) in kinds


def test_rank_json_shape_best_first_then_decide(
    veil: Veil, imported: list[dict[str, Any]], job_id: int
) -> None:
    done = veil("rank", "--job", str(job_id), "--json")
    assert done.returncode == 0, done.stderr
    ranked = json.loads(done.stdout)
    ids = {r["candidate_id"] for r in imported if r["status"] == "imported"}
    assert {r["candidate_id"] for r in ranked} == ids
    assert all(set(r) == {"candidate_id", "score", "requirements"} for r in ranked)
    scores = [r["score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    for r in ranked:
        for req in r["requirements"]:
            assert set(req) == REQ_KEYS
            assert 0.0 <= req["satisfaction"] <= 1.0
            assert isinstance(req["matched"], list)
            assert req["evidence"] is None or isinstance(req["evidence"], str)
    best = ranked[0]["candidate_id"]
    decided = veil("decide", str(best), "--job", str(job_id), "shortlist", "--reason", "strong fit")
    assert decided.returncode == 0, decided.stderr
    table = veil("rank", "--job", str(job_id), "--top", "3")
    assert table.returncode == 0
    rows = table.stdout.splitlines()[2:]
    assert len(rows) == 3
    (row,) = [r for r in rows if f"Candidate {best} " in r]  # still among the best three
    assert "shortlist" in row
    audit = json.loads(veil("audit", "list", "--json").stdout)
    recorded = [e for e in audit if e["kind"] == "decision.recorded"]
    assert recorded[-1]["subject"]["candidate_id"] == best
    assert recorded[-1]["subject"]["kind"] == "shortlist"
    assert recorded[-1]["actor"] == "Test Reviewer"
    assert veil("audit", "verify").returncode == 0
    with_evidence = veil("show", str(best), "--job", str(job_id))
    assert "»" in with_evidence.stdout
    assert "[x]" in with_evidence.stdout


def test_second_job_ranks_the_pool_from_the_cache(
    veil: Veil, imported: list[dict[str, Any]], tmp_path: Path
) -> None:
    from core.storage import Workspace

    job = tmp_path / "nurse.txt"
    job.write_text(
        "Registered Nurse\n\nRequirements\n- Patient assessment and triage\n"
        "- Medication administration\n- BLS and ACLS certification\n",
        encoding="utf-8",
    )
    second = int(veil("job", "add", "--title", "Nurse", "--file", str(job)).stdout)
    with Workspace.open(veil.workspace, PASSPHRASE) as ws:
        before = ws.embeddings.count()
        pool = len(ws.candidates.list())
    assert before >= pool  # the import encoded every resume ahead of ranking
    done = veil("rank", "--job", str(second), "--pool", "--json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == pool
    with Workspace.open(veil.workspace, PASSPHRASE) as ws:
        assert ws.embeddings.count() == before  # nothing new was encoded


def test_errors_are_one_line_and_non_zero(veil: Veil, imported: list[dict[str, Any]]) -> None:
    wrong = veil("rank", "--job", "1", env={"VEIL_PASSPHRASE": "not the passphrase at all"})
    assert wrong.returncode != 0
    assert len(wrong.stderr.strip().splitlines()) == 1
    assert "passphrase" in wrong.stderr.lower()
    missing = veil("show", "99999")
    assert missing.returncode != 0
    assert len(missing.stderr.strip().splitlines()) == 1
    bad_kind = veil("decide", "1", "--job", "1", "maybe")
    assert bad_kind.returncode != 0
    no_job = veil("rank", "--job", "424242", "--json")
    assert no_job.returncode != 0
    assert no_job.stdout == ""


def test_ctrl_c_stops_an_import_and_keeps_the_finished_files(tmp_path: Path) -> None:
    from core.storage import Workspace

    v = Veil(tmp_path / "home", tmp_path / "interrupted.veil")
    assert v("init").returncode == 0
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # enough files that the import cannot finish between the first line and the signal, even on
    # a loaded machine (redaction runs in batches, so the first line comes after a whole batch)
    texts = [p for p in sample.resume_paths() if p.suffix == ".txt"]
    resumes = [inbox / f"resume-{i:02d}.txt" for i in range(40)]
    for i, path in enumerate(resumes):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        path.write_text(f"{body}\nReference number {i}\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "core", "import", "--json", str(inbox)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=v.env,
        # a shell that runs the suite in the background ignores SIGINT, and children inherit
        # that: give the child the terminal's default, as a person pressing Ctrl-C has
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    first = json.loads(proc.stdout.readline())
    assert first["status"] == "imported"
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    last = err.strip().splitlines()[-1]
    assert last.startswith("Interrupted. Files finished before the stop are kept: imported ")
    assert "internal error" not in err
    assert "Traceback" not in err
    printed = 1 + len(rest.splitlines())
    with Workspace.open(v.workspace, PASSPHRASE) as ws:
        stored = ws.candidates.list()
        # every file reported is stored; at most the one in flight was stored but not printed
        assert printed <= len(stored) <= printed + 1
        assert len(stored) < len(resumes)
        for c in stored:
            assert c.redacted_text
            assert ws.candidates.document(c.id).data
        events = [e for e in ws.audit.list() if e.kind == "candidate.imported"]
        assert len(events) == len(stored)
        assert ws.audit.verify().ok
    again = v("import", "--json", str(inbox))
    assert again.returncode == 0, again.stderr
    statuses = [json.loads(line)["status"] for line in again.stdout.splitlines()]
    assert statuses.count("duplicate") == len(stored)
    assert statuses.count("imported") == len(resumes) - len(stored)


def test_hostile_file_names_reach_the_terminal_as_text(
    veil: Veil, imported: list[dict[str, Any]], batch: dict[str, Any], tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    broken = hostile / "\x1b]0;owned\x07\x1b[2Jcv\nveil: ok <b>x<img src=x>.pdf"
    broken.write_bytes(b"%PDF-1.7\n\x00 not a real pdf")
    resume = hostile / "\x1b[31mred\u202e.txt"
    resume.write_bytes(batch["txt"][0].read_bytes().replace(b"Python", b"Python, COBOL"))
    done = veil("import", str(hostile))
    assert done.returncode == 3, done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert "\u202e" not in done.stdout
    failed = [line for line in done.stdout.splitlines() if line.startswith("  failed: ")]
    assert len(failed) == 1  # the new line in the name did not make a second line
    assert "\\u001b]0;owned\\u0007" in failed[0]
    assert "<b>x<img src=x>" in failed[0]
    listed = veil("audit", "list", "--json")
    new_id = max(
        e["subject"]["candidate_id"]
        for e in json.loads(listed.stdout)
        if e["kind"] == "candidate.imported"
    )
    shown = veil("show", str(new_id), "--reveal")
    assert shown.returncode == 0, shown.stderr
    header = shown.stdout.splitlines()[0]
    assert "\\u001b[31mred\\u202e.txt" in header
    assert "\x1b" not in shown.stdout
