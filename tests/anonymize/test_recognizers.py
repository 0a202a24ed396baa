"""Targeted cases for single recognizers, through the real engine."""

from __future__ import annotations

import pytest

from anonymize import Redactor
from anonymize.recognizers.ids import prc_id_valid
from anonymize.recognizers.phones import is_phone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "phone",
    [
        "+1 (415) 555-0132",
        "415.555.0163",
        "+44 (0)7700 900123",
        "07700 900456",
        "+86 138 0013 8000",
        "13800138000",
        "(+86) 177 8899 0011",
        "+49 30 12345678",
        "01 42 68 53 00",
        "+81 3-1234-5678",
        "+55 11 91234-5678",
        "+234 803 123 4567",
        "+91 98765 43210",
        "+7 495 123-45-67",
        "+1 212 555 0199 ext. 12",
    ],
)
def test_phone_formats(redactor: Redactor, phone: str) -> None:
    result = redactor.redact(f"Mobile: {phone} (evenings)")
    assert result.text == "Mobile: <PHONE_1> (evenings)"


@pytest.mark.parametrize(
    "not_phone", ["2019-2021", "2018 - 2020", "192.168.10.12", "4111111111111111", "3.8.0"]
)
def test_not_phones(not_phone: str) -> None:
    assert not is_phone(not_phone, has_context=False)


def test_prc_resident_id_checksum(redactor: Redactor) -> None:
    assert prc_id_valid("11010519491231002X")
    assert not prc_id_valid("110105194912310021")  # wrong check character
    assert "<ID_NUMBER_1>" in redactor.redact("编号 11010519491231002X", "zh").text
    assert "110105194912310021" in redactor.redact("编号 110105194912310021", "zh").text


def test_name_particles_and_all_caps(redactor: Redactor) -> None:
    text = (
        "LARS VAN DER BERG\nEngineer\n\nLater, van der Berg led Kafka work. Mr. van der Berg left."
    )
    out = redactor.redact(text).text
    assert "Berg" not in out
    assert "van der" not in out
    assert out.count("<PERSON_1>") == 3


def test_lower_case_header_name(redactor: Redactor) -> None:
    out = redactor.redact("jane doe\ndata engineer | Python, SQL\n\nJane built Kafka jobs.").text
    assert out.startswith("<PERSON_1>\ndata engineer | Python, SQL")
    assert "Jane" not in out


def test_latin_name_next_to_han_text(redactor: Redactor) -> None:
    out = redactor.redact(
        "张伟 (David Zhang)\nJava开发工程师\nDavid负责后端。张伟毕业于北京大学。"
    ).text
    assert "David" not in out
    assert "张伟" not in out
    assert "Java开发工程师" in out


def test_skills_that_spacy_calls_people_survive(redactor: Redactor) -> None:
    text = (
        "GRACE HOPE\nBackend Developer\n\n- Migrated Jenkins jobs to Spring Boot services.\n"
        "- Built Kafka, Hive and Oracle pipelines; tuned Spark.\nSkills: Julia, Ruby, Swift, Go"
    )
    out = redactor.redact(text).text
    for skill in ("Jenkins", "Spring Boot", "Kafka", "Hive", "Oracle", "Spark", "Julia", "Ruby"):
        assert skill in out
    assert "GRACE" not in out


def test_chinese_profile_fields(redactor: Redactor) -> None:
    text = (
        "姓名：马建华  性别：男  民族：回族  籍贯：宁夏银川\n"
        "婚姻状况：已婚  政治面貌：中共党员  出生日期：1988年6月12日  年龄：35岁\n"
        "技能：Java、MySQL"
    )
    result = redactor.redact(text)
    kinds = {span.type for span in result.spans}
    expected = {"PERSON", "GENDER", "ETHNICITY", "LOCATION", "MARITAL_STATUS"}
    assert expected | {"POLITICAL_AFFILIATION", "DATE_OF_BIRTH", "AGE"} <= kinds
    for value in ("马建华", "回族", "宁夏银川", "已婚", "中共党员", "1988"):
        assert value not in result.text
    assert "Java、MySQL" in result.text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Mail goes to PSC 1234, Box 5678\nAPO AE 09012 while deployed.",
            "PSC 1234, Box 5678\nAPO AE 09012",
        ),
        ("Contact: USNS Comfort\nFPO AA 34055", "USNS Comfort\nFPO AA 34055"),
        (
            "I live at 12 Harbour Road Apt. 4 Galway Ireland.",
            "12 Harbour Road Apt. 4 Galway Ireland",
        ),
        ("Office: Villacher Strasse 89, Klagenfurt", "Villacher Strasse 89, Klagenfurt"),
        (
            "Please send the contract to 77 Elm Street\n Suite 300\n Dayton\n United States",
            "77 Elm Street\n Suite 300\n Dayton\n United States",
        ),
    ],
)
def test_address_shapes(redactor: Redactor, text: str, address: str) -> None:
    spans = [text[s.start : s.end] for s in redactor.redact(text).spans if s.type == "ADDRESS"]
    assert any(address in span for span in spans), spans


def test_name_spans_trimmed_and_listed(redactor: Redactor) -> None:
    text = "Hi Joanna Kowalczyk, I'm Daniel Okafor. Our founders: Brennick, Olsen and Garcia.\n"
    found = redactor.redact(text).spans
    spans = [text[s.start : s.end].rstrip(".") for s in found if s.type == "PERSON"]
    assert {"Joanna Kowalczyk", "Daniel Okafor"} <= set(spans), spans
    assert not any(s.startswith(("Hi", "I'm")) for s in spans), spans
    assert {"Olsen", "Garcia"} <= set(spans), spans
