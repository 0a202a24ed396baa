"""Every number of the impact report, reproduced from the regulators' own worked examples.

- EEOC, Uniform Guidelines Q&A on 29 CFR 1607.4(D): 48 of 80 vs 12 of 40 selected -> 0.50.
- NYC DCWP, 6 RCNY 5-301(b): the resume-screening example (selection rates; sex, race/ethnicity
  and intersectional tables; 250 people of unknown category).
- NYC DCWP, 6 RCNY 5-301(c)-(d): the "culture fit" scoring example (scoring rates above the
  median; sex, race/ethnicity and intersectional tables; 15 people of unknown category).

The rule prints rates and ratios rounded (and in one place cut: 18/28 = 64.29% is printed 64.2%),
so each figure is checked to within one unit of the last digit the rule prints.
"""

from __future__ import annotations

import pytest

from core.compliance.impact import Person, fisher_p, impact_report, rates


def _close(value: float | None, published: str) -> None:
    """``value`` equals the published figure ('0.979', '48%') to within its last digit."""
    assert value is not None
    text = published.rstrip("%")
    digits = len(text.split(".")[1]) if "." in text else 0
    scale = 100.0 if published.endswith("%") else 1.0
    assert abs(value * scale - float(text)) <= 10.0**-digits + 1e-9, (value, published)


# --- EEOC ----------------------------------------------------------------------------------


def test_eeoc_four_fifths_example() -> None:
    out = rates({"A": (80, 48), "B": (40, 12)}, exclude_small=False)
    assert out["A"].rate == pytest.approx(0.60)
    assert out["B"].rate == pytest.approx(0.30)
    assert out["B"].ratio == pytest.approx(0.50)
    assert out["A"].ratio == pytest.approx(1.0)
    assert out["A"].p_value is None  # the reference is not compared with itself
    # scipy's two-sided Fisher exact test on [[12, 28], [48, 32]]
    assert out["B"].p_value == pytest.approx(fisher_p(12, 40, 48, 80))
    assert 0.003 < (out["B"].p_value or 0) < 0.004


# --- DCWP selection example, 6 RCNY 5-301(b) ------------------------------------------------

SEX_SELECTION = {"Male": (1390, 667, "48%", "1.00"), "Female": (1181, 555, "47%", "0.979")}

RACE_SELECTION = {
    "Hispanic or Latino": (408, 204, "50%", "0.97"),
    "White": (797, 412, "52%", "1.00"),
    "Black or African American": (390, 170, "44%", "0.84"),
    "Native Hawaiian or Pacific Islander": (119, 52, "44%", "0.85"),
    "Asian": (616, 302, "49%", "0.95"),
    "Native American or Alaska Native": (41, 18, "44%", "0.85"),
    "Two or More Races": (213, 96, "45%", "0.87"),
}

INTERSECTIONAL_SELECTION = {
    "Hispanic or Latino / Male": (205, 90, "43.9%", "0.841"),
    "Hispanic or Latino / Female": (190, 82, "43.2%", "0.827"),
    "White / Male": (412, 215, "52.2%", "1.000"),
    "Black or African American / Male": (226, 95, "42.0%", "0.806"),
    "Native Hawaiian or Pacific Islander / Male": (87, 37, "42.5%", "0.815"),
    "Asian / Male": (321, 167, "52.0%", "0.997"),
    "Native American or Alaska Native / Male": (24, 11, "45.8%", "0.878"),
    "Two or More Races / Male": (115, 52, "45.2%", "0.866"),
    "White / Female": (385, 197, "51.2%", "0.981"),
    "Black or African American / Female": (164, 75, "45.7%", "0.876"),
    "Native Hawaiian or Pacific Islander / Female": (32, 15, "46.9%", "0.898"),
    "Asian / Female": (295, 135, "45.8%", "0.877"),
    "Native American or Alaska Native / Female": (17, 7, "41.2%", "0.789"),
    "Two or More Races / Female": (98, 44, "44.9%", "0.860"),
}


@pytest.mark.parametrize("table", [SEX_SELECTION, RACE_SELECTION, INTERSECTIONAL_SELECTION])
def test_dcwp_selection_tables(table: dict[str, tuple[int, int, str, str]]) -> None:
    # the rule's example computes every ratio, small categories included
    out = rates({g: (n, sel) for g, (n, sel, _, _) in table.items()}, exclude_small=False)
    for group, (_, _, rate, ratio) in table.items():
        _close(out[group].rate, rate)
        _close(out[group].ratio, ratio)


def test_dcwp_selection_two_percent_rule() -> None:
    """41 of 2,584 (1.6%) may be left out of the ratios (5-301(d)); its count and rate stay,
    and the other ratios do not change (the reference is not a small category)."""
    out = rates({g: (n, sel) for g, (n, sel, _, _) in RACE_SELECTION.items()})
    small = out["Native American or Alaska Native"]
    assert small.excluded_small
    assert small.ratio is None
    assert small.p_value is None
    assert (small.n, small.hits) == (41, 18)
    _close(small.rate, "44%")
    for group, (_, _, _, ratio) in RACE_SELECTION.items():
        if group != "Native American or Alaska Native":
            assert not out[group].excluded_small
            _close(out[group].ratio, ratio)


def test_a_small_category_never_becomes_the_reference() -> None:
    out = rates({"big": (990, 400), "tiny": (10, 10)})
    assert out["tiny"].excluded_small
    assert out["tiny"].ratio is None
    assert out["big"].ratio == pytest.approx(1.0)


def test_nobody_selected_gives_no_ratio() -> None:
    out = rates({"a": (10, 0), "b": (20, 0)}, exclude_small=False)
    assert out["a"].rate == 0.0
    assert out["a"].ratio is None
    assert out["b"].ratio is None


# --- DCWP scoring example, 6 RCNY 5-301(c) ----------------------------------------------------

# (sex, race/ethnicity): (applicants, how many scored above the median), from the rule's
# intersectional table (e.g. Asian men: 12 applicants, scoring rate 58.3% -> 7).
CULTURE_FIT = {
    ("Male", "Hispanic or Latino"): (16, 12),
    ("Female", "Hispanic or Latino"): (12, 6),
    ("Male", "White"): (20, 7),
    ("Male", "Black or African American"): (20, 10),
    ("Male", "Native Hawaiian or Pacific Islander"): (4, 3),
    ("Male", "Asian"): (12, 7),
    ("Male", "Native American or Alaska Native"): (8, 5),
    ("Male", "Two or More Races"): (12, 6),
    ("Female", "White"): (20, 8),
    ("Female", "Black or African American"): (12, 6),
    ("Female", "Native Hawaiian or Pacific Islander"): (4, 2),
    ("Female", "Asian"): (12, 3),
    ("Female", "Native American or Alaska Native"): (8, 5),
    ("Female", "Two or More Races"): (8, 4),
}

SEX_SCORING = {"Male": (92, "54.3%", "1.00"), "Female": (76, "44.7%", "0.82")}
RACE_SCORING = {
    "Hispanic or Latino": (28, "64.2%", "1.00"),
    "White": (40, "37.5%", "0.58"),
    "Black or African American": (32, "50.0%", "0.78"),
    "Native Hawaiian or Pacific Islander": (8, "62.5%", "0.97"),
    "Asian": (24, "41.7%", "0.65"),
    "Native American or Alaska Native": (16, "62.5%", "0.97"),
    "Two or More Races": (20, "50.0%", "0.78"),
}
INTERSECTIONAL_SCORING = {
    "Male / Hispanic or Latino": (16, "75%", "1.00"),
    "Female / Hispanic or Latino": (12, "50%", "0.67"),
    "Male / White": (20, "35%", "0.47"),
    "Male / Black or African American": (20, "50%", "0.67"),
    "Male / Native Hawaiian or Pacific Islander": (4, "75%", "1.00"),
    "Male / Asian": (12, "58.3%", "0.78"),
    "Male / Native American or Alaska Native": (8, "62.5%", "0.83"),
    "Male / Two or More Races": (12, "50%", "0.67"),
    "Female / White": (20, "40%", "0.53"),
    "Female / Black or African American": (12, "50%", "0.67"),
    "Female / Native Hawaiian or Pacific Islander": (4, "50%", "0.67"),
    "Female / Asian": (12, "25%", "0.33"),
    "Female / Native American or Alaska Native": (8, "62.5%", "0.83"),
    "Female / Two or More Races": (8, "50%", "0.67"),
}

LOW, HIGH = 30.0, 80.0


def _culture_fit_sample() -> list[Person]:
    """168 people with the rule's counts (84 above the median), plus the 15 of unknown
    category. 92 people score exactly the median (30.0): they must not count as above it."""
    people: list[Person] = []
    for (sex, race), (n, above) in CULTURE_FIT.items():
        answers = {"sex": sex, "race_ethnicity": race}
        people += [Person(answers, score=HIGH)] * above
        people += [Person(answers, score=LOW)] * (n - above)
    people += [Person({"sex": "Female"}, score=HIGH)] * 7  # race unknown
    people += [Person({"race_ethnicity": "declined to state"}, score=LOW)] * 8
    return people


def _by_group(category: str) -> dict[str, object]:
    report = impact_report(
        _culture_fit_sample(),
        ["sex", "race_ethnicity"],
        intersections=[("sex", "race_ethnicity")],
        exclude_small=False,
    )
    return {g.group: g for g in report.groups if g.category == category}


def test_dcwp_scoring_median_and_unknown() -> None:
    report = impact_report(
        _culture_fit_sample(),
        ["sex", "race_ethnicity"],
        intersections=[("sex", "race_ethnicity")],
    )
    assert report.median_score == LOW  # 91 above, 92 at the median: the 92nd of 183 sorted
    assert report.unknown == 15
    assert report.people == 183


@pytest.mark.parametrize(
    ("category", "table"),
    [("race_ethnicity", RACE_SCORING), ("sex × race_ethnicity", INTERSECTIONAL_SCORING)],
)
def test_dcwp_scoring_tables(category: str, table: dict[str, tuple[int, str, str]]) -> None:
    groups = _by_group(category)
    assert set(groups) == set(table)
    for group, (n, rate, ratio) in table.items():
        result = groups[group]
        assert result.n == n  # type: ignore[attr-defined]
        _close(result.scoring.rate, rate)  # type: ignore[attr-defined]
        _close(result.scoring.ratio, ratio)  # type: ignore[attr-defined]


def test_dcwp_scoring_sex_table_exactly_as_published() -> None:
    """The rule's tables leave out everyone of unknown sex or race/ethnicity (7 women of unknown
    race/ethnicity would otherwise count in the sex table): so does this run."""
    known = [p for p in _culture_fit_sample() if len(p.answers) == 2]
    report = impact_report(known, ["sex", "race_ethnicity"], exclude_small=False)
    groups = {g.group: g for g in report.groups if g.category == "sex"}
    for group, (n, rate, ratio) in SEX_SCORING.items():
        assert groups[group].n == n
        _close(groups[group].scoring.rate, rate)
        _close(groups[group].scoring.ratio, ratio)
    assert report.unknown == 0


def test_ties_at_the_median_do_not_count() -> None:
    people = [Person({"sex": "a"}, score=s) for s in (1.0, 2.0, 2.0, 3.0)]
    people += [Person({"sex": "b"}, score=s) for s in (2.0, 2.0, 2.0, 5.0)]
    report = impact_report(people, ["sex"], exclude_small=False)
    assert report.median_score == 2.0
    by = {g.group: g for g in report.groups}
    assert by["a"].scoring.rate == pytest.approx(0.25)
    assert by["b"].scoring.rate == pytest.approx(0.25)
