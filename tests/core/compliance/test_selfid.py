"""Self-identification CSV: parsing, validation, and the all-or-none import into its own table."""

from __future__ import annotations

from typing import Any

import pytest

from core.compliance.selfid import SelfIdFormatError, category_name, parse_selfid_csv
from core.errors import UserError
from core.services import compliance
from tests.core.compliance.conftest import add_candidate


def test_parse_columns_values_and_blanks() -> None:
    table = parse_selfid_csv(
        "\ufeffCandidate ID,Sex,Race / Ethnicity\n1,Female,  Two or More  Races \n2,,Asian\n\n"
    )
    assert table.categories == ("sex", "race_ethnicity")
    assert table.answers == {
        1: {"sex": "Female", "race_ethnicity": "Two or More Races"},
        2: {"race_ethnicity": "Asian"},  # an empty cell is no answer
    }
    assert table.values == 3


def test_semicolons_and_chinese_values() -> None:
    table = parse_selfid_csv("candidate_id;性别;民族\n7;女;汉族\n")
    assert table.categories == ("性别", "民族")
    assert table.answers == {7: {"性别": "女", "民族": "汉族"}}


def test_category_names() -> None:
    assert category_name(" Race / Ethnicity ") == "race_ethnicity"
    assert category_name("SEX") == "sex"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("sex,race\nF,Asian\n", "no candidate_id column"),
        ("candidate_id\n1\n", "no category column"),
        ("candidate_id,sex,Sex\n1,F,F\n", "same name"),
        ("candidate_id,sex\nseven,F\n", "Line 2: candidate_id is not a number"),
        ("candidate_id,sex\n0,F\n", "Line 2: candidate_id must be 1 or more"),
        ("candidate_id,sex\n1,F\n1,M\n", "Line 3: candidate 1 appears twice"),
        ("candidate_id,sex\n1,F,extra\n", "Line 2 has 3 cells"),
        ("candidate_id,sex\n1," + "x" * 101 + "\n", "Line 2: the sex answer is too long"),
        ("candidate_id,2nd\n1,x\n", "not usable as a category"),
    ],
)
def test_bad_files_are_refused_without_echoing_values(text: str, message: str) -> None:
    with pytest.raises(SelfIdFormatError) as info:
        parse_selfid_csv(text)
    assert message in str(info.value)
    assert "Asian" not in str(info.value)
    assert "xxx" not in str(info.value)


def test_import_stores_apart_and_audits_counts_only(ws: Any, job_id: int) -> None:
    a = add_candidate(ws, job_id, "Resume A: Python")
    b = add_candidate(ws, job_id, "Resume B: SQL")
    table = compliance.import_selfid(
        ws, f"candidate_id,sex,race_ethnicity\n{a},Female,Quokkarian\n{b},Male,\n", actor="hr"
    )
    assert table.values == 3
    assert ws.selfid.for_candidates([a, b]) == {
        a: {"sex": "Female", "race_ethnicity": "Quokkarian"},
        b: {"sex": "Male"},
    }
    assert ws.selfid.categories() == ["race_ethnicity", "sex"]
    assert ws.selfid.count() == 2
    event = ws.audit.list()[-1]
    assert event.kind == "selfid.imported"
    assert event.subject == {"candidates": 2, "values": 3, "categories": 2}
    assert "Quokkarian" not in repr(ws.audit.list())
    # an answer given again replaces the old one
    compliance.import_selfid(ws, f"candidate_id,race_ethnicity\n{a},Asian\n")
    assert ws.selfid.for_candidates([a])[a]["race_ethnicity"] == "Asian"
    assert ws.selfid.delete(a) == 2
    assert ws.selfid.for_candidates([a]) == {}


def test_import_with_an_unknown_candidate_stores_nothing(ws: Any, job_id: int) -> None:
    a = add_candidate(ws, job_id, "Resume A: Python")
    with pytest.raises(UserError, match="1 candidate number"):
        compliance.import_selfid(ws, f"candidate_id,sex\n{a},Female\n{a + 40},Male\n")
    assert ws.selfid.count() == 0
    assert [e.kind for e in ws.audit.list()].count("selfid.imported") == 0


def test_answers_go_when_the_candidate_goes(ws: Any, job_id: int) -> None:
    a = add_candidate(ws, job_id, "Resume A: Python")
    compliance.import_selfid(ws, f"candidate_id,sex\n{a},Female\n")

    def delete(conn: Any) -> None:
        conn.execute("DELETE FROM candidates WHERE id = ?", (a,))

    ws._db.write(delete)  # what erasure does; the foreign key cascades
    assert ws.selfid.count() == 0


def test_read_selfid_csv_refuses_non_utf8(tmp_path: Any) -> None:
    path = tmp_path / "answers.csv"
    path.write_bytes("candidate_id,sex\n1,Fémme\n".encode("latin-1"))
    with pytest.raises(SelfIdFormatError, match="UTF-8"):
        compliance.read_selfid_csv(path)
    path.write_text("candidate_id,sex\n1,F\n", encoding="utf-8")
    assert "candidate_id" in compliance.read_selfid_csv(path)
