from __future__ import annotations

from dataclasses import replace

import pytest

from core.domain import Requirement
from core.scoring import Encoder, MemoryCache, Scorer, ScoringOptions, fusion, parse_requirements

pytestmark = pytest.mark.slow

JOB = """Backend Engineer

Requirements
- 4+ years building backend services in Go or Python
- Strong SQL and PostgreSQL
- Deploying services with Docker and Kubernetes
- Bachelor's degree in Computer Science or a related field

Nice to have
- Experience with Kafka
"""

FIT = """<PERSON_1>
<EMAIL_1> | <PHONE_1>

Experience
Backend Engineer, Harbor Freight Systems (fictitious), 2017 - present
- Built order services in Go and Python that handle 3,000 requests per second.
- Designed the Postgres schema for shipments and tuned slow SQL queries.
- Packaged every service as a container and deployed it to our k8s clusters.
- Streamed tracking events through Kafka topics.

Education
BSc Computer Science, 2016

Skills
Go, Python, PostgreSQL, Docker, Kubernetes, Kafka
"""

PARTLY = """<PERSON_1>
Experience
Junior web developer, 2022 - present
- Built small websites in PHP and MySQL for local shops.
Skills
PHP, MySQL, HTML
"""

NOT_FIT = """<PERSON_1>
Experience
Registered nurse, 2015 - present
- Cared for post-operative patients on a 30-bed surgical ward.
- Administered IV medication and documented care in Epic.
Education
Bachelor of Science in Nursing
"""

CHINESE = """<PERSON_1>
工作经历
2018 - 至今 某物流科技公司（虚构） 后端工程师
- 使用Go和Python开发订单服务，日处理订单超过100万笔。
- 负责PostgreSQL数据库设计和SQL优化。
- 使用Docker和Kubernetes部署服务。
教育背景
计算机科学 本科
"""


@pytest.fixture(scope="module")
def scorer(encoder: Encoder) -> Scorer:
    return Scorer(encoder, MemoryCache())


def test_fit_partly_and_not_fit_are_ordered_and_calibrated(scorer: Scorer) -> None:
    reqs = parse_requirements(JOB)
    fit, partly, not_fit = (scorer.score(reqs, t) for t in (FIT, PARTLY, NOT_FIT))
    assert fit.score >= 70 > partly.score > not_fit.score
    assert not_fit.score < 25
    assert fit.must_met == fit.must_total == 4
    assert not_fit.must_met <= 1
    assert any("Missing must-haves" in note for note in not_fit.notes)
    assert all(0.0 <= r.satisfaction <= 1.0 for s in (fit, partly, not_fit) for r in s.requirements)


def test_evidence_points_into_the_redacted_text(scorer: Scorer) -> None:
    reqs = parse_requirements(JOB)
    score = scorer.score(reqs, FIT)
    for result in score.requirements:
        evidence = result.evidence
        assert evidence is not None
        assert FIT[evidence.start : evidence.end] == evidence.text
        assert "<PERSON_1>" not in evidence.text
    by_text = {r.requirement.text: r for r in score.requirements}
    k8s = by_text["Deploying services with Docker and Kubernetes"]
    assert "k8s" in k8s.evidence.text  # type: ignore[union-attr]
    assert set(k8s.matched) >= {"k8s"}
    degree = by_text["Bachelor's degree in Computer Science or a related field"]
    assert "BSc" in degree.evidence.text  # type: ignore[union-attr]


def test_placeholders_do_not_change_the_score(scorer: Scorer) -> None:
    reqs = parse_requirements(JOB)
    other = FIT.replace("<PERSON_1>", "<PERSON_7>").replace("<EMAIL_1>", "<EMAIL_2> <URL_1>")
    a, b = scorer.score(reqs, FIT), scorer.score(reqs, other)
    assert a.score == b.score
    assert [r.satisfaction for r in a.requirements] == [r.satisfaction for r in b.requirements]


def test_cache_hit_scores_like_a_miss_without_encoding(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = MemoryCache()
    reqs = parse_requirements(JOB)
    first = Scorer(encoder, cache).score(reqs, FIT)
    assert cache.puts == 1
    fresh = Scorer(encoder, cache)
    fresh._prepare(reqs)  # requirements encoded; resumes must now come from the cache

    def no_encoding(texts: object) -> object:
        raise AssertionError("a cached resume was encoded again")

    monkeypatch.setattr(encoder, "encode_chunks", no_encoding)
    again = fresh.score(reqs, FIT)
    assert cache.puts == 1
    assert again == first


def test_rank_yields_every_candidate_with_its_id(scorer: Scorer) -> None:
    reqs = parse_requirements(JOB)
    texts = {10: FIT, 11: NOT_FIT, 12: PARTLY, 13: ""}
    ranked = dict(scorer.rank(reqs, texts))
    assert set(ranked) == set(texts)
    assert all(score.candidate_id == cid for cid, score in ranked.items())
    alone = scorer.score(reqs, FIT)
    # ranked together, the requirements part is the same as alone; the pool terms come on top
    assert ranked[10].components["requirements"] == alone.components["requirements"]
    assert alone.components["pool"] == 0.0
    assert ranked[10].components["pool"] == 4.0
    assert ranked[10].score > ranked[12].score > ranked[13].score
    assert ranked[13].components["requirements"] < 0.05  # only the unstated degree: 0.15
    assert ranked[13].score == min(s.score for s in ranked.values())
    assert [s.score for _, s in scorer.rank((), {1: FIT})] == [0.0]


POOL = {
    1: FIT,
    2: PARTLY,
    3: NOT_FIT,
    4: FIT.replace("Kafka topics", "RabbitMQ queues"),
    5: """<PERSON_1>
Experience
Accountant, 2014 - present
- Closed the monthly ledger and prepared VAT returns.
Education
Bachelor of Accounting
""",
}


def test_ranked_scores_explain_every_point(scorer: Scorer) -> None:
    reqs = parse_requirements(JOB)
    ranked = dict(scorer.rank(reqs, POOL, job_text=JOB))
    for score in ranked.values():
        c = score.components
        total = (
            c["pool_average_points"]
            + c["requirements_points"]
            + c["document_points"]
            + c["resume_points"]
        )
        assert c["requirements_points"] == pytest.approx(
            fusion.CALIBRATION * (100 * c["requirements"] - c["pool_average_points"]), abs=1e-3
        )
        # the score is the sum, compressed only outside 5..95 (so nothing ties at 0 or 100)
        assert score.score == pytest.approx(fusion.compress(total), abs=1e-3)
        note = score.notes[0]
        assert note.startswith("Score = pool average")
        assert "document match" in note
        assert "whole-resume similarity" in note
        assert "5 candidates" in note
        assert c["pool"] == 5.0
    # the pool terms are relative to the pool: they add nothing on average
    assert sum(s.components["document_points"] for s in ranked.values()) == pytest.approx(
        0.0, abs=0.01
    )
    order = sorted(ranked, key=lambda cid: -ranked[cid].score)
    assert order[:2] == [1, 4] or order[:2] == [4, 1]
    assert ranked[1].score >= 70
    assert ranked[3].score < 40
    assert ranked[5].score < 40


def test_a_chinese_posting_gets_no_pool_terms_and_says_why(scorer: Scorer) -> None:
    zh_job = "任职要求\n1、熟悉PostgreSQL和SQL优化\n2、熟悉Docker和Kubernetes\n"
    ranked = dict(scorer.rank(parse_requirements(zh_job), POOL, job_text=zh_job))
    for score in ranked.values():
        assert score.components["document_points"] == 0.0
        assert score.components["resume_points"] == 0.0
        assert score.score == pytest.approx(score.components["requirements_points"], abs=1e-3)
        assert "Chinese posting" in score.notes[0]


DEGREE_REQ = [Requirement("Bachelor's degree in Computer Science")]
YEARS_REQ = [Requirement("5+ years of experience")]
NO_DEGREE = """Experience
Software developer
- Built services in Python for a logistics company (fictitious).
"""
SHORT_DEGREE = NO_DEGREE + "Education\nAssociate degree in Computer Science\n"
TOO_FEW_YEARS = NO_DEGREE + "1 year of experience as a developer.\n"


def test_degree_and_years_count_only_where_stated(scorer: Scorer) -> None:
    (unstated,) = scorer.score(DEGREE_REQ, NO_DEGREE).requirements
    (short,) = scorer.score(DEGREE_REQ, SHORT_DEGREE).requirements
    (full,) = scorer.score(DEGREE_REQ, FIT).requirements
    assert unstated.satisfaction >= short.satisfaction  # stating nothing is not worse
    assert full.satisfaction > short.satisfaction
    (no_years,) = scorer.score(YEARS_REQ, NO_DEGREE).requirements
    (few_years,) = scorer.score(YEARS_REQ, TOO_FEW_YEARS).requirements
    (many_years,) = scorer.score(YEARS_REQ, FIT).requirements
    assert no_years.satisfaction >= few_years.satisfaction
    assert many_years.satisfaction > no_years.satisfaction


def test_chinese_resume_is_matched_lexically_and_says_so(scorer: Scorer) -> None:
    reqs = parse_requirements(JOB)
    score = scorer.score(reqs, CHINESE)
    assert any("Chinese" in note for note in score.notes)
    assert {r.method for r in score.requirements} == {"lexical"}
    assert all(r.similarity == 0.0 for r in score.requirements)
    assert score.score > scorer.score(reqs, NOT_FIT).score
    zh_reqs = parse_requirements(
        "任职要求\n1、熟悉PostgreSQL和SQL优化\n2、熟悉Docker和Kubernetes\n"
    )
    zh = scorer.score(zh_reqs, CHINESE)
    assert all(r.status == "met" for r in zh.requirements)
    for r in zh.requirements:
        assert r.evidence is not None
        assert CHINESE[r.evidence.start : r.evidence.end] == r.evidence.text


def test_weights_and_must_haves_count(scorer: Scorer) -> None:
    reqs = [Requirement("Go and Python services"), Requirement("Nursing licence", must=False)]
    base = scorer.score(reqs, FIT).score
    heavier = [reqs[0], replace(reqs[1], weight=3.0)]
    assert scorer.score(heavier, FIT).score < base
    assert scorer.model_version.startswith("all-MiniLM-L6-v2@53aa5117")


ZH_LOGISTICS = """<PERSON_1>
工作经历
2019 - 至今 某贸易公司（虚构） 物流专员
- 安排仓库盘点和月度对账。
- 负责进口和出口报关，与海关和货代沟通单证问题。
"""

EN_LOGISTICS = """<PERSON_1>
Experience
Logistics coordinator, 2019 - present
- Drove the forklift on night shifts.
- Kept inventory records for two warehouses and ran the monthly stock count.
"""


def test_glossary_finds_evidence_across_languages(encoder: Encoder, scorer: Scorer) -> None:
    # an English requirement and a Chinese resume with no Latin words in the relevant line
    req = [Requirement("Import and export customs clearance")]
    (en,) = scorer.score(req, ZH_LOGISTICS).requirements
    assert en.evidence is not None
    assert "报关" in en.evidence.text
    # by default the glossary's matches count in the score too
    assert {"进口", "出口"} <= set(en.matched)
    assert en.satisfaction > 0.3
    uncounted = Scorer(encoder, MemoryCache(), options=ScoringOptions(translated=False))
    (en_uncounted,) = uncounted.score(req, ZH_LOGISTICS).requirements
    assert en_uncounted.evidence == en.evidence  # the evidence is chosen the same way
    assert en_uncounted.satisfaction == 0.0
    assert en_uncounted.matched == ()
    # and the reverse: a Chinese requirement, an English resume
    (zh,) = scorer.score([Requirement("熟悉库存管理和仓储工作")], EN_LOGISTICS).requirements
    assert zh.evidence is not None
    assert "inventory records" in zh.evidence.text
    assert zh.method == "lexical"
    # words that are not in the glossary still match nothing across languages
    (none,) = scorer.score([Requirement("Forklift licence")], ZH_LOGISTICS).requirements
    assert none.evidence is None
    assert none.satisfaction == 0.0
