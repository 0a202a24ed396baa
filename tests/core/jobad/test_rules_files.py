"""The shipped rules files: well formed, every rule with a source, word lists as copied."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from core.jobad import check_posting, check_review
from core.jobad.rulebook import RULES_DIR, RulesFileError, read_rules_file, rules_files

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))

import eval_jobad

STYLE = {"gendered_wording", "ableist_language", "hype_title", "length", "too_many_musts"}
STYLE |= {"readability"}


def test_one_file_per_jurisdiction_and_language() -> None:
    names = {f.name for f in rules_files()}
    assert names >= {"cn_zh", "us_en", "uk_en", "eu_en", "style_en", "style_zh"}
    assert names >= {"review_en", "review_zh", "cn_en"}


def test_every_rule_has_a_source_a_suggestion_and_a_known_category() -> None:
    categories = set()
    for f in rules_files():
        for rule in f.rules:
            assert len(rule.source.strip()) > 15, rule.id
            assert rule.suggestion.strip(), rule.id
            for source in rule.sources.values():
                assert len(source.strip()) > 15, rule.id
            categories.add(rule.category)
    assert categories == eval_jobad.LEGAL | STYLE | eval_jobad.REVIEW


def test_a_rule_without_a_source_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad_en.toml"
    bad.write_text(
        '[file]\nlanguage = "en"\n[[rule]]\nid = "x"\ncategory = "c"\nseverity = "error"\n'
        'source = " "\nsuggestion = "s"\nwords = ["x"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RulesFileError, match="no source"):
        read_rules_file(bad)


def test_legal_severities_are_as_specified() -> None:
    by_id = {r.id: r for f in rules_files() for r in f.rules}
    assert by_id["cn.age"].severity == "warning"
    assert by_id["us.age"].severity == "warning"
    assert by_id["uk.physical"].severity == "warning"
    for rid in ("cn.gender.restriction", "cn.hepatitis_b", "us.sex_preference"):
        assert by_id[rid].severity == "error"
    assert by_id["uk.gendered_title"].severity == "error"
    for juris in ("US-NY", "US-CO", "US-CA", "US-WA"):
        assert by_id["us.pay_range_missing"].severity_in(juris) == "error"
        assert by_id["us.pay_history"].severity_in(juris) == "error"
    assert by_id["eu.pay_history"].severity_in("EU") == "error"


def test_gender_coded_lists_are_copied_with_their_notice_and_matched_as_whole_words() -> None:
    style = next(f for f in rules_files() if f.name == "style_en")
    assert "Copyright (c) 2016 lovedaybrooke" in style.notice
    assert "MIT License" in style.notice
    stems = style.data["gender_decoder"]
    assert len(stems["feminine_coded_words"]) == 50
    assert len(stems["masculine_coded_words"]) == 52
    rules = {r["id"]: r for r in style.data["rule"]}
    for rid, key in (
        ("style.masculine_coded", "masculine_coded_words"),
        ("style.feminine_coded", "feminine_coded_words"),
    ):
        for word in rules[rid]["words"]:
            assert any(word.lower().startswith(s) for s in stems[key]), word
    text = (
        "We handle dependency upgrades, analysis of responsibilities and leadership. "
        "We offer a competitive salary."
    )
    report = check_posting(text)
    assert [f for f in report.findings if f.category == "gendered_wording"] == []
    assert report.stats["gender_coding"] == {"masculine": 0, "feminine": 0, "verdict": "neutral"}
    coded = check_posting("An ambitious, competitive and dependable leader who is supportive.")
    words = [f.text for f in coded.findings if f.category == "gendered_wording"]
    assert words == ["ambitious", "competitive", "leader"]
    assert coded.stats["gender_coding"]["feminine"] == 2


def test_rules_files_hold_no_code() -> None:
    for path in RULES_DIR.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bimport\b|\bexec\(|\beval\(", text), path.name


@pytest.mark.parametrize(
    "text",
    [
        "招聘销售，限男性，35岁以下，本地户口，已婚已育优先，乙肝携带者勿扰。",
        "Young waitress wanted, female only. Send your salary history. Rockstar!",
        "She is abrasive. Great job. Her kids keep her busy. For her age she is quick.",
    ],
)
def test_no_finding_without_a_source(text: str) -> None:
    for juris in (None, "CN", "EU", "UK", "US", "US-NY", "US-CO", "US-CA", "US-WA"):
        report = check_posting(text, jurisdiction=juris)
        assert report.findings
        for f in report.findings:
            assert f.source.strip()
            assert f.rule
            assert f.category
            assert 0 <= f.start <= f.end <= len(text)
            if not f.document:
                assert text[f.start : f.end] == f.text
    for f in check_review(text).findings:
        assert f.source.strip()
        assert text[f.start : f.end] == f.text
