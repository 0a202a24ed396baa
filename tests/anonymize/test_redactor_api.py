"""The Redactor contract: types, offsets into the original text, placeholders and mapping."""

from __future__ import annotations

import dataclasses
import re

import pytest

from anonymize import RedactionOptions, RedactionResult, Redactor, Span

pytestmark = pytest.mark.slow

RESUME = """AMAKA OBI
Data Engineer | Python, Kafka, Spark
12 Marlowe Road, Leeds LS6 2AB | +44 113 496 0732 | amaka.obi@example.org
github.com/amakaobi

Amaka built streaming pipelines in Kafka and Hive. She mentored two juniors.
Ms. Obi holds an MSc. Date of birth: 4 May 1991.
"""


def test_result_types_and_offsets(redactor: Redactor) -> None:
    result = redactor.redact(RESUME)
    assert isinstance(result, RedactionResult)
    assert result.language == "en"
    assert all(isinstance(span, Span) for span in result.spans)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(RESUME)
        assert span.recognizer
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.spans[0].start = 0  # type: ignore[misc]
    # spans are sorted and disjoint
    ends = [s.end for s in result.spans]
    starts = [s.start for s in result.spans]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def test_placeholders_consistent_and_mapping_reverses(redactor: Redactor) -> None:
    result = redactor.redact(RESUME)
    text = result.text
    for word in ("AMAKA", "Amaka", "Obi", "amaka.obi@example.org", "+44 113 496 0732", "She"):
        assert word not in text
    for skill in ("Python", "Kafka", "Spark", "Hive", "Data Engineer", "MSc"):
        assert skill in text
    assert text.count("<PERSON_1>") == 3
    assert "<PERSON_2>" not in text
    placeholders = set(re.findall(r"<[A-Z_]+_\d+>", text))
    assert placeholders == set(result.mapping)
    assert result.mapping["<PERSON_1>"] == "AMAKA OBI"
    # every original is a piece of the input (a person maps to their fullest mention)
    assert all(original in RESUME for original in result.mapping.values())


def test_redact_many_matches_redact(redactor: Redactor) -> None:
    texts = [RESUME, "姓名：李娜\n手机：13912345678", ""]
    many = redactor.redact_many(texts)
    assert [r.text for r in many] == [redactor.redact(t).text for t in texts]
    assert many[1].language == "zh"
    assert many[2].text == ""
    assert many[2].spans == ()


def test_options_keep_organizations_by_default(redactor: Redactor) -> None:
    text = "Worked at Barclays Bank in London as a data analyst; MSc, University of Leeds."
    kept = redactor.redact(text).text
    assert "Barclays Bank" in kept
    assert "University of Leeds" in kept
    assert RedactionOptions().redact_organizations is False
    with Redactor(RedactionOptions(redact_organizations=True)) as strict:
        redacted = strict.redact(text).text
        assert "Barclays" not in redacted
        assert "Leeds" not in redacted
        assert "data analyst" in redacted


def test_repr_hides_personal_data(redactor: Redactor) -> None:
    result = redactor.redact(RESUME)
    assert "Obi" not in repr(result)


def test_worker_pool_gives_the_same_results(redactor: Redactor) -> None:
    texts = [RESUME.replace("AMAKA OBI", f"AMAKA OBI {i}") for i in range(48)]
    texts[5] = "姓名：李娜\n手机：13912345678"
    with Redactor(RedactionOptions(processes=2, worker_init="core.offline:install")) as pooled:
        results = pooled.redact_many(texts)
    assert [r.text for r in results] == [r.text for r in redactor.redact_many(texts)]
    assert results[5].language == "zh"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("john_smith_cv.pdf", "<PERSON_1>_cv.pdf"),
        ("Amaka-Obi-Resume.docx", "<PERSON_1>-Resume.docx"),
        ("张伟_简历.pdf", "<PERSON_1>_简历.pdf"),
        ("resume_final.pdf", "resume_final.pdf"),
        ("Data_Engineer_Kafka.pdf", "Data_Engineer_Kafka.pdf"),
    ],
)
def test_file_names_are_redacted(redactor: Redactor, label: str, expected: str) -> None:
    assert redactor.redact_label(label).text == expected
