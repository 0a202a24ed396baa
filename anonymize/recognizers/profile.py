"""What profiles a person rather than their work: date of birth and age, gender cues, nationality,
ethnicity, religion, marital and family status, photos, political affiliation (English, Chinese)."""

from __future__ import annotations

import re

from anonymize.recognizers.base import PatternTableRecognizer, rule
from anonymize.types import (
    AGE,
    DATE_OF_BIRTH,
    ETHNICITY,
    FAMILY_STATUS,
    GENDER,
    LOCATION,
    MARITAL_STATUS,
    NATIONALITY,
    PHOTO,
    POLITICAL_AFFILIATION,
    RELIGION,
)

_I = re.IGNORECASE
_IM = re.IGNORECASE | re.MULTILINE
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
    r"|(?:19|20)\d{2}[ \t./-]+\d{1,2}(?:[ \t./-]+\d{1,2})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t./-]*(?:{_MONTH}|\d{{1,2}})[ \t.,/-]*(?:19|20)?\d{{2}}"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}"
    rf"|{_MONTH},?[ \t]+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}(?:\s*年)?)"
)
_FIELD_END = r"(?=[ \t]*(?:$|[|;•·\t,，；。]|[ \t]{2}))"
_NATIONALITIES = (
    r"American|British|English|Scottish|Welsh|Irish|Canadian|Australian|New Zealander|Mexican|"
    r"Brazilian|Argentine|Argentinian|Chilean|Colombian|Peruvian|Venezuelan|Cuban|Jamaican|"
    r"French|German|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|"
    r"Danish|Finnish|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Greek|Turkish|Russian|"
    r"Ukrainian|Belarusian|Serbian|Croatian|Bosnian|Albanian|Lithuanian|Latvian|Estonian|"
    r"Chinese|Taiwanese|Hongkonger|Japanese|Korean|South Korean|North Korean|Vietnamese|Thai|"
    r"Filipino|Filipina|Indonesian|Malaysian|Singaporean|Indian|Pakistani|Bangladeshi|Sri Lankan|"
    r"Nepalese|Afghan|Iranian|Iraqi|Syrian|Lebanese|Jordanian|Israeli|Palestinian|Saudi|Emirati|"
    r"Egyptian|Moroccan|Algerian|Tunisian|Libyan|Nigerian|Ghanaian|Kenyan|Ethiopian|Somali|"
    r"Ugandan|Tanzanian|Rwandan|South African|Zimbabwean|Cameroonian|Senegalese|Ivorian"
)
NATIONALITY_WORDS = re.compile(_NATIONALITIES)
# countries and regions as Chinese bios name them before 国籍 / 籍 / 公民 / 永久居留权
_COUNTRIES_ZH = (
    r"中华人民共和国|中国香港|中国澳门|中国台湾|中国|香港|澳门|台湾|美国|英国|法国|德国|日本|韩国|"
    r"朝鲜|俄罗斯|加拿大|澳大利亚|澳洲|新西兰|新加坡|马来西亚|印度尼西亚|印尼|印度|泰国|越南|"
    r"菲律宾|缅甸|柬埔寨|老挝|巴基斯坦|孟加拉|蒙古|哈萨克斯坦|以色列|土耳其|伊朗|沙特|阿联酋|"
    r"埃及|南非|尼日利亚|肯尼亚|意大利|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|奥地利|"
    r"爱尔兰|波兰|捷克|匈牙利|希腊|乌克兰|巴西|阿根廷|墨西哥|智利|秘鲁|哥伦比亚|古巴|塞浦路斯|"
    r"圣基茨和尼维斯|多米尼克|瓦努阿图|安提瓜和巴布达|格林纳达|马耳他|萨摩亚|汤加|斐济"
)
_ETHNIC = (
    r"Hispanic|Latino|Latina|Latinx|Latine|Caucasian|African[- ]American|Asian[- ]American|"
    r"Black|White|Asian|Native American|American Indian|Alaska Native|Pacific Islander|"
    r"Native Hawaiian|Indigenous|Aboriginal|Torres Strait Islander|First Nations|Maori|Māori|"
    r"Roma|Romani|Arab|Berber|Kurdish|Han|Uyghur|Uighur|Tibetan|Mixed(?:[- ]race)?|Biracial"
)
_RELIGIONS = (
    r"Christian|Christianity|Catholic|Roman Catholic|Protestant|Orthodox|Evangelical|Baptist|"
    r"Methodist|Lutheran|Anglican|Presbyterian|Pentecostal|Mormon|LDS|Jehovah'?s Witness|Muslim|"
    r"Islam|Islamic|Sunni|Shia|Shi'a|Jewish|Judaism|Hindu|Hinduism|Buddhist|Buddhism|Sikh|Sikhism|"
    r"Jain|Taoist|Daoist|Confucian|Bahá'í|Bahai|Zoroastrian|Atheist|Agnostic|Shinto"
)
_ETHNIC_ZH = (
    r"汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|"
    r"拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|"
    r"乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺"
)


class ResumeProfileRecognizer(PatternTableRecognizer):
    ENTITIES = (
        DATE_OF_BIRTH,
        AGE,
        GENDER,
        LOCATION,
        NATIONALITY,
        ETHNICITY,
        RELIGION,
        MARITAL_STATUS,
        FAMILY_STATUS,
        PHOTO,
        POLITICAL_AFFILIATION,
    )
    RULES = (
        # --- date of birth and age
        rule(
            DATE_OF_BIRTH,
            r"(?:date\s+of\s+birth|birth\s*date|birthday|d\.?\s?o\.?\s?b\.?|born(?:\s+on|\s+in)?|"
            r"geburtsdatum|né(?:e)?\s+le|fecha\s+de\s+nacimiento)\s*[:：]?\s*"
            rf"(?P<v>{_DATE})",
            0.9,
            _I,
            first="[bdfgn]",
        ),
        # "Born in <city>, 12 May 1990": the place between the word and the date (issue 17)
        rule(
            DATE_OF_BIRTH,
            r"\bborn\s+(?:in|at)\s+[^\W\d_][^\W\d_ .’'\-]*(?:[ ,.’'\-]+[^\W\d_]+){0,4}\s*[,;]?"
            rf"\s*(?:on\s+)?(?P<v>{_DATE})",
            0.9,
            _I,
        ),
        rule(
            DATE_OF_BIRTH,
            rf"(?:出生日期|出生年月(?:日)?|生日|出生|生于)\s*[:：]?\s*(?P<v>{_DATE}|[^\n|；;，,]{{4,20}})",
            0.9,
            han=True,
        ),
        # "1966年5月出生", "1958年生": the date before the word
        rule(
            DATE_OF_BIRTH,
            rf"(?P<v>{_DATE})\s*(?:出生|生人|生(?=$|[，,。；;、\s]))",
            0.9,
            re.MULTILINE,
            han=True,
        ),
        rule(
            AGE,
            r"(?:\bage[d]?|年龄)\s*[:：]?\s*(?P<v>\d{2}(?:\s*(?:years?(?:\s+old)?|yrs?|岁|周岁))?)",
            0.85,
            _I,
        ),
        rule(AGE, r"\b(?P<v>\d{2}\s*(?:-|\s)?(?:years?|yrs?)[ -]old)\b", 0.85, _I, needs="old"),
        rule(AGE, r"(?<![\d年.])(?P<v>[1-7]\d\s*(?:岁|周岁))", 0.85, han=True),
        # --- gender cues
        rule(GENDER, r"\b(?:he|she|him|her|his|hers|himself|herself)\b", 0.8, _I),
        rule(
            GENDER,
            r"\b(?:Mr|Mrs|Ms|Miss|Mx|Sir|Madam|Mme|Mlle|Herr|Frau|Sr|Sra|Srta)\b\.?"
            r"(?=\s+(?:[A-Z]|(?:van|von|de|da|del|della|di|du|le|la|al|el|bin|ter|dos)\s))",
            0.85,
        ),
        rule(
            GENDER,
            r"(?:\b(?:gender|sex)|性别)\s*[:：]?\s*(?P<v>male|female|man|woman|non[- ]binary|m|f|男|女)\b",  # noqa: E501
            0.9,
            _I,
            needs="gender sex 性别",
        ),
        rule(
            GENDER,
            r"\b(?:male|female|males|females|woman|women|girl|girls|boy|boys|man|men|"
            r"lady|ladies|gentleman|gentlemen|non[- ]binary|transgender|"
            r"sorority|fraternity|brotherhood|sisterhood)\b",
            0.7,
            _I,
            first="[bfglmnstw]",
        ),
        rule(GENDER, r"性别\s*[:：]?\s*(?P<v>[男女])", 0.9, han=True),  # "性别：女民族：汉"
        rule(
            GENDER,
            r"(?:(?<=^)|(?<=[\s|/,，、;；:：(（]))(?P<v>[男女])(?=$|[\s|/,，、;；)）])",
            0.85,
            re.MULTILINE,
            han=True,
        ),
        rule(GENDER, r"(?:男性|女性|男士|女士|先生|小姐)", 0.8, han=True),
        # --- nationality
        rule(
            NATIONALITY,
            r"(?:\b(?:nationality|citizenship|citizen\s+of|national\s+of|country\s+of\s+origin|"
            r"place\s+of\s+birth|born\s+in)|国籍|出生地)\s*[:：]?\s*(?P<v>[^\W\d_][\w ’'\-]{1,30}?)"
            + _FIELD_END,
            0.85,
            _IM,
            needs="national citizen country place born 国籍 出生地",
        ),
        rule(
            NATIONALITY,
            rf"\b(?:{_NATIONALITIES})(?=[ \t]+(?:citizen|national|passport)s?\b)",
            0.85,
            needs="citizen national passport",
        ),
        rule(
            NATIONALITY,
            r"\b(?:citizen|national)\s+of\s+(?:the\s+)?(?P<v>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})",
            0.85,
            needs="citizen national",
        ),
        # "US citizen", "EU national", "green card holder", "permanent resident of Canada"
        rule(
            NATIONALITY,
            r"\b(?:(?:U\.S\.?|US|U\.K\.?|UK|EU|UAE)[ \t]+(?:citizen|national|passport)s?(?:hip)?|"
            r"green[ \t]+card(?:[ \t]+holder)?|"
            r"permanent[ \t]+resident"
            r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})?)\b",
            0.85,
            _I,
            needs="citizen national passport green permanent",
        ),
        # 中国国籍, 中国籍, 美国国籍, 中国公民, 国籍马来西亚, 外籍
        rule(
            NATIONALITY,
            rf"(?:{_COUNTRIES_ZH})(?:国籍|籍|公民)|国籍(?:{_COUNTRIES_ZH})|外籍(?:人士|人员|华人)?",
            0.9,
            han=True,
        ),
        # 无境外永久居留权, 拥有加拿大永久居留权, 未拥有永久国外居留权, 新加坡永久居民, 绿卡
        rule(
            NATIONALITY,
            r"(?:无|没有|未拥有|未取得|不具有|不拥有|拥有|具有|取得|持有|享有|有)?"
            r"(?:其他)?(?:国家(?:和|或|及)地区的)?"
            rf"(?:{_COUNTRIES_ZH})?(?:境外|国外|海外)?(?:永久)?(?:境外|国外|海外)?"
            rf"(?:居留权|居留许可)|(?:{_COUNTRIES_ZH})?永久居民(?:身份)?|绿卡",
            0.9,
            han=True,
        ),
        rule(
            NATIONALITY,
            r"\b(?:visa\s+status|work\s+(?:permit|authori[sz]ation)|residency)\s*[:：]\s*(?P<v>[^\n|;]{2,40})",
            0.6,
            _I,
        ),
        # --- origin: 籍贯 (native place), 户籍 (household registration)
        rule(
            LOCATION,
            r"(?:籍贯|户籍(?:所在(?:地|城市))?|户口(?:所在(?:地|城市))?|生源地|祖籍)\s*[:：]?\s*(?P<v>[^\n|;；，,\t ]{2,20})",  # noqa: E501
            0.9,
            han=True,
        ),
        # --- where one lives or wants to work: 现居 (lives in), 所在城市, 期望城市 (wanted city)
        rule(
            LOCATION,
            r"(?:现居(?:住)?(?:地|城市)?|目前所在地|所在(?:地|城市)|居住(?:地|城市)|(?:期望|意向)(?:工作)?(?:城市|地点)|工作(?:城市|地点))"
            r"\s*[:：]\s*(?P<v>[^\n|;；，,\t ]{2,20})",
            0.85,
            han=True,
        ),
        rule(
            LOCATION,
            r"\b(?:hometown|home\s+town|place\s+of\s+origin|native\s+place)\s*[:：]\s*(?P<v>[^\n|;]{2,40}?)"
            + _FIELD_END,
            0.85,
            _IM,
            needs="home place",
        ),
        # --- ethnicity
        rule(
            ETHNICITY,
            r"(?:\b(?:ethnicity|ethnic\s+(?:origin|group|background)|race(?=\s*[:：]))|民族)\s*[:：]?\s*(?P<v>[^\n|;，,；。]{1,30}?)"
            + _FIELD_END,
            0.9,
            _IM,
            needs="ethnic race 民族",
        ),
        rule(
            ETHNICITY,
            rf"\b(?:{_ETHNIC})(?=[ \t]+(?:woman|women|man|men|student|engineer|professional|heritage|descent|community|society|association|candidate)s?\b)",  # noqa: E501
            0.75,
        ),
        rule(
            ETHNICITY,
            r"\b(?:Hispanic|Latino|Latina|Latinx|Caucasian|African[- ]American|Asian[- ]American|Pacific Islander|Aboriginal)\b",  # noqa: E501
            0.8,
            needs="Hispanic Latin Caucasian African Asian Pacific Aboriginal",
        ),
        # "民族：汉出生年月": a field glued to the next one
        rule(ETHNICITY, rf"民族\s*[:：]?\s*(?P<v>(?:{_ETHNIC_ZH})族?)", 0.9, han=True),
        rule(ETHNICITY, rf"(?:{_ETHNIC_ZH})族(?:人(?![民员事才]))?(?![群])", 0.85, han=True),
        # "男，汉，1956年出生": the people's name alone between the gender and the next field
        rule(
            ETHNICITY,
            rf"(?<=[男女][，,、\s])(?:{_ETHNIC_ZH})(?=[，,、\s])",
            0.85,
            han=True,
        ),
        # --- religion
        rule(
            RELIGION,
            r"(?:\b(?:religion|religious\s+affiliation|faith|denomination)|宗教信仰|宗教|信仰)\s*[:：]\s*(?P<v>[^\n|;，,；]{2,30}?)"
            + _FIELD_END,
            0.9,
            _IM,
            needs="religio faith denomination 宗教 信仰",
        ),
        rule(RELIGION, rf"\b(?:{_RELIGIONS})\b", 0.75),
        rule(
            RELIGION,
            r"(?:\b(?:St\.?|Saint|Holy|Our|First|Grace|[A-Z][\w'’]+)[ \t]+(?:[A-Z][\w'’]+[ \t]+){0,2})?"  # noqa: E501
            r"\b(?:church|mosque|synagogue|congregation|bible|quran|koran|torah|gurdwara|diocese|"
            r"chaplain|cathedral|chapel|parish)\b",
            0.6,
            _I,
            needs="church mosque synagogue congregation bible quran koran torah gurdwara diocese "
            "chap cathedral parish",
        ),
        rule(RELIGION, r"(?:基督教|天主教|伊斯兰教|佛教|道教|穆斯林|基督徒|佛教徒)", 0.8, han=True),
        # --- marital and family status
        rule(
            MARITAL_STATUS,
            r"(?:\bmarital\s+status|\bcivil\s+status|\bfamily\s+status|婚姻状况|婚姻状态|婚否|婚育(?:情况|状况)?)\s*[:：]?\s*"
            r"(?P<v>[^\n|;，,；]{1,30}?)" + _FIELD_END,
            0.9,
            _IM,
            needs="marital civil family 婚",
        ),
        rule(
            MARITAL_STATUS,
            r"\b(?:married|unmarried|divorced|widowed|widow|widower|separated|engaged|single|"
            r"domestic\s+partner(?:ship)?|civil\s+partnership)\b(?=[ \t]*(?:$|[,;|]))",
            0.7,
            _IM,
            needs="married divorced widow separated engaged single domestic civil",
        ),
        rule(
            MARITAL_STATUS,
            r"\b(?:married|divorced|widowed)\b",
            0.7,
            _I,
            needs="married divorced widowed",
        ),
        rule(
            MARITAL_STATUS,
            r"(?:已婚已育|已婚未育|已婚|未婚|离异|丧偶|单身|已育|未育)",
            0.9,
            han=True,
        ),
        rule(
            FAMILY_STATUS,
            r"\b(?:(?:mother|father|mom|dad|parent)\s+of\s+(?:one|two|three|four|five|\d+)|"
            r"(?:one|two|three|four|five|\d+)\s+(?:children|kids|sons|daughters|child|son|daughter)|"
            r"(?:my\s+)?(?:wife|husband|spouse)|maternity\s+leave|paternity\s+leave|parental\s+leave|"
            r"pregnan(?:t|cy)|stay[- ]at[- ]home\s+(?:mom|mother|dad|father|parent))\b",
            0.75,
            _I,
            first=r"[\ddfhmopstw]",
        ),
        rule(
            FAMILY_STATUS,
            r"\b(?:children|dependents|number\s+of\s+children|kids)\s*[:：]\s*(?P<v>[^\n|;]{1,20}?)"
            + _FIELD_END,
            0.85,
            _IM,
            needs="children dependents kids",
        ),
        rule(
            FAMILY_STATUS, r"(?:子女|小孩|孩子)\s*[:：]?\s*(?P<v>[^\n|；;，,]{1,10})", 0.8, han=True
        ),
        rule(FAMILY_STATUS, r"(?:产假|育儿假|怀孕|孕期|家庭情况)", 0.8, han=True),
        # --- photos
        rule(
            PHOTO,
            r"(?:\[\s*(?:photo|picture|headshot|image|portrait|照片|头像)[^\]\n]{0,30}\]|"
            r"\((?:photo|picture|headshot|portrait)[^)\n]{0,30}\)|"
            r"\b(?:photo(?:graph)?|headshot|portrait|picture|passport[- ]style\s+photo)\s*(?:attached|enclosed|below|above|included)?\s*[:：]"  # noqa: E501
            r"(?:[ \t]*[^\n|]{0,60})?|"
            r"\b(?:photo|headshot|portrait)\s+(?:attached|enclosed|included)|"
            r"(?:照片|头像|免冠照|证件照)(?:[:：][^\n|]{0,30})?)",
            0.8,
            _I,
            needs="photo picture headshot image portrait 照片 头像 免冠照 证件照",
        ),
        # --- political affiliation (政治面貌)
        rule(
            POLITICAL_AFFILIATION,
            r"(?:政治面貌|党派)\s*[:：]?\s*(?P<v>[^\n|；;，,\t ]{1,20})",
            0.9,
            han=True,
        ),
        rule(
            POLITICAL_AFFILIATION,
            r"(?:中共党员|中国共产党党员|共产党员|中共预备党员|预备党员|共青团员|团员|群众|民主党派|无党派人士)",
            0.85,
            han=True,
        ),
        rule(
            POLITICAL_AFFILIATION,
            r"\b(?:political\s+(?:affiliation|party)|party\s+membership)\s*[:：]\s*(?P<v>[^\n|;]{2,40}?)"
            + _FIELD_END,
            0.85,
            _IM,
            needs="political party",
        ),
    )
