"""A date of birth after a place ("Born in <city>, 12 May 1990") is redacted (issue 17)."""

from __future__ import annotations

import pytest

from anonymize import Redactor


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Born in Springfield, 12 May 1990.", "12 May 1990"),
        ("Personal: born in Port Elsewhere on 03/04/1988, keen cyclist", "03/04/1988"),
        ("Born in Lyon, France, 1 January 1985", "1 January 1985"),
        ("born at St. Mary's Hospital; 1979-02-11", "1979-02-11"),
    ],
)
def test_date_after_birthplace_is_redacted(redactor: Redactor, text: str, date: str) -> None:
    result = redactor.redact(text)
    assert date not in result.text
    assert "<DATE_OF_BIRTH_1>" in result.text


def test_dates_of_work_after_a_place_are_kept(redactor: Redactor) -> None:
    text = "Worked in Springfield, 12 May 1990 to 2001, as a welder."
    assert "12 May 1990" in redactor.redact(text).text
