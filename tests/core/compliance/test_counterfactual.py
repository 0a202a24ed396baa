"""The counterfactual self-check: the swap itself, and the whole check on real engines."""

from __future__ import annotations

import json
from typing import Any

import pytest

from core.compliance.counterfactual import (
    person_spans,
    swap_gender,
    swap_names_in,
    swap_one_kind,
)
from core.services import Engines, compliance, run_to_end
from tests.core.compliance.conftest import add_candidate


def _at(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_swap_english_markers_and_names() -> None:
    text = "Mr John Smith. He led his team; MR. SMITH mentored her. She chaired it."
    out = swap_gender(text, _at(text, "John Smith"))
    assert out.text == "Ms Jane Smith. She led her team; MS. SMITH mentored his. He chaired it."
    assert out.swaps == 7
    assert out.names == {"john": "jane"}


def test_swap_chinese_markers() -> None:
    out = swap_gender("王先生，性别：男。他负责其他工作，带领他们。")
    assert out.text == "王女士，性别：女。她负责其他工作，带领她们。"  # 其他 ("other") stays


def test_words_inside_words_are_left_alone() -> None:
    text = "Shell scripting, Hermes, Manhattan, theme, schema, mrna, Charlotte NC, George Mason"
    assert swap_gender(text).text == text  # names are swapped only where a person was found


def test_titles_only_before_a_name() -> None:
    out = swap_gender("Ms. Walsh holds an MS in Physics and knows MS Office; MR. WALSH too.")
    assert out.text == "Mr. Walsh holds an MS in Physics and knows MS Office; MS. WALSH too."
    assert swap_gender("I never miss a deadline.").text == "I never miss a deadline."
    lab = "Ran GC/MS. Validated LC-MS. Methods for the lab."
    assert swap_gender(lab).text == lab  # instruments, not titles


def test_holidays_named_after_parents_are_not_about_the_person() -> None:
    text = "Ran the Mother's Day and Father’s Day campaigns; my father ran a shop."
    out = swap_gender(text)
    assert out.text == "Ran the Mother's Day and Father’s Day campaigns; my mother ran a shop."
    assert out.swaps == 1


def test_names_where_the_redactor_found_people() -> None:
    text = "EMILY WALSH\nSales lead. Emily led sales. Referees: Oluwaseun Adeyemi, Robert Li."
    spans = _at(text, "EMILY WALSH", "Sales", "Oluwaseun Adeyemi", "Robert Li")
    out = swap_gender(text, spans)
    # a found first name the table holds is swapped everywhere, surnames kept; a word
    # mistaken for a name (Sales) and a first name the table lacks stay
    assert out.text == (
        "BRIAN WALSH\nSales lead. Brian led sales. Referees: Oluwaseun Adeyemi, Roberta Li."
    )
    assert swap_names_in("Emily_Walsh-CV.pdf", out.names) == "Brian_Walsh-CV.pdf"
    assert person_spans([{"type": "PERSON", "start": 0, "end": 5}, {"type": "EMAIL"}]) == [(0, 5)]


def test_names_the_table_lacks_and_job_titles_stay() -> None:
    text = "OLUWASEUN ADEYEMI\nOutreach Manager. Oluwaseun led outreach."
    spans = _at(text, "OLUWASEUN ADEYEMI", "Outreach Manager")
    assert swap_gender(text, spans).text == text


class _Leaky:
    """A redactor that removes nothing (to show the check catches a leak)."""

    def redact(self, text: str, language: str | None = None) -> Any:
        from anonymize.types import RedactionResult

        return RedactionResult(text=text, spans=(), mapping={}, language=language or "en")


def _pool(ws: Any, job_id: int) -> list[int]:
    from anonymize import Redactor
    from tests.anonymize.test_counterfactual import VARIANTS, render

    redactor = Redactor()
    ids = []
    for first, last, sex in (VARIANTS[0], VARIANTS[3], VARIANTS[9]):
        original = render(first, last, sex)
        redacted = redactor.redact(original)
        spans = json.dumps(
            [{"type": s.type, "start": s.start, "end": s.end} for s in redacted.spans]
        )
        ids.append(
            add_candidate(
                ws,
                job_id,
                redacted.text,
                original=original,
                mapping=redacted.mapping,
                spans_json=spans,
            )
        )
    return ids


@pytest.mark.slow
def test_real_redactor_and_scorer_move_no_score(ws: Any) -> None:
    from anonymize import Redactor
    from core.scoring import parse_requirements
    from tests.core.scoring.training import shared

    text = "Senior data engineer. Must have: Python, Kafka, Spark. Nice to have: Snowflake."
    job_id = int(ws.jobs.add("Data engineer", text, parse_requirements(text)).id)
    ids = _pool(ws, job_id)
    engines = Engines(redactor=Redactor(), encoder=shared.encoder(), intake=object())  # type: ignore[arg-type]
    points = []
    gen = compliance.counterfactual_check(ws, engines, job_id, actor="auditor")
    while True:
        try:
            points.append(next(gen))
        except StopIteration as stop:
            result = stop.value
            break
    assert [p.done for p in points] == [1, 2, 3, 4]  # nothing changed: scored once
    assert len(result.rows) == 3
    assert all(r.swaps >= 5 for r in result.rows)  # pronouns, title (and table names)
    assert result.texts_changed == 0
    assert result.max_change == 0.0
    assert result.moved == ()
    assert ws.audit.list()[-1].subject == {"job_id": job_id, "candidates": 3, "moved": 0}

    # the same check with a redactor that removes nothing finds the leak
    leaky = Engines(redactor=_Leaky(), encoder=shared.encoder(), intake=object())  # type: ignore[arg-type]
    leak = run_to_end(compliance.counterfactual_check(ws, leaky, job_id))
    assert leak.texts_changed == 3
    assert leak.max_change > 0.0
    assert {r.candidate_id for r in leak.moved} <= set(ids)
    assert leak.moved
    assert leak.as_json()["moved"][0]["change"] == leak.moved[0].change


def test_a_surname_found_alone_stays() -> None:
    text = "EMILY WALSH\nMs. Walsh led it."
    spans = [(0, 11), (text.rindex("Walsh"), text.rindex("Walsh") + 5)]
    assert swap_gender(text, spans).text == "BRIAN WALSH\nMr. Walsh led it."


def test_one_kind_at_a_time() -> None:
    text = "Emily Walsh, chairman. She met Mr. Li. 他很好。"
    spans = _at(text, "Emily Walsh")
    assert swap_one_kind(text, "names", spans) == "Brian Walsh, chairman. She met Mr. Li. 他很好。"
    assert swap_one_kind(text, "pronouns") == "Emily Walsh, chairman. He met Mr. Li. 他很好。"
    assert swap_one_kind(text, "words") == "Emily Walsh, chairwoman. She met Mr. Li. 他很好。"
    assert swap_one_kind(text, "titles") == "Emily Walsh, chairman. She met Ms. Li. 他很好。"
    assert swap_one_kind(text, "chinese") == "Emily Walsh, chairman. She met Mr. Li. 她很好。"
