"""The name at the top of a resume: any case, initials, names no model knows (issue 16).

Floors on generated headers from fictitious in-repo names (tests/data/redaction/header_names.tsv):
the whole name masked in >= 98% of documents of every shape and region, the title line below it
kept in >= 98%.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from anonymize import Redactor
from anonymize.entity_eval import SHAPES, HeaderName, header_documents, tally_entities

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data" / "redaction"


def _names() -> list[HeaderName]:
    rows = (DATA / "header_names.tsv").read_text(encoding="utf-8").splitlines()
    return [HeaderName(*row.split("\t")) for row in rows if row and not row.startswith("#")]


def _titles() -> list[str]:
    rows = (DATA / "header_titles.txt").read_text(encoding="utf-8").splitlines()
    return [row for row in rows if row and not row.startswith("#")]


def test_generated_headers_floors(redactor: Redactor) -> None:
    names = _names()
    assert len({n.region for n in names}) == 8
    docs = header_documents(names, _titles(), random.Random(16))
    results = redactor.redact_many([d.text for d in docs])
    predicted = [[(s.type, s.start, s.end) for s in r.spans] for r in results]
    tallies = tally_entities(docs, predicted, by_group=True)
    assert tallies[""].total["TITLE"] >= 200
    for shape in SHAPES:
        for region in {n.region for n in names}:
            cell = tallies[f"{shape}/{region}"]
            assert cell.masked_rate("NAME") >= 0.98, (shape, region, cell.masked_rate("NAME"))
        title_lost = sum(t.touched["TITLE"] for k, t in tallies.items() if k.startswith(shape))
        title_total = sum(t.total["TITLE"] for k, t in tallies.items() if k.startswith(shape))
        assert 1 - title_lost / title_total >= 0.98, (shape, title_lost, title_total)


@pytest.mark.parametrize(
    "header",
    [
        "tendai moyo",
        "TENDAI MOYO",
        "Tendai M.",
        "M. Tendai",
        "Tendai R. Moyo",
        "Resume\nTendai Moyo",
        "Tendai Moyo, PhD",
        "Tendai Moyo | tendai.moyo@example.org",
    ],
)
def test_header_name_and_later_mentions_are_one_person(redactor: Redactor, header: str) -> None:
    text = (
        f"{header}\nCharity officer\n+44 20 7946 0000 | tendai.moyo@example.org\n\nSUMMARY\n"
        "tendai ran the Grafana and Selenium rollout; Tendai also trained staff in Power BI.\n"
    )
    result = redactor.redact(text)
    assert "tendai" not in result.text.casefold()
    assert "moyo" not in result.text.casefold()
    assert "\nCharity officer\n" in result.text
    for skill in ("Grafana", "Selenium", "Power BI"):
        assert skill in result.text
    people = {p for p in result.mapping if p.startswith("<PERSON_")}
    assert people == {"<PERSON_1>"}


def test_everyday_words_of_a_title_like_header_stay_in_lower_case(redactor: Redactor) -> None:
    # a first line that may be a name or a field: its words are found again only when
    # capitalised, so the body's ordinary words survive
    text = "Digital Rennick\nAnalyst\n\nSUMMARY\nRan digital campaigns; rennick is a tool.\n"
    result = redactor.redact(text)
    assert "Ran digital campaigns; rennick is a tool." in result.text


@pytest.mark.parametrize(
    "first_lines",
    [
        "Hello I moved, please update my address\nThanks",
        "Owens, Duran and Oneal\n12 Harbour Road",
        "we are proud engineers\nof the year",
        "Senior Data Engineer\nJane Roe",
        "BUSINESS DEVELOPMENT\nSummary of qualifications",
        "Human Resources\nJane Roe",
        "Machine Learning Enthusiast\njane.roe@example.org",
        "SOFTWARE ENGINEERINGMANAGER\nSummary",
        "DIRECTOROF BUSINESS DEVELOPMENT\nSummary",
    ],
)
def test_first_lines_that_are_not_a_name(redactor: Redactor, first_lines: str) -> None:
    from anonymize.allowlist import Allowlist
    from anonymize.recognizers.header import find_header

    header = find_header(first_lines, Allowlist())
    assert header is None or first_lines[header.start : header.end] == "Jane Roe"


def test_person_spans_never_cross_a_line_break(redactor: Redactor) -> None:
    names = _names()
    docs = header_documents(names[:40], _titles(), random.Random(3))
    for doc, result in zip(docs, redactor.redact_many([d.text for d in docs]), strict=True):
        for span in result.spans:
            if span.type == "PERSON":
                assert "\n" not in doc.text[span.start : span.end], doc.id


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Monitoring: Grafana, Quellox, Zabbix, Vantrix", "Ran Quellox and Vantrix daily."),
        ("BI tools | Tableau | Pelorin | Looker | Power BI", "Built reports in Pelorin."),
        ("Testing: Selenium, Cypress, Mirandel, JMeter, Postman", "Moved suites to Mirandel."),
    ],
)
def test_unknown_tools_in_a_list_of_skills_are_kept(
    redactor: Redactor, line: str, prose: str
) -> None:
    # Quellox, Vantrix, Pelorin, Mirandel: invented tool names the allow-list cannot know
    text = f"Jane Roe\nSite reliability engineer\n\nSKILLS\n{line}\n{prose}\n"
    result = redactor.redact(text)
    assert result.text.endswith(f"SKILLS\n{line}\n{prose}\n"), result.text


def test_a_list_of_places_is_still_redacted(redactor: Redactor) -> None:
    text = "Jane Roe\nSales manager\n\nOffices: London, Paris, Berlin, Madrid\n"
    result = redactor.redact(text)
    for city in ("London", "Paris", "Berlin", "Madrid"):
        assert city not in result.text


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("business developmentmanager", True),
        ("directorof operations", True),
        ("human resources", True),
        ("grace young", False),
        ("hunter king", False),
        ("oluwaseun adeyemi", False),
        ("tendai moyo", False),
    ],
)
def test_title_like(words: str, title: bool) -> None:
    from anonymize.allowlist import Allowlist
    from anonymize.recognizers.header import title_like

    assert title_like(words.split(), Allowlist()) is title
