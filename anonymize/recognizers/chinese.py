"""Chinese person names. Evidence, strongest first:
- resume fields (姓名：...) and the header line;
- where a bio or record puts the name: first, before 先生/女士 or a separator and a gender,
  nationality, ethnicity, birth or date ("<name>：男，", "<name>先生，1962年出生");
- a surname before 先生/女士/教授/博士/同志 ("张先生");
- the person names of Baidu's LAC model (``anonymize.lac_tagger``; jieba's ``nr`` tags can be
  chosen instead with ``NAME_TAGGER``).
Every later occurrence of a found name, and of its given name, is marked too; a name only a
model found is not looked for inside the organisation names LAC found ("金陵饭店")."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from anonymize.allowlist import Allowlist
from anonymize.lac_tagger import ORGANISATION_LABEL as LAC_ORGANISATION
from anonymize.lac_tagger import PERSON_LABEL as LAC_PERSON
from anonymize.lac_tagger import PLACE_LABEL as LAC_PLACE
from anonymize.lac_tagger import artifacts_many
from anonymize.recognizers.base import HAN, Hit, ResumeRecognizer
from anonymize.recognizers.places import _jieba, is_place_name
from anonymize.types import PERSON

# Which model tags person names in Chinese text: LAC ("lac"), jieba's ``nr`` ("jieba") or both.
# bench/eval_redaction.py --zh-tagger compares them; Veil runs LAC (jieba still segments).
NAME_TAGGER = "lac"
LAC_LABELS = frozenset({LAC_PERSON, LAC_PLACE, LAC_ORGANISATION})

# The most common Chinese surnames (single and double), enough for >95% of the population.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强"
    "帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓"
    "修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植"
    "衡富尧闭由"
)
_SURNAMES_2 = {
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "令狐",
    "夏侯",
    "端木",
    "西门",
    "南宫",
}
_HAN = r"\u4e00-\u9fff"
_FIELD = re.compile(
    rf"(?:姓\s*名|名\s*字|联系人|候选人|应聘者|推荐人|证明人)\s*[:：]?\s*(?P<v>[{_HAN}·]{{2,6}})"
)
# A bio or record that opens with the name: "<name>先生，", "<name>：男，", "<name>，女，汉族",
# "<name>（TARO NAKAYAMA）先生", "<name>：1962年出生". Names of Uyghur and other peoples are
# written with a middle dot ("艾力·巴拉提").
_OPENING = re.compile(
    rf"(?:^|(?<=\n))[ \t]*(?P<v>(?:(?!先生|女士|同志)[{_HAN}]){{2,5}}"
    rf"|[{_HAN}]{{1,8}}·[{_HAN}]{{1,12}}"
    r"|[A-Z][a-z]+(?:[ .\-]?[A-Z][a-z]+){0,3})"
    r"(?:[ \t]*[（(](?:(?P<latin>[A-Za-z][A-Za-z .\-]{1,40})|[^）)\n]{1,30})[）)])?"
    r"(?=[ \t]*(?P<cue>先生|女士|同志"
    r"|[:：,，、][ \t]*(?:男|女|国籍|中国国籍|中国籍|民族|汉族|出生|生于)"
    rf"|[:：,，、][ \t]*[{_HAN}]{{2,10}}[，,、][ \t]*[男女](?=[，,、\s])"
    r"|[:：,，、][ \t]*(?:\d{2,4}|现任|曾任|历任)|出生|性别|民族|籍贯))"
)
# "张先生曾任...", "黄教授": a surname alone before a form of address
_SURNAME_TITLE = re.compile(
    rf"(?<![{_HAN}])(?P<v>[{_HAN}]{{1,2}})(?=(?P<title>先生|女士|教授|博士|同志))"
)
_NOT_SURNAMES = set("副正总老各诸某本该其原前现男女")
_NOT_NAME_ENDS = set("省市区县路街号村镇乡部")
_NOT_NAME_PARTS = (
    "公司",
    "大学",
    "学院",
    "中心",
    "集团",
    "银行",
    "科技",
    "有限",
    "工程",
    "居留",
    "国籍",
    "经历",
    "简介",
    "时间",
    "日期",
    "顾问",
    "董秘",
    "纪检",
    "监察",
)
_NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        "简历 个人简历 个人 求职 工作 教育 项目 技能 自我 评价 联系 电话 邮箱 地址 经历 背景 信息 资料 "  # noqa: E501
        "概况 基本 证书 荣誉 语言 爱好 兴趣 专业 简介 意向 期望 薪资 职位",
    )
)
_lock = threading.Lock()


def _surname_ok(name: str) -> bool:
    return name[:2] in _SURNAMES_2 or name[:1] in _SURNAMES_1


def _plausible(name: str) -> bool:
    return (
        2 <= len(name) <= 4
        and _surname_ok(name)
        and name not in _NOT_NAMES
        and name[-1] not in _NOT_NAME_ENDS
        and not any(part in name for part in _NOT_NAME_PARTS)
    )


# field labels that open a line like a name does ("性别：女", "民族：汉族")
_LABEL = re.compile(
    r"性别|民族|籍贯|国籍|年龄|学历|学位|姓名|出生|生日|婚姻|婚否|政治|面貌|手机|电话|邮箱|地址|身份|"
    r"专业|职位|职务|意向|岗位|部门|现居|户口|户籍|健康|身高|体重|血型|状态|类型|性质|时间|工作|教育"
)


def _opening_ok(name: str, cue: str) -> bool:
    """A name opening a record: any surname before a gender cue (开晓彬：男), a known surname
    before a date or a role (马西庆：2002年...)."""
    if name in _NOT_NAMES or name[-1] in _NOT_NAME_ENDS or any(p in name for p in _NOT_NAME_PARTS):
        return False
    if _LABEL.search(name):
        return False
    gendered = (
        cue in ("先生", "女士", "同志") or cue[-1:] in ("男", "女", "籍", "族") or "国籍" in cue
    )
    if name.isascii():
        return gendered  # "StephenBird（中文名：...），男"
    if len(name) == 5 and not gendered:
        return False
    if gendered or "·" in name or _surname_ok(name):
        return True
    # a rare surname ("寻冬生，1958年生"): only a word jieba's dictionary does not know
    # ("目前，2019年" and "此外，" are words)
    return len(name) <= 3 and _jieba().get_FREQ(name) is None


def _tagged_ok(name: str) -> bool:
    """A person name from LAC: any surname (the model saw the context), but not a label,
    a place, an organisation word or a one-character fragment."""
    if not (2 <= len(name) <= 8) or not re.fullmatch(rf"[{_HAN}·]+", name):
        return False
    if name in _NOT_NAMES or name[-1] in _NOT_NAME_ENDS:
        return False
    if any(p in name for p in _NOT_NAME_PARTS) or _LABEL.search(name):
        return False
    return not is_place_name(name)


def _weak_given(given: str, tagged: set[str]) -> bool:
    """True if ``given`` is the given name of a name only a tagger found."""
    return any(name.endswith(given) and len(name) > len(given) for name in tagged)


def _given_name(name: str) -> str:
    """The given name of a 3-4 character name ("欧阳子涵" -> "子涵"), or "" if too short to search."""  # noqa: E501
    surname = 2 if name[:2] in _SURNAMES_2 else 1
    given = name[surname:]
    return given if len(given) >= 2 else ""


class ResumeChineseNameRecognizer(ResumeRecognizer):
    ENTITIES = (PERSON,)

    def __init__(self, allowlist: Allowlist, language: str = "zh") -> None:
        self.allowlist = allowlist
        self._posseg: Any = None
        super().__init__(language=language)

    def _tagger(self) -> Any:
        with _lock:
            if self._posseg is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(60)
                jieba.initialize()
                self._posseg = jieba.posseg
        return self._posseg

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        names: dict[str, float] = {}
        hits: list[Hit] = []
        for match in _FIELD.finditer(text):
            value = match.group("v")
            # "姓名：张伟 性别：男" -> cut before a following field label
            value = re.split(r"性别|年龄|民族|电话|手机|籍贯|出生", value)[0]
            if 2 <= len(value) <= 6 and value not in self.allowlist:
                start = match.start("v")
                hits.append((PERSON, start, start + len(value), 0.95))
                names[value] = 0.95
        for match in _OPENING.finditer(text):
            value = match.group("v")
            if _opening_ok(value, match.group("cue")) and value not in self.allowlist:
                hits.append((PERSON, match.start("v"), match.end("v"), 0.95))
                names[value] = 0.95
                if match.group("latin"):
                    hits.append((PERSON, match.start("latin"), match.end("latin"), 0.9))
        addressed = list(_SURNAME_TITLE.finditer(text))
        # "宓先生": a rare surname too, before 先生 / 女士 ("副教授" is a title); then "宓教授"
        rare = {
            m.group("v")
            for m in addressed
            if m.group("title") in ("先生", "女士") and m.group("v") not in _NOT_SURNAMES
        }
        for match in addressed:
            value = match.group("v")
            single = len(value) == 1 and (value in _SURNAMES_1 or value in rare)
            if value in _SURNAMES_2 or single:
                hits.append((PERSON, match.start("v"), match.end("v"), 0.85))
        first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
        head = re.match(rf"^([{_HAN}]{{2,4}})(?=$|[\s|/,，、（(])", first_line)
        if head and _plausible(head.group(1)) and head.group(1) not in self.allowlist:
            names.setdefault(head.group(1), 0.9)
        tagged: set[str] = set()  # names only a tagger found: not looked for inside organisations
        lac = [e for e in getattr(nlp_artifacts, "entities", ()) or () if e.label_ in LAC_LABELS]
        if self.supported_language != "zh" and NAME_TAGGER != "jieba" and HAN.search(text):
            # Han names inside an English resume ("Wei Zhang 张伟")
            lac = list(artifacts_many([text])[0].entities)
        if NAME_TAGGER in ("lac", "both"):
            for entity in lac:
                word = entity.text
                if entity.label_ == LAC_PERSON and _tagged_ok(word) and word not in self.allowlist:
                    if word not in names:
                        tagged.add(word)
                    names.setdefault(word, 0.8)
        if NAME_TAGGER in ("jieba", "both") and re.search(rf"[{_HAN}]", text):
            for word, flag in self._tagger().cut(text):
                if (
                    flag == "nr"
                    and _plausible(word)
                    and not is_place_name(word)  # jieba tags 安康, 宁德 as names too
                    and word not in self.allowlist
                ):
                    if word not in names:
                        tagged.add(word)
                    names.setdefault(word, 0.8)
        organisations = [(e.start_char, e.end_char) for e in lac if e.label_ == LAC_ORGANISATION]
        mentions = dict(names)
        for name, score in names.items():
            given = _given_name(name) if re.fullmatch(rf"[{_HAN}]+", name) else ""
            if given and given not in self.allowlist:
                mentions.setdefault(given, score - 0.1)
        for name, score in mentions.items():
            weak = name in tagged or _weak_given(name, tagged)
            for match in re.finditer(re.escape(name), text):
                a, b = match.span()
                if weak and any(s <= a and b <= e for s, e in organisations):
                    continue  # "金陵" in "金陵饭店", "华为" in "华为技术有限公司"
                hits.append((PERSON, a, b, score))
        return hits
