"""Floors on the blind-written labelled set (issue 20): precision >= 0.95 and recall >= 0.9 on
errors, as ``bench/eval_jobad.py`` prints them; and every finding on it has a source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from core.jobad import check_posting, check_review
from core.jobad.evaluation import evaluate, jurisdiction_of

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import eval_jobad  # noqa: E402

POSTINGS = json.loads((ROOT / "tests/data/jobad/postings.json").read_text(encoding="utf-8"))
REVIEWS = json.loads((ROOT / "tests/data/jobad/reviews.json").read_text(encoding="utf-8"))


def test_the_written_set_is_the_size_asked_for() -> None:
    langs = [p["language"] for p in POSTINGS["postings"]]
    assert langs.count("en") >= 30
    assert langs.count("zh") >= 30


def test_error_floors_on_the_written_set() -> None:
    result = eval_jobad.written_postings()
    assert result.errors.labelled >= 40
    assert result.errors.precision >= 0.95, eval_jobad.format_result("written", result)
    assert result.errors.recall >= 0.9, eval_jobad.format_result("written", result)
    for language in ("en", "zh"):
        items = [p for p in POSTINGS["postings"] if p["language"] == language]
        part = evaluate(items, eval_jobad.check_item, categories=eval_jobad.LEGAL)
        assert part.errors.precision >= 0.95, language
        assert part.errors.recall >= 0.9, language


def test_review_warnings_on_the_written_set() -> None:
    result = eval_jobad.written_reviews()
    hit = sum(t.labelled_hit for t in result.categories.values())
    labelled = sum(t.labelled for t in result.categories.values())
    assert hit / labelled >= 0.8


def test_every_finding_on_the_written_sets_has_a_source() -> None:
    for p in POSTINGS["postings"]:
        report = check_posting(p["text"], jurisdiction=jurisdiction_of(p["jurisdiction"]))
        for f in report.findings:
            assert f.source.strip(), f.rule
    for r in REVIEWS["reviews"]:
        assert all(f.source.strip() for f in check_review(r["text"]).findings)
