"""Chinese executive bios (issue 16): the name that opens a bio, nationality and residence rights,
ethnicity glued to the next field, and titles that must stay. All bios are fictitious."""

from __future__ import annotations

import pytest

from anonymize import Redactor

pytestmark = pytest.mark.slow

# (bio, the name, words that must be gone, words that must stay)
BIOS = [
    (
        "宓晓岚女士，1971年出生，中国国籍，无境外永久居留权，硕士，高级会计师。",
        "宓晓岚",
        ["中国国籍", "无境外永久居留权"],
        ["高级会计师"],
    ),
    (
        "訾文博：男，汉族，1966年5月出生，中共党员，现任本公司财务部部长。",
        "訾文博",
        ["汉族", "1966年5月"],
        ["财务部部长"],
    ),
    (
        "郗振宇先生：1958年出生，美国国籍，拥有加拿大永久居留权，教授级高级工程师。",
        "郗振宇",
        ["美国国籍", "拥有加拿大永久居留权"],
        ["教授级高级工程师"],
    ),
    (
        "滕一鸣，男，汉，1975年生，中国籍，曾任营财投资顾问、董秘。",
        "滕一鸣",
        ["中国籍"],
        ["顾问", "董秘"],
    ),
    (
        "阿依古丽·买买提：女，维吾尔族，1980年出生，现任监事会主席。",
        "阿依古丽·买买提",
        ["维吾尔族"],
        ["监事会主席"],
    ),
    (
        "钭建平：2003年9月至今任本公司总经理，未拥有永久境外居留权，外籍人士除外。",
        "钭建平",
        ["未拥有永久境外居留权", "外籍人士"],
        ["总经理"],
    ),
    (
        "PeterHolm（中文名：何彼得），男，丹麦国籍，1962年出生，独立董事。",
        "PeterHolm",
        ["丹麦国籍"],
        ["独立董事"],
    ),
    ("姓名：胥佳怡性别：女民族：汉出生年月：1985年3月", "胥佳怡", ["汉"], []),
]


@pytest.mark.parametrize(("bio", "name", "gone", "kept"), BIOS)
def test_bio(redactor: Redactor, bio: str, name: str, gone: list[str], kept: list[str]) -> None:
    result = redactor.redact(bio, "zh")
    assert name not in result.text
    assert result.text.startswith(("<PERSON_1>", "姓名：<PERSON_1>")), result.text
    for phrase in gone:
        assert phrase not in result.text, phrase
    for phrase in kept:
        assert phrase in result.text, phrase
    assert "居留权" not in result.mapping.get("<PERSON_1>", "")


def test_surname_with_a_form_of_address(redactor: Redactor) -> None:
    result = redactor.redact("公司董事会。\n宓先生曾任财务总监，宓教授现任独立董事。", "zh")
    assert "宓" not in result.text
    assert "财务总监" in result.text
    assert "独立董事" in result.text


def test_nationality_placeholders(redactor: Redactor) -> None:
    result = redactor.redact("宓晓岚女士，中国国籍，无境外永久居留权。", "zh")
    assert "<NATIONALITY_1>" in result.text
    assert "<NATIONALITY_2>" in result.text
    assert not any(p.startswith("<PERSON_") and "居留" in v for p, v in result.mapping.items())


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Jane Roe\nData Engineer\nNationality: Irish\n", "Irish"),
        (
            "Jane Roe\nData Engineer\nCitizenship: Canadian; visa sponsorship not needed\n",
            "Canadian",
        ),
        ("Jane Roe\nData Engineer\nA citizen of New Zealand, based in Leeds.\n", "New Zealand"),
        ("Jane Roe\nData Engineer\nUS citizen, no sponsorship required.\n", "US citizen"),
        ("Jane Roe\nData Engineer\nPermanent resident of Canada.\n", "Canada"),
    ],
)
def test_english_nationality_and_citizenship(redactor: Redactor, text: str, gone: str) -> None:
    result = redactor.redact(text)
    assert gone not in result.text
    assert "Data Engineer" in result.text
