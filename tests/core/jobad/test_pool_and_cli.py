"""Pool-aware requirement check on a real encrypted workspace with stored scores (the scorer's
per-requirement satisfactions, as ranking stores them), and the CLI in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from core.domain import Job, Requirement, RequirementScore, Score
from core.jobad.pool import check_pool, proxy_flags
from core.services.jobad import check_job
from core.storage import Workspace
from tests.core.services.test_encoder_import import add_text_candidates

PASSPHRASE = "pool check passphrase 7"
POSTING = (
    "Junior Data Analyst\n"
    "We are a young company. Male candidates preferred.\n"
    "Requirements:\n"
    "- SQL\n"
    "- 10+ years of Python\n"
    "- Excel\n"
    "Nice to have:\n"
    "- Tableau\n"
)
REQS = (
    Requirement("SQL"),
    Requirement("10+ years of Python"),
    Requirement("Excel"),
    Requirement("Tableau", must=False),
)
# satisfaction per candidate: SQL, Python 10+, Excel, Tableau
TABLE = {
    1: (0.9, 0.2, 0.8, 0.9),
    2: (0.8, 0.1, 0.9, 0.8),
    3: (0.9, 0.8, 0.9, 0.1),
    4: (0.2, 0.1, 0.9, 0.9),
    5: (0.75, 0.3, 0.2, 0.2),
    6: (0.95, 0.2, 0.85, 0.95),
}


def _score(job_id: int, cid: int, sats: tuple[float, ...]) -> Score:
    parts = tuple(
        RequirementScore(requirement=r, satisfaction=s, similarity=0.0)
        for r, s in zip(REQS, sats, strict=True)
    )
    return Score(score=100 * sum(sats) / 4, requirements=parts, candidate_id=cid, job_id=job_id)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, dict[int, int]]:
    path = tmp_path / "pool.veil"
    with Workspace.create(path, PASSPHRASE) as ws:
        job = ws.jobs.add("Junior Data Analyst", POSTING, REQS)
        texts = [f"Fictitious resume number {n}: SQL and Excel." for n in TABLE]
        ids = dict(zip(TABLE, add_text_candidates(ws, job.id, texts), strict=True))
        ws.scores.put_many([_score(job.id, ids[n], sats) for n, sats in TABLE.items()])
    monkeypatch.setenv("VEIL_WORKSPACE", str(path))
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    return path, int(job.id), ids


def test_each_must_have_cut_of_the_pool(workspace: tuple[Path, int, dict[int, int]]) -> None:
    path, job_id, ids = workspace
    with Workspace.open(path, PASSPHRASE) as ws:
        result = check_job(ws, job_id, jurisdiction="US")
    pool = result.pool
    assert pool.pool == 6
    by_req = {m.requirement: m for m in pool.must_haves}
    assert set(by_req) == {"SQL", "10+ years of Python", "Excel"}  # must-haves only
    python = by_req["10+ years of Python"]
    assert (python.met, python.candidates) == (1, 6)
    assert python.qualified_now == 1  # candidate 3 alone meets every must-have
    assert python.qualified_if_nice == 4  # 1, 2, 3 and 6 meet SQL and Excel
    assert "removes_most" in python.flags
    assert "age_proxy" in python.flags  # 10+ years for a junior role
    assert by_req["SQL"].share_met == pytest.approx(5 / 6)
    assert "removes_most" not in by_req["SQL"].flags
    # re-weighting the stored satisfactions changes the order, without re-encoding
    assert python.shortlist_now != python.shortlist_if_nice or pool.shortlist_size == 6
    assert set(python.shortlist_now) <= set(ids.values())
    # the posting's own findings come with it; the edited must-haves are counted
    assert result.report.stats["must_haves"] == 3
    assert "us_sex_preference" in {f.category for f in result.report.findings}


def test_shortlist_changes_when_a_must_have_becomes_nice() -> None:
    reqs = (Requirement("A"), Requirement("B"), Requirement("C", must=False))
    job = Job(id=1, title="Analyst", text="", requirements=reqs)
    rows = {1: (1.0, 0.0, 1.0), 2: (0.6, 0.6, 0.0), 3: (0.0, 1.0, 0.0)}
    scores = [
        Score(
            score=0.0,
            requirements=tuple(
                RequirementScore(requirement=r, satisfaction=s, similarity=0.0)
                for r, s in zip(reqs, sats, strict=True)
            ),
            candidate_id=cid,
        )
        for cid, sats in rows.items()
    ]
    check = check_pool(job, scores, shortlist=1)
    b = next(m for m in check.must_haves if m.requirement == "B")
    # weights now A2 B2 C1: 1 -> 3/5, 2 -> 2.4/5, 3 -> 2/5; B nice (A2 B1 C1): 1 -> 3/4
    assert b.shortlist_now == (1,)
    a = next(m for m in check.must_haves if m.requirement == "A")
    # A nice (A1 B2 C1): 1 -> 2/4, 2 -> 1.8/4, 3 -> 2/4: tie broken by id
    assert a.shortlist_if_nice == (1,)
    assert check_pool(job, []).notes == ("No stored scores: rank the job first.",)


@pytest.mark.parametrize(
    ("text", "title", "flag"),
    [
        ("Graduated in 2022 or later", "Analyst", "age_proxy"),
        ("8+ years of sales", "Junior sales assistant", "age_proxy"),
        ("Minimum height 175 cm", "Security officer", "sex_proxy"),
        ("身高165cm以上", "前台", "sex_proxy"),
    ],
)
def test_proxy_flags(text: str, title: str, flag: str) -> None:
    flags, notes = proxy_flags(Requirement(text), Job(id=1, title=title, text=""))
    assert flag in flags
    assert notes
    assert proxy_flags(Requirement("8+ years of sales"), Job(1, "Sales director", ""))[0] == []


def test_cli_job_check_file_and_job(
    workspace: tuple[Path, int, dict[int, int]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, job_id, _ = workspace
    ad = tmp_path / "ad.txt"
    ad.write_text("Waitress wanted. Please state your current salary.\n", encoding="utf-8")
    assert main(["job", "check", str(ad), "--jurisdiction", "EU", "--json"]) == 0  # exit 0
    out = json.loads(capsys.readouterr().out)
    cats = {f["category"]: f for f in out["findings"]}
    assert {"uk_gendered_title", "pay_history_question", "pay_range_missing"} <= set(cats)
    for f in out["findings"]:
        assert set(f) >= {"rule", "severity", "start", "end", "text", "source", "suggestion"}
        assert f["source"]
    assert out["stats"]["words"] == 7
    assert main(["job", "check", "--job", str(job_id), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pool"]["pool"] == 6
    assert {m["requirement"] for m in out["pool"]["must_haves"]} >= {"SQL", "Excel"}
    assert main(["job", "check", "--job", str(job_id)]) == 0
    text = capsys.readouterr().out
    assert "Pool: 6 ranked candidates" in text
    assert "removes_most" in text
    assert main(["job", "check"]) == 2  # neither a file nor --job: one-line user error
    assert "Give a posting file or --job ID" in capsys.readouterr().err


def test_cli_review_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = tmp_path / "review.txt"
    review.write_text("She is bossy. Great job. 她有点情绪化。\n", encoding="utf-8")
    assert main(["review", "check", str(review), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [f["category"] for f in out["findings"]] == [
        "personality_not_behaviour",
        "vague_praise",
        "personality_not_behaviour",  # mixed text: the Chinese rules run too
    ]
    assert main(["review", "check", str(review)]) == 0
    assert "bossy" in capsys.readouterr().out
