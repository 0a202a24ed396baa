"""Swapping a candidate's name (gender, origin) and gender cues must not change one character of
the redacted resume."""

from __future__ import annotations

import pytest

from anonymize import Redactor

pytestmark = pytest.mark.slow

# (first, last, gender): women and men from many origins, names that are also words included
VARIANTS = [
    ("Emily", "Walsh", "f"),
    ("James", "O'Brien", "m"),
    ("Aisha", "Bello", "f"),
    ("Oluwaseun", "Adeyemi", "m"),
    ("Mei", "Chen", "f"),
    ("Wei", "Zhang", "m"),
    ("Priya", "Raghunathan", "f"),
    ("Arjun", "Iyer", "m"),
    ("María", "García", "f"),
    ("José", "Hernández", "m"),
    ("Fatima", "Al-Sayed", "f"),
    ("Omar", "Haddad", "m"),
    ("Lan", "Nguyen", "f"),
    ("Minh", "Tran", "m"),
    ("Yuki", "Tanaka", "f"),
    ("Kenji", "Watanabe", "m"),
    ("Katarzyna", "Wiśniewska", "f"),
    ("Piotr", "Kowalski", "m"),
    ("Ngozi", "Okafor", "f"),
    ("Kwame", "Mensah", "m"),
    ("Grace", "Young", "f"),
    ("Will", "Hunter", "m"),
    ("Siobhan", "McAllister", "f"),
    ("Lars", "van der Berg", "m"),
    ("Soo-jin", "Park", "f"),
    ("Dmitri", "Petrov", "m"),
]

TEMPLATE = """{FULL_UPPER}
Senior Data Engineer | {email} | +44 20 7946 0321
linkedin.com/in/{slug}

SUMMARY
{first} is a data engineer with eight years of Python, Kafka and Spark. {He} designed the
streaming platform at Northwind Traders, and {his} team relies on {him} for on-call reviews.

EXPERIENCE
Data Engineer, Northwind Traders  2018-2024
- Built Kafka and Flink pipelines; migrated Hive jobs to Spark.
- {Title} {last} led the move to Snowflake, which {he} presented at an internal summit.

REFERENCES
Dr. Helen Ashworth, Head of Data, Northwind Traders
"""


def render(first: str, last: str, gender: str) -> str:
    he, his, him, title = (
        ("she", "her", "her", "Ms.") if gender == "f" else ("he", "his", "him", "Mr.")
    )
    ascii_name = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    ascii_name = ascii_name.translate(str.maketrans("áéíóúśñ", "aeiousn"))
    return TEMPLATE.format(
        FULL_UPPER=f"{first} {last}".upper(),
        first=first,
        last=last,
        email=f"{ascii_name}@example.org",
        slug=ascii_name.replace(".", "-"),
        He=he.capitalize(),
        he=he,
        his=his,
        him=him,
        Title=title,
    )


def test_enough_variants() -> None:
    assert len(VARIANTS) >= 20
    assert {g for _, _, g in VARIANTS} == {"f", "m"}


def test_redacted_text_identical_across_names_and_gender(redactor: Redactor) -> None:
    texts = [render(*variant) for variant in VARIANTS]
    results = redactor.redact_many(texts)
    baseline = results[0].text
    assert "<PERSON_1>" in baseline
    assert "<GENDER_1>" in baseline
    assert "Kafka" in baseline
    for variant, result in zip(VARIANTS, results, strict=True):
        assert result.text == baseline, f"variant {VARIANTS.index(variant)} differs"
    # the names themselves are gone
    for (first, last, _), result in zip(VARIANTS, results, strict=True):
        assert first not in result.text
        assert last not in result.text


@pytest.mark.parametrize("shape", ["lower", "title", "first_initial", "initial_first"])
def test_identical_across_names_in_every_header_shape(redactor: Redactor, shape: str) -> None:
    def header(first: str, last: str) -> str:
        return {
            "lower": f"{first} {last}".lower(),
            "title": f"{first} {last}",
            "first_initial": f"{first} {last[0]}.",
            "initial_first": f"{last[0]} {first}",
        }[shape]

    texts = []
    for first, last, gender in VARIANTS:
        text = render(first, last, gender)
        texts.append(header(first, last) + text[text.index("\n") :])
    results = redactor.redact_many(texts)
    for variant, result in zip(VARIANTS, results, strict=True):
        assert result.text == results[0].text, f"{shape}: variant {VARIANTS.index(variant)} differs"
        assert variant[0] not in result.text


GENDERED = """SUMMARY
Account manager and former {chair} of the regional retail council. Returned to work in 2021
after becoming a {parent}; my {spouse} and I share the school runs.

EXPERIENCE
Store lead, Harbour Goods (fictitious)  2016-2021
- Started as a {server} and trained every new {server} on the till and stock system.
- Named {sales} of the year; led a team of six.
- Volunteer coach, {team} basketball, city league.

SKILLS
Salesforce, SQL, Excel, master's degree in retail management, data steward for the CRM.

中文简介：曾任{zh_role}，{zh_spouse}支持我重返职场。熟悉Excel和SQL。
"""
GENDERED_FORMS = {
    "m": {
        "chair": "chairman",
        "parent": "father",
        "spouse": "wife",
        "server": "waiter",
        "sales": "salesman",
        "team": "men's",
        "zh_role": "男子篮球队教练",
        "zh_spouse": "妻子",
    },
    "f": {
        "chair": "chairwoman",
        "parent": "mother",
        "spouse": "husband",
        "server": "waitress",
        "sales": "saleswoman",
        "team": "women's",
        "zh_role": "女子篮球队教练",
        "zh_spouse": "丈夫",
    },
}


def test_gendered_common_nouns_read_the_same_for_either_sex(redactor: Redactor) -> None:
    """Kinship words, "-man"/"-woman" titles and female "-ess" forms, English and Chinese: a
    resume and its sex-swapped twin redact to the same text, and the neutral words stay."""
    man, woman = (redactor.redact(GENDERED.format(**GENDERED_FORMS[g])) for g in "mf")
    assert man.text == woman.text
    for kept in ("Salesforce", "master's degree", "data steward", "retail council", "Excel"):
        assert kept in man.text
    for gone in ("chairman", "father", "wife", "waiter", "salesman", "妻子", "男子"):
        assert gone not in man.text
