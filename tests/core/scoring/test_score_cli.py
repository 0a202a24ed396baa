from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from core.cli.score_cmd import print_breakdown
from core.scoring import Encoder, Scorer, parse_requirements

pytestmark = pytest.mark.slow

JOB = """Backend Engineer

Requirements
- 4+ years building backend services in Go or Python
- Deploying services with Docker and Kubernetes

Nice to have
- Experience with Kafka
"""

RESUME = """Jordan Example
jordan.example@example.com | +1 555 0100

Experience
Backend Engineer, Harbor Freight Systems (fictitious), 2017 - present
- Built order services in Go and Python that handle 3,000 requests per second.
- Packaged every service as a container and deployed it to our k8s clusters.
"""


def test_score_prints_a_redacted_breakdown_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], veil_home: Path
) -> None:
    job = tmp_path / "job.txt"
    resume = tmp_path / "resume.txt"
    job.write_text(JOB, encoding="utf-8")
    resume.write_text(RESUME, encoding="utf-8")
    assert main(["score", str(job), str(resume), "--json", "--device", "cpu"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert 0 <= out["score"] <= 100
    assert [r["must"] for r in out["requirements"]] == [True, True, False]
    assert "jordan.example@example.com" not in json.dumps(out)
    assert "<EMAIL_1>" in out["redacted_text"]
    k8s = out["requirements"][1]
    assert k8s["status"] == "met"
    ev = k8s["evidence"]
    assert out["redacted_text"][ev["start"] : ev["end"]] == ev["text"]
    assert not any(p.suffix == ".veil" for p in veil_home.rglob("*"))


def test_plain_breakdown(encoder: Encoder, capsys: pytest.CaptureFixture[str]) -> None:
    redacted = RESUME.replace("Jordan Example", "<PERSON_1>")
    score = Scorer(encoder).score(parse_requirements(JOB), redacted)
    print_breakdown(score)
    text = capsys.readouterr().out
    assert text.startswith(f"Score: {score.score:.0f}/100")
    assert "[+] must" in text
    assert "evidence: Packaged every service as a container" in text


def test_missing_file_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "job.txt"
    job.write_text(JOB, encoding="utf-8")
    assert main(["score", str(job), str(tmp_path / "missing.pdf")]) == 2
    assert "Cannot read the resume file" in capsys.readouterr().err
