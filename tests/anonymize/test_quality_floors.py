"""The quality floors of issue 4, measured on the labelled sets in tests/data/redaction/.

Token-level scoring (anonymize.evaluation). The same figures, beside stock Presidio, are printed by
``bench/eval_redaction.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymize import Redactor
from anonymize.evaluation import (
    Tally,
    load_jsonl,
    load_marked,
    load_presidio_synth,
    ours,
    score,
)

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data" / "redaction"


@pytest.fixture(scope="module")
def english(redactor: Redactor) -> Tally:
    docs = load_jsonl(DATA / "en.jsonl") + load_marked(DATA / "tricky_en.txt", "en")
    assert len(docs) >= 40
    return score(docs, ours(redactor)(docs))


@pytest.fixture(scope="module")
def chinese(redactor: Redactor) -> Tally:
    docs = load_jsonl(DATA / "zh.jsonl") + load_marked(DATA / "tricky_zh.txt", "zh")
    assert len(docs) >= 15
    return score(docs, ours(redactor)(docs))


@pytest.fixture(scope="module")
def synthetic(redactor: Redactor) -> Tally:
    docs = load_presidio_synth(DATA / "presidio_synth_dataset_v2.json")
    assert len(docs) == 1500
    return score(docs, ours(redactor)(docs))


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("EMAIL", 0.99),
        ("PHONE", 0.99),
        ("URL", 0.99),
        ("ID_NUMBER", 0.99),
        ("PERSON", 0.97),
        ("ADDRESS", 0.95),
        ("DATE_OF_BIRTH", 0.95),
    ],
)
def test_english_recall_floors(english: Tally, kind: str, floor: float) -> None:
    assert english.gold[kind] > 0
    assert english.recall(kind) >= floor, f"{kind} recall {english.recall(kind):.3f}"


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("PERSON", 0.95),
        ("PHONE", 0.99),
        ("EMAIL", 0.99),
        ("ID_NUMBER", 0.99),
        ("ADDRESS", 0.95),
        ("DATE_OF_BIRTH", 0.95),
    ],
)
def test_chinese_recall_floors(chinese: Tally, kind: str, floor: float) -> None:
    assert chinese.gold[kind] > 0
    assert chinese.recall(kind) >= floor, f"{kind} recall {chinese.recall(kind):.3f}"


@pytest.mark.parametrize(
    "kind", ["GENDER", "ETHNICITY", "MARITAL_STATUS", "POLITICAL_AFFILIATION", "AGE"]
)
def test_chinese_profile_fields_redacted(chinese: Tally, kind: str) -> None:
    assert chinese.recall(kind) >= 0.95, f"{kind} recall {chinese.recall(kind):.3f}"


def test_skills_survive(english: Tally, chinese: Tally) -> None:
    assert english.skills_total >= 500
    assert english.skill_error_rate <= 0.01, f"{english.skills_redacted}/{english.skills_total}"
    assert chinese.skill_error_rate <= 0.01, f"{chinese.skills_redacted}/{chinese.skills_total}"


def test_person_precision_is_useful(english: Tally) -> None:
    # recall comes first, but a redactor that blanks everything would be useless
    assert english.precision("PERSON") >= 0.8


@pytest.mark.parametrize(
    ("kind", "floor"), [("EMAIL", 0.85), ("PHONE", 0.85), ("PERSON", 0.85), ("ADDRESS", 0.85)]
)
def test_presidio_synthetic_f2_floor(synthetic: Tally, kind: str, floor: float) -> None:
    assert synthetic.f_beta(kind) >= floor, (
        f"{kind} F2 {synthetic.f_beta(kind):.3f} "
        f"(P {synthetic.precision(kind):.3f} R {synthetic.recall(kind):.3f})"
    )
