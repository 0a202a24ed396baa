from __future__ import annotations

from core.scoring import terms as lex


def _terms(text: str) -> set[str]:
    return set(lex.content_terms(lex.tokens(text)))


def test_aliases_stems_and_phrases_match_near_exact_spellings() -> None:
    requirement = _terms("Experience with Kubernetes, PostgreSQL and machine learning pipelines")
    resume = {t.term for t in lex.tokens("Ran k8s clusters; tuned Postgres; built ML pipeline")}
    assert requirement <= resume
    assert "experience" not in requirement  # job-ad boilerplate carries no weight


def test_rare_terms_weigh_more_than_common_words() -> None:
    weights = lex.content_terms(lex.tokens("Kafka team"))
    assert weights["kafka"] > 2 * weights["team"]


def test_degrees() -> None:
    assert [lvl for lvl, _, _ in lex.degree_levels("BSc Computer Science; MBA")] == [2, 3]
    assert [lvl for lvl, _, _ in lex.degree_levels("PhD in physics")] == [4]
    assert lex.degree_levels("Skilled in MS Office") == []
    assert [lvl for lvl, _, _ in lex.degree_levels("2015 硕士 计算机")] == [3]


def test_years_required_and_shown() -> None:
    assert lex.years_required("At least 4 years of experience in Go") == 4
    assert lex.years_required("five years in audit") == 5
    assert lex.years_required("3年以上Java开发经验") == 3
    assert lex.years_required("Python and SQL") is None
    spans, stated = lex.experience_spans(
        "Acme, 2015 - 2019\nBeta, Jan 2019 – present\nGamma 2012.03-2014.06\n8 years of sales"
    )
    assert spans[0] == (2015.0, 2019.5)
    assert spans[1] == (2019.0, -1.0)
    assert stated == 8


def test_chinese_tokens_have_offsets() -> None:
    text = "熟悉Redis和Kafka消息队列"
    for token in lex.tokens(text):
        assert text[token.start : token.end].lower() == token.surface or token.term in (
            "redi",
            "kafka",
        )
    assert {"kafka", "消息", "队列"} <= {t.term for t in lex.tokens(text)}
