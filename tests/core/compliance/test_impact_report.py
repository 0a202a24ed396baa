"""The impact report of a job in a real workspace: decisions, stored scores, self-identification."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import UserError
from core.services import compliance
from core.services.review import decide
from tests.core.compliance.conftest import add_candidate, put_score

ISSUE_KEYS = {
    "category",
    "group",
    "n",
    "selected",
    "selection_rate",
    "impact_ratio",
    "scoring_rate",
    "scoring_impact_ratio",
    "p_value",
    "excluded_small",
}


def _pool(ws: Any, job_id: int) -> list[int]:
    """8 women, 8 men and 2 of unknown sex; 6 of the women and 3 of the men shortlisted;
    scores 0..17 (median 8.5): women score 0-7, men 8-15, the unknown 16-17."""
    ids = [add_candidate(ws, job_id, f"Resume number {i}: Python, SQL.") for i in range(18)]
    rows = ["candidate_id,sex,race_ethnicity"]
    for i, cid in enumerate(ids):
        sex = "Female" if i < 8 else "Male" if i < 16 else ""
        race = "Asian" if i % 2 else "White"
        rows.append(f"{cid},{sex},{race}")
        put_score(ws, job_id, cid, float(i))
    compliance.import_selfid(ws, "\n".join(rows) + "\n", actor="auditor")
    for cid in ids[:6] + ids[8:11]:
        decide(ws, job_id, cid, "shortlist", reviewer="R")
    decide(ws, job_id, ids[0], "reject", reason="changed mind", reviewer="R")  # latest counts
    return ids


def test_report_of_a_job(ws: Any, job_id: int) -> None:
    _pool(ws, job_id)
    report = compliance.impact_report(ws, job_id, actor="auditor")
    assert report.median_score == 8.5
    assert report.unknown == 2
    sex = {g.group: g for g in report.groups if g.category == "sex"}
    assert (sex["Female"].n, sex["Female"].selected) == (8, 5)
    assert (sex["Male"].n, sex["Male"].selected) == (8, 3)
    assert sex["Male"].selection.ratio == pytest.approx(3 / 5)
    assert sex["Female"].selection.ratio == pytest.approx(1.0)
    assert sex["Female"].scoring.rate == 0.0  # women scored 0-7, all under 8.5
    assert sex["Male"].scoring.rate == 7 / 8  # 8 is under the median too
    assert sex["Female"].scoring.ratio == 0.0
    assert sex["Male"].scoring.p_value is None  # the reference
    assert sex["Female"].scoring.p_value is not None
    assert sex["Female"].scoring.p_value == pytest.approx(1 / 715)  # [[0, 8], [7, 1]], two-sided
    categories = {g.category for g in report.groups}
    assert categories == {"sex", "race_ethnicity", "sex × race_ethnicity"}
    kinds = {(w.kind, w.group, w.measure) for w in report.warnings}
    assert ("adverse_impact", "Male", "selection") in kinds  # 0.6 < 0.8
    assert ("adverse_impact", "Female", "scoring") in kinds
    assert ("small_sample", "Female", "") in kinds  # 8 < 30
    last = ws.audit.list()[-1]
    assert last.kind == "impact.reported"
    assert last.subject == {"job_id": job_id, "people": 18, "unknown": 2}


def test_json_has_the_issue_shape(ws: Any, job_id: int) -> None:
    _pool(ws, job_id)
    data = compliance.impact_report(ws, job_id).as_json()
    assert {"job", "median_score", "unknown", "categories"} <= set(data)
    assert data["job"] == job_id
    assert data["unknown"] == 2
    for row in data["categories"]:
        assert set(row) >= ISSUE_KEYS
        assert isinstance(row["n"], int)
        assert isinstance(row["selected"], int)
        assert isinstance(row["excluded_small"], bool)
        for key in ("selection_rate", "scoring_rate"):
            assert isinstance(row[key], float)


def test_no_self_identification_yet(ws: Any, job_id: int) -> None:
    cid = add_candidate(ws, job_id, "Python")
    put_score(ws, job_id, cid, 50.0)
    report = compliance.impact_report(ws, job_id)
    assert report.groups == ()
    assert report.unknown == 0
    assert [w.kind for w in report.warnings][:1] == ["no_self_identification"]


def test_an_intersection_of_unknown_categories_is_refused(ws: Any, job_id: int) -> None:
    _pool(ws, job_id)
    with pytest.raises(UserError, match="age_band"):
        compliance.impact_report(ws, job_id, intersections=[("sex", "age_band")])


def test_custom_intersection(ws: Any, job_id: int) -> None:
    _pool(ws, job_id)
    report = compliance.impact_report(ws, job_id, intersections=[("race_ethnicity", "sex")])
    groups = {g.group for g in report.groups if g.category == "race_ethnicity × sex"}
    assert groups == {"Asian / Female", "Asian / Male", "White / Female", "White / Male"}
