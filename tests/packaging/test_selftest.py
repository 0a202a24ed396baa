"""``veil --self-test`` from the source install: it passes on the real pipeline (real intake
workers, Presidio, the encoder, SQLCipher), it loads none of the modules the bundle excludes,
and its checks do fail when a part is broken (faults injected into redaction and scoring)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from core import selftest
from core.domain import Evidence, Requirement, RequirementScore, Score
from core.services import Engines

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "packaging" / "bundle.toml").read_text(encoding="utf-8"))

_DRIVER = """
import json, sys
from core.cli import main
code = main(["--self-test"])
sys.stdout.flush()
print("MODULES " + json.dumps(sorted(sys.modules)))
sys.exit(code)
"""


@pytest.mark.slow
def test_self_test_passes_from_the_source_install(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["VEIL_HOME"] = str(tmp_path / "home")
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER],
        capture_output=True,
        text=True,
        timeout=480,  # generous: a loaded 2-core machine; ~20-30 s when idle
        cwd=ROOT,
        env=env,
    )
    out = result.stdout
    assert result.returncode == 0, out[-3000:] + result.stderr[-2000:]
    assert re.search(r"Veil self-test passed: \d+ checks", out)
    for check in ("network guard", "intake + redaction", "redaction", "scoring", "reopen"):
        assert re.search(rf"^  ok    {re.escape(check)}\s", out, re.MULTILINE), check
    modules = json.loads(out.split("MODULES ", 1)[1])
    excluded = [
        m
        for m in modules
        for ex in CONFIG["imports"]["excludes"]
        if m == ex or m.startswith(ex + ".")
    ]
    assert excluded == [], "the bundle excludes modules the pipeline loads"


# --- fault injection: the checks can fail ----------------------------------------------------


@dataclass(frozen=True)
class _Redaction:
    text: str
    spans: tuple[Any, ...]
    mapping: dict[str, str]
    language: str


class _NoRedactor:
    """Leaves the text as it is: names and contacts survive."""

    def redact(self, text: str, language: str | None = None) -> _Redaction:
        return _Redaction(text, (), {}, language or "en")


class _CrudeRedactor:
    """Blanks e-mails, phone numbers, profile links and the words of the first line (the
    sample's name line) wherever they appear."""

    def redact(self, text: str, language: str | None = None) -> _Redaction:
        first = next((line for line in text.split("\n") if line.strip()), "")
        out = text
        for word in re.findall(r"[^\W\d_]{2,}", first):
            out = re.sub(rf"\b{re.escape(word)}\b", "<PERSON_1>", out, flags=re.IGNORECASE)
        out = re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "<EMAIL_1>", out)
        out = re.sub(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b", "<PHONE_1>", out)
        out = re.sub(r"\S*linkedin\S*", "<URL_1>", out)
        return _Redaction(out, (), {"<PERSON_1>": "x"}, language or "en")


class _InvertedScorer:
    """Ranks resumes that name the job's title lowest."""

    model_version = "inverted@1"

    def rank(
        self,
        requirements: Sequence[Requirement],
        texts: Mapping[int, str],
        *,
        job_text: str | None = None,
    ) -> Iterator[tuple[int, Score]]:
        for cid, text in texts.items():
            value = 10.0 if "data engineer" in text.lower() else 90.0
            parts = tuple(
                RequirementScore(r, 0.5, 0.5, Evidence(0, 1, text[:1], 0.5)) for r in requirements
            )
            yield cid, Score(score=value, requirements=parts)


@pytest.mark.slow
def test_self_test_fails_when_names_survive_redaction() -> None:
    report = selftest.run_self_test(
        engines_factory=lambda: Engines(
            redactor=_NoRedactor(), scorer_factory=lambda _enc, _cache: _InvertedScorer()
        )
    )
    assert not report.ok
    assert report.failure is not None
    assert report.failure.check == "redaction"
    assert "left" in report.failure.reason


@pytest.mark.slow
def test_self_test_fails_when_the_ranking_is_upside_down() -> None:
    report = selftest.run_self_test(
        engines_factory=lambda: Engines(
            redactor=_CrudeRedactor(), scorer_factory=lambda _enc, _cache: _InvertedScorer()
        )
    )
    assert report.failure is not None, [c.name for c in report.checks]
    assert report.failure.check == "scoring"
    assert "ranks at or above" in report.failure.reason
    assert [c.name for c in report.checks][-1] == "redaction"


def test_cli_reports_a_failure_with_exit_code_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> selftest.SelfTestReport:
        return selftest.SelfTestReport(failure=selftest.SelfTestFailure("models", "missing"))

    monkeypatch.setattr(selftest, "run_self_test", broken)
    from core.cli import main

    assert main(["--self-test"]) == 1


def test_fit_groups_follow_the_job_title() -> None:
    originals = {
        1: "Ann Lee\nSenior Data Engineer with 5 years of Spark.",
        2: "Bo Park\nCharge Nurse with 10 years of triage.",
        3: "Cy Diaz\nData Engineer, Airflow and SQL.",
        4: "Di Moss\nStaff Accountant: GAAP, audits.",
        5: "Ed Wu\nSoftware Engineer in Go.",
    }
    fit, unfit = selftest._fit_groups(originals)
    assert fit == [1, 3]
    assert unfit == [2, 4]
