"""Chinese place names outside address lines: "现居杭州市西湖区", "2019 年起在深圳工作".

English resumes get their cities and countries from spaCy's NER (GPE); no Chinese NER model
ships, so Chinese text gets a gazetteer (``data/zh_places.txt``: provinces, prefecture-level
cities, Hong Kong, Macau, Taiwan) plus a district or county after a city ("北京市朝阳区"). A name
counts only as whole jieba words, so "三明治" or "浙江门户" yield nothing; a name inside an
employer's or a school's name ("北京大学", "深圳市腾讯计算机系统有限公司") is kept, as English
organisations are; "上海话" is a language. Names that are everyday words too ("朝阳", "安康")
count only with 省, 市, 区 or 县 after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from anonymize.allowlist import Allowlist
from anonymize.lac_tagger import ORGANISATION_LABEL
from anonymize.recognizers.base import HAN, Hit, ResumeRecognizer
from anonymize.types import LOCATION

_HAN = r"\u4e00-\u9fff"
# what ends an organisation's name: the place before it belongs to the organisation
_ORGANISATION = re.compile(
    r"公司|集团|大学|学院|学校|中学|小学|银行|医院|研究院|研究所|实验室|中心|事务所|协会|委员会|"
    r"报社|电视台|出版社|分行|支行|科技|网络|信息|软件|控股|股份|有限|啤酒|汽车|证券|保险|基金|"
    # ... or a title or honour it is part of: 省人大代表, 市政协委员, 市优秀企业家
    r"人大|政协|人民政府|政府|代表|委员|优秀|劳动模范|劳模|首届|第.届"
)
# where an organisation's name has ended: a verb or particle of the sentence around it
_SENTENCE = re.compile(
    r"负责|工作|担任|任职|从事|参与|主导|带领|管理|开发|期间|的|和|与|及|在|于|任"
)
_LANGUAGE_AFTER = ("话", "方言", "口音")
_DEPARTMENT_ENDS = frozenset("部处科室组")


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    """The gazetteer's names, and those that need a suffix."""
    text = resources.files("anonymize").joinpath("data/zh_places.txt").read_text("utf-8")
    names: list[str] = []
    ambiguous: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("? "):
            line = line[2:].strip()
            ambiguous.add(line)
        names.append(line)
    return frozenset(names), frozenset(ambiguous)


def is_place_name(word: str) -> bool:
    """True if ``word`` is a gazetteer name, with or without 省/市/区/县 ("安康", "宁德市")."""
    names = _names()[0]
    return word in names or (word[-1:] in ("省", "市", "区", "县") and word[:-1] in names)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str], frozenset[str]]:
    """The place-name pattern, and the names that need a suffix."""
    names, ambiguous = _names()
    alternation = "|".join(sorted(names, key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<name>{alternation})"
        # 省, 市 (not 市场 "market", 市值, 市民, ...), 自治区, 特别行政区
        rf"(?P<suffix>省|自治区|特别行政区|市(?![场值民面政级委长]))?"
        # a district or county after it: 朝阳区, 浦东新区, 昌平县 (not 区域 "region")
        rf"(?P<district>[{_HAN}]{{1,4}}?(?:新区|区|县)(?!域|块|别|分|间))?"
    )
    return pattern, ambiguous


@lru_cache(maxsize=1)
def _jieba() -> Any:
    """jieba, its dictionary loaded (once per process; jieba locks its own loading)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def _word_bounds(text: str) -> tuple[set[int], set[int]]:
    """Where jieba's words start and end in ``text`` (Han runs only)."""
    jieba = _jieba()
    starts: set[int] = set()
    ends: set[int] = set()
    for run in re.finditer(rf"[{_HAN}]+", text):
        for _, start, end in jieba.tokenize(run.group()):
            starts.add(run.start() + start)
            ends.add(run.start() + end)
    return starts, ends


def _inside_organisation(text: str, end: int) -> bool:
    """True if the Han run after ``end`` names an organisation or a language."""
    rest = re.match(rf"[{_HAN}A-Za-z0-9（）()]{{0,20}}", text[end:])
    tail = rest.group() if rest else ""
    if tail.startswith(_LANGUAGE_AFTER):
        return True
    verb = _SENTENCE.search(tail)
    return _ORGANISATION.search(tail[: verb.start()] if verb else tail) is not None


class ResumeChinesePlaceRecognizer(ResumeRecognizer):
    ENTITIES = (LOCATION,)

    def __init__(self, allowlist: Allowlist, language: str = "zh") -> None:
        self.allowlist = allowlist
        super().__init__(language=language)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        if HAN.search(text) is None:
            return []
        pattern, ambiguous = _gazetteer()
        matches = list(pattern.finditer(text))
        if not matches:
            return []
        starts, ends = _word_bounds(text)
        # LAC's organisation names ("廊坊市华夏银行"): a place inside one belongs to it, but
        # not one before a department ("北京市场部": where the job was)
        organisations = [
            (e.start_char, e.end_char)
            for e in getattr(nlp_artifacts, "entities", ()) or ()
            if e.label_ == ORGANISATION_LABEL and e.text[-1:] not in _DEPARTMENT_ENDS
        ]
        hits: list[Hit] = []
        for match in matches:
            name, suffix, district = match.group("name", "suffix", "district")
            if name in ambiguous and not (suffix or district):
                continue
            start, end = match.span()
            if district and end not in ends:  # "北京市场部": 市 was not a suffix
                district, end = None, match.end("suffix") if suffix else match.end("name")
            if not (suffix or district) and end not in ends and text[end : end + 1] == "人":
                end += 1  # "四川人": where one is from
            if start not in starts or (end not in ends and not suffix):
                continue
            if _inside_organisation(text, end) or text[start:end] in self.allowlist:
                continue
            if any(s <= start and end <= e for s, e in organisations):
                continue
            hits.append((LOCATION, start, end, 0.85))
        return hits
