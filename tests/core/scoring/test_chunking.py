from __future__ import annotations

from core.scoring.chunking import (
    EDUCATION,
    EXPERIENCE,
    HEADER,
    OTHER,
    SKILLS,
    mask_placeholders,
    segments,
)

TERSE = """<PERSON_1>
<EMAIL_1> · <PHONE_1>

Med-surg RN

Riverside Hospital (fictitious), surgical floor, 2021 - present
- Pumps, PCAs, TPN, blood products, IV pushes and central line care.
- Discharge teaching for patients going home with drains.

Before nursing
Patient care tech on the same floor, 2019 - 2021.

Toolkit
Cerner, Epic

Professional learning
Wound care course, 2022
"""


def _sections(text: str) -> dict[str, int]:
    return {s.text: s.section for s in segments(mask_placeholders(text))}


def test_unknown_headings_open_sections_and_are_not_evidence() -> None:
    sections = _sections(TERSE)
    assert sections["Med-surg RN"] == HEADER  # a headline between blank lines stays in the header
    # a role with dates ends the header even without a heading above it
    assert sections["Riverside Hospital (fictitious), surgical floor, 2021 - present"] == EXPERIENCE
    assert sections["Pumps, PCAs, TPN, blood products, IV pushes and central line care."] == (
        EXPERIENCE
    )
    assert sections["Patient care tech on the same floor, 2019 - 2021."] == OTHER
    assert sections["Cerner, Epic"] == SKILLS
    assert sections["Wound care course, 2022"] == EDUCATION
    for heading in ("Before nursing", "Toolkit", "Professional learning"):
        assert heading not in sections


def test_a_school_with_dates_in_the_header_is_education() -> None:
    text = "<PERSON_1>\nCoastview University (fictitious), BSc Biology, 2016 - 2020\nLab work.\n"
    assert _sections(text)["Coastview University (fictitious), BSc Biology, 2016 - 2020"] == (
        EDUCATION
    )


def test_short_lines_inside_a_block_are_not_headings() -> None:
    text = "Skills\nPython\nDocker\n\nExperience\nBuilt services.\n"
    sections = _sections(text)
    assert sections["Python"] == SKILLS
    assert sections["Docker"] == SKILLS
    assert sections["Built services."] == EXPERIENCE
