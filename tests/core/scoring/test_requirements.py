from __future__ import annotations

from core.scoring import parse_requirements

JOB = """Data Engineer

About us
We move freight across the country and love clean data.

Responsibilities
- Build and run our data pipelines
- Work with analysts

Requirements:
- 5+ years of experience with Python
- Strong SQL skills
  including window functions
- Kubernetes experience is a plus

Nice to have
* Experience with Apache Spark
* AWS certification

Benefits
- Free lunch
"""


def test_headings_bullets_and_must_nice() -> None:
    reqs = parse_requirements(JOB)
    assert [(r.text, r.must) for r in reqs] == [
        ("5+ years of experience with Python", True),
        ("Strong SQL skills including window functions", True),
        ("Kubernetes experience is a plus", False),
        ("Experience with Apache Spark", False),
        ("AWS certification", False),
    ]


def test_chinese_headings() -> None:
    job = (
        "后端工程师\n\n岗位职责\n1、负责订单系统开发\n\n"
        "任职要求\n1、3年以上Java开发经验\n2、熟悉MySQL和Redis\n\n加分项\n1、有Kafka使用经验\n"
    )
    reqs = parse_requirements(job)
    assert [(r.text, r.must) for r in reqs] == [
        ("3年以上Java开发经验", True),
        ("熟悉MySQL和Redis", True),
        ("有Kafka使用经验", False),
    ]


def test_inline_preference_marks_nice_to_have() -> None:
    job = "Requirements\n- Python\n- Docker preferred\n- 熟悉Go语言者优先\n"
    assert [r.must for r in parse_requirements(job)] == [True, False, False]


def test_falls_back_to_bullets_then_sentences() -> None:
    bullets = "We are hiring.\n- Python and SQL\n- Three years in logistics\n"
    assert [r.text for r in parse_requirements(bullets)] == [
        "Python and SQL",
        "Three years in logistics",
    ]
    prose = (
        "We need an accountant with five years of audit experience. "
        "You know IFRS well. Fluent English is required."
    )
    texts = [r.text for r in parse_requirements(prose)]
    assert texts == [
        "We need an accountant with five years of audit experience.",
        "You know IFRS well.",
        "Fluent English is required.",
    ]


def test_placeholders_and_empty_text() -> None:
    assert parse_requirements("") == []
    reqs = parse_requirements("Requirements\n- Contact <PERSON_1> about Python\n")
    assert "<PERSON_1>" not in reqs[0].text
    assert "Python" in reqs[0].text


def test_short_bullets_are_kept() -> None:
    # one tool name per bullet ("- SQL", "- R") is a requirement, not noise
    job = "Requirements\n- SQL\n- R\n- Go\n- Python and Django\n- 5\n\nNice to have\n- AWS\n"
    assert [(r.text, r.must) for r in parse_requirements(job)] == [
        ("SQL", True),
        ("R", True),
        ("Go", True),
        ("Python and Django", True),
        ("AWS", False),
    ]
    # outside any section the fallback to bullets keeps them too; short prose lines are not bullets
    assert [r.text for r in parse_requirements("We are hiring.\n- SQL\n- AWS\n")] == ["SQL", "AWS"]
