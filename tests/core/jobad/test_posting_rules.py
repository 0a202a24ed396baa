"""Posting rules on fictitious sentences: what each category catches, and tricky negatives."""

from __future__ import annotations

import pytest

from core.jobad import check_posting


def _hits(text: str, jurisdiction: str | None = None) -> set[tuple[str, str]]:
    report = check_posting(text, jurisdiction=jurisdiction)
    return {(f.category, f.text) for f in report.findings if not f.document}


def _categories(text: str, jurisdiction: str | None = None) -> set[str]:
    return {f.category for f in check_posting(text, jurisdiction=jurisdiction).findings}


@pytest.mark.parametrize(
    ("text", "category", "quote"),
    [
        ("岗位要求：限男性，能适应出差。", "cn_gender", "限男性"),
        ("男性优先，有驾照。", "cn_gender", "男性优先"),
        ("性别：女，形象好。", "cn_gender", "性别：女"),
        ("本岗位仅招女生。", "cn_gender", "仅招女生"),
        ("已婚已育者优先考虑。", "cn_marriage_childbearing", "已婚已育"),
        ("入职需孕检。", "cn_marriage_childbearing", "孕检"),
        ("要求三年内不生育。", "cn_marriage_childbearing", "三年内不生育"),
        ("宝妈勿扰。", "cn_marriage_childbearing", "宝妈勿扰"),
        ("限汉族。", "cn_ethnicity_religion", "汉族"),
        ("少数民族勿扰。", "cn_ethnicity_religion", "少数民族勿扰"),
        ("要求无宗教信仰。", "cn_ethnicity_religion", "无宗教信仰"),
        ("需本地户口。", "cn_hukou_region", "本地户口"),
        ("限本市人。", "cn_hukou_region", "限本市人"),
        ("河南人勿扰。", "cn_hukou_region", "河南人勿扰"),
        ("仅限上海户籍。", "cn_hukou_region", "上海户籍"),
        ("乙肝携带者勿扰。", "cn_hepatitis_b", "乙肝携带者勿扰"),
        ("入职体检含乙肝五项。", "cn_hepatitis_b", "乙肝五项"),
        ("年龄35岁以下。", "cn_age", "年龄35岁以下"),
        ("22-30岁，大专以上学历。", "cn_age", "22-30岁"),
        ("90后优先。", "cn_age", "90后优先"),
        ("年龄最高40岁。", "cn_age", "最高40岁"),
        ("残疾人勿扰。", "cn_disability", "残疾人勿扰"),
        ("外省人员请勿投递。", "cn_hukou_region", "外省人员请勿投递"),
        ("能自行解决本市户口者优先。", "cn_hukou_region", "户口"),
        ("备孕女性不予考虑。", "cn_marriage_childbearing", "备孕女性不予考虑"),
        ("信教人士谢绝。", "cn_ethnicity_religion", "信教人士谢绝"),
        ("任职要求：\n1. 女，形象佳；\n2. 大专以上。", "cn_gender", "女"),
    ],
)
def test_chinese_problems_are_found(text: str, category: str, quote: str) -> None:
    hits = _hits(text, "CN")
    assert any(c == category and quote in q for c, q in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "男女不限，不限户籍，不限民族，不限年龄。",
        "性别：男女不限；婚育不限。",
        "五险一金（含生育保险），带薪产假、婚假，提供单身公寓。",
        "公司可协助解决北京户口，落户指标充足。",
        "入职体检不含乙肝项目，乙肝携带者可正常入职。",
        "我们尊重员工的宗教信仰，欢迎少数民族同事。",
        "熟悉本地市场，能在本地出差。",
        "负责后端开发，3-5年经验，年满18周岁。",
        "我们不会询问婚育情况。",
        "欢迎残疾人投递，办公室无障碍。",
    ],
)
def test_chinese_negations_are_not_findings(text: str) -> None:
    hits = _hits(text, "CN")
    legal = {c for c, _ in hits if c.startswith("cn_")}
    assert legal == set(), hits


@pytest.mark.parametrize(
    ("text", "jurisdiction", "category", "quote"),
    [
        (
            "Male candidates preferred for this role.",
            "US",
            "us_sex_preference",
            "Male candidates preferred",
        ),
        (
            "We are looking for a young woman to join.",
            "US",
            "us_sex_preference",
            "looking for a young woman",
        ),
        ("Must be a man able to travel.", "US", "us_sex_preference", "be a man"),
        ("Ideal for a recent college graduate.", "US", "us_age", "recent college graduate"),
        ("You are a digital native.", "US", "us_age", "digital native"),
        ("Applicants aged 25-35 welcome.", "US", "us_age", "aged 25-35"),
        ("Class of 2023 or later.", "US", "us_age", "Class of 2023 or later"),
        ("Perfect for someone in their thirties.", "US", "us_age", "in their thirties"),
        ("Great role for new grads.", "US", "us_age", "new grads"),
        ("We prefer male applicants.", "US", "us_sex_preference", "prefer male applicants"),
        ("Female drivers wanted.", "US", "us_sex_preference", "Female drivers wanted"),
        ("Hiring some strong men.", "US", "us_sex_preference", "Hiring some strong men"),
        ("Experienced foreman needed.", "US", "us_sex_preference", "foreman"),
        ("Sales manager (Shanghai), male preferred.", "CN", "cn_gender", "male preferred"),
        ("Local hukou required.", "CN", "cn_hukou_region", "Local hukou"),
        ("Please state your marital status.", "CN", "cn_marriage_childbearing", "marital status"),
        ("Medical check includes hepatitis B.", "CN", "cn_hepatitis_b", "hepatitis B"),
        ("Applicants aged 22-30.", "CN", "cn_age", "aged 22-30"),
        ("Join our young team in Berlin.", "EU", "eu_age", "young"),
        ("Join our young team!", "UK", "uk_age", "young"),
        ("Waitress needed for weekends.", "UK", "uk_gendered_title", "Waitress"),
        ("Experienced postman for rural rounds.", "UK", "uk_gendered_title", "postman"),
        ("Salesman (field, north).", "EU", "uk_gendered_title", "Salesman"),
        ("You must be physically fit.", "UK", "uk_physical", "physically fit"),
        ("Able-bodied workers only.", "UK", "uk_physical", "Able-bodied"),
        ("Please include your salary history.", "US-NY", "pay_history_question", "salary history"),
        ("State your current salary in the form.", "EU", "pay_history_question", "current salary"),
    ],
)
def test_english_problems_are_found(
    text: str, jurisdiction: str, category: str, quote: str
) -> None:
    hits = _hits(text, jurisdiction)
    assert any(c == category and quote in q for c, q in hits), hits


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        ("We offer a competitive salary and dependency upgrades are part of the job.", "US"),
        ("We are a young company with an older client base.", "US"),
        ("You will mentor young people in our youth programme.", "UK"),
        ("Waiter/waitress (part time).", "UK"),
        ("Kaufmann / Salesman (m/f/d).", "EU"),
        ("We welcome men and women of all ages.", "US"),
        ("We will not ask about your salary history.", "US-NY"),
        ("The current base pay range for this role is $90,000-$110,000.", "US-NY"),
        ("Ernst & Young alumni welcome.", "UK"),
        ("Our chairman founded the firm in 1990.", "UK"),
        ("Inspire young minds in our after-school club.", "US"),
        ("We serve families with children of all ages 3-17.", "US"),
    ],
)
def test_english_negatives_are_not_legal_findings(text: str, jurisdiction: str) -> None:
    hits = _hits(text, jurisdiction)
    legal = {c for c, _ in hits if c not in {"gendered_wording", "readability"}}
    assert legal == set(), hits


def test_pay_range_rules_follow_the_jurisdiction() -> None:
    none = "Python developer. Salary: competitive, depending on experience. Health insurance."
    ranged = "Python developer. Salary: $95,000 - $120,000 per year. Health insurance, 401(k)."
    single = "Python developer. Starting salary EUR 52,000 gross per year."
    for juris in ("US-NY", "US-CO", "US-CA", "US-WA", "EU"):
        assert "pay_range_missing" in _categories(none, juris), juris
        assert "pay_range_missing" not in _categories(ranged, juris), juris
    assert "pay_range_missing" not in _categories(single, "EU")  # starting pay suffices
    assert "pay_range_missing" in _categories(single, "US-NY")  # New York: min and max
    for juris in (None, "US", "UK", "CN"):
        assert "pay_range_missing" not in _categories(none, juris), juris
    no_benefits = "Python developer. Salary: $95,000 - $120,000 per year."
    assert "pay_range_missing" in _categories(no_benefits, "US-CO")  # range plus benefits
    assert "pay_range_missing" not in _categories(no_benefits, "US-NY")


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("$80K–$100K", True),
        ("$40/hour - $45/hour", True),
        ("USD 90,000 – 110,000", True),
        ("£30k-£35k", True),
        ("€50.000 - €60.000 brutto", True),
        ("between $70,000 and $90,000", True),
        ("Pay: 85,000 - 95,000 USD", True),
        ("Salary range: 85,000-95,000 per year", True),
        ("Salary: competitive, DOE", False),
        ("We pay for 3-5 days of training", False),
        ("A team of 10-20 engineers; 401(k) with 3-4% match", False),
    ],
)
def test_pay_range_formats(text: str, stated: bool) -> None:
    from core.jobad.documents import pay_stated

    assert pay_stated(text, single_ok=False) is stated


def test_pay_history_is_an_error_only_where_banned() -> None:
    text = "Tell us your current salary."
    severity = {
        j: next(
            f.severity
            for f in check_posting(text, jurisdiction=j).findings
            if f.category == "pay_history_question"
        )
        for j in ("US", "US-NY", "US-CA", "EU")
    }
    assert severity == {"US": "warning", "US-NY": "error", "US-CA": "error", "EU": "error"}
    assert "pay_history_question" not in _categories(text, "UK")


def test_rewrites_keep_the_case_and_name_the_neutral_word() -> None:
    report = check_posting("Waitress wanted. Our new postman starts soon.", jurisdiction="UK")
    rewrites = {f.text: f.replacement for f in report.findings if f.category == "uk_gendered_title"}
    assert rewrites == {"Waitress": "Waiting staff member", "postman": "postal worker"}


def test_style_advice() -> None:
    text = "We need a Python ninja and a data rockstar. No crazy hours."
    cats = {(f.category, f.text) for f in check_posting(text).findings}
    assert ("hype_title", "ninja") in cats
    assert ("hype_title", "rockstar") in cats
    assert ("ableist_language", "crazy") in cats
    assert all(f.severity == "advice" for f in check_posting(text).findings)
