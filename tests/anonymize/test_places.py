"""Chinese place names are redacted as English cities are, and names of organisations, languages
and everyday words that contain one are kept (real engine, fictitious text)."""

from __future__ import annotations

import pytest

from anonymize import RedactionOptions, Redactor
from anonymize.types import LOCATION


def _places(redactor: Redactor, text: str) -> list[str]:
    found = redactor.redact(text)
    return [text[s.start : s.end] for s in found.spans if s.type == LOCATION]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("柳子墨\n北京市朝阳区", "北京市朝阳区"),  # a district with no address label
        ("现居：杭州市西湖区", "杭州市西湖区"),
        ("期望工作地点：苏州", "苏州"),
        ("2019年在深圳负责信息系统建设", "深圳"),
        ("我是四川人，喜欢登山", "四川人"),
        ("上海浦东新区", "上海浦东新区"),
        ("北京市场部经理", "北京"),  # 市场 is "market", not 市 "city"
        ("现居城市：安康市", "安康市"),
        ("户籍所在城市：重庆", "重庆"),  # the label is not part of the place
    ],
)
def test_place_names_are_redacted(redactor: Redactor, text: str, place: str) -> None:
    assert place in _places(redactor, text)
    assert place not in redactor.redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "毕业于北京大学计算机系",
        "曾在深圳市腾讯计算机系统有限公司工作",
        "2016-2019 北京字节跳动科技有限公司 后端工程师",
        "会说上海话和粤语",
        "熟悉三明治制作",
        "朝阳产业研究，阿里云认证",
        "负责华东市场区域销售",
        "负责园区与社区的项目",
    ],
)
def test_organisations_languages_and_words_are_kept(redactor: Redactor, text: str) -> None:
    assert _places(redactor, text) == []


def test_an_allow_listed_place_is_kept() -> None:
    with Redactor(RedactionOptions(extra_allowlist=frozenset({"成都"}))) as redactor:
        assert _places(redactor, "2019年在成都工作，2021年去了重庆") == ["重庆"]


def test_only_han_text_is_looked_up(redactor: Redactor) -> None:
    from anonymize.recognizers.places import ResumeChinesePlaceRecognizer

    recognizer = ResumeChinesePlaceRecognizer(redactor.allowlist, "en")
    assert list(recognizer.find("Moved from Shanghai to Chengdu in 2019.", None)) == []
    assert list(recognizer.find("Moved from 上海 to 成都 in 2019.", None)) == [
        (LOCATION, 11, 13, 0.85),
        (LOCATION, 17, 19, 0.85),
    ]


def test_place_names_are_not_taken_for_people(redactor: Redactor) -> None:
    # jieba tags these as person names (安 and 宁 are surnames); they are a city and an employer
    found = redactor.redact("2020年加入宁德时代，负责电池研发；祝大家安康")
    assert found.spans == ()
