"""The DPIA/PIA draft is filled from the workspace's real settings, in English and Chinese."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from core.errors import UserError
from core.scoring.encoder import MINILM_SHA256
from core.services import compliance
from core.services.review import decide
from tests.core.compliance.conftest import add_candidate, put_score

SECRET_VALUE = "Quokkarian"
RESUME_WORD = "Zanzibarite"


def _filled(ws: Any, job_id: int) -> None:
    ids = [add_candidate(ws, job_id, f"{RESUME_WORD} resume {i}: Python.") for i in range(6)]
    rows = [f"{cid},{'Female' if i < 3 else 'Male'},{SECRET_VALUE}" for i, cid in enumerate(ids)]
    compliance.import_selfid(ws, "candidate_id,sex,race_ethnicity\n" + "\n".join(rows))
    for i, cid in enumerate(ids):
        put_score(ws, job_id, cid, float(i))
    for cid in ids[:1] + ids[3:6]:
        decide(ws, job_id, cid, "shortlist", reviewer="R")
    ws.settings.set("retention_days", "183")
    ws.settings.set("retention_preset", "germany")
    ws.audit.append("counterfactual.checked", "t", {"job_id": job_id, "candidates": 6, "moved": 0})


def test_english_draft_from_the_workspace(ws: Any, job_id: int) -> None:
    _filled(ws, job_id)
    text = compliance.assessment(ws, lang="en", actor="dpo")
    assert "$" not in text.replace("`veil", "")
    assert "6 candidates, 1 jobs, 6 scores, 4 decisions" in text
    assert "183 days after the last activity" in text
    assert "AGG" in text  # the preset's source
    assert MINILM_SHA256 in text
    assert "Voluntary self-identification (race_ethnicity, sex) of 6 candidates" in text
    # women 1/3 selected vs men 3/3: impact ratio 0.33; scoring: women 0/3 above the median
    assert "lowest selection impact ratio 0.33 (Female)" in text
    assert "lowest scoring impact ratio 0.00 (Female)" in text
    assert "6 candidates, 0 score(s) moved" in text
    assert "hash chain intact" in text
    assert "kdf_iter: 256000" in text
    assert "[to complete]" in text
    assert SECRET_VALUE not in text  # counts and ratios only, never an answer...
    assert RESUME_WORD not in text  # ...nor a resume
    assert ws.audit.list()[-1].kind == "assessment.generated"


def test_chinese_draft(ws: Any, job_id: int) -> None:
    _filled(ws, job_id)
    text = compliance.assessment(ws, lang="zh")
    assert "个人信息保护影响评估" in text
    assert "最后一次活动后 183 天" in text
    assert "最低选拔影响比 0.33 (Female)" in text
    assert "【待填写】" in text
    assert MINILM_SHA256 in text
    assert SECRET_VALUE not in text


def test_without_retention_or_answers_the_draft_says_so(ws: Any, job_id: int) -> None:
    text = compliance.assessment(ws)
    assert "No retention period is set" in text
    assert "No self-identification has been imported." in text
    assert "No counterfactual check has been run yet" in text
    assert "no audit could be computed" in text


def test_unknown_language(ws: Any) -> None:
    with pytest.raises(UserError, match="en or zh"):
        compliance.assessment(ws, lang="fr")


# --- the employee section (issue 21) -----------------------------------------------------------

DOCUMENT_CANARY = "Vexillorama"  # in an employee's document text
NAME_CANARY = "Ottoline Quarrington"  # the name that groups a person's documents
REASON_CANARY = "Brindlewick"  # in a reviewer's mark


def _document(ws: Any, person_id: int, kind: str, n: int) -> None:
    from core.storage.people import NewDocument

    text = f"Fictitious {kind} {n}: {DOCUMENT_CANARY} wrote SQL queries for the churn report."
    ws.people.add_document(
        person_id,
        NewDocument(
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            kind=kind,
            name=f"{kind}.txt",
            language="en",
            redacted_text=text,
            redaction_mapping={},
            spans_json="[]",
            warnings=(),
            filename=f"{kind}.txt",
            media_type="text/plain",
            data=text.encode(),
            text=text,
            metadata={},
        ),
    )


def _staffed(ws: Any, tmp_path: Path) -> int:
    """A role with three people (one later erased, one exported), documents, marks, ratings."""
    from core.people.model import Mark
    from core.services.people import create_role
    from core.services.people_rights import erase_person, export_person
    from core.services.training import import_ratings

    role = create_role(ws, "Data analyst", "Data analyst\n\nRequirements\n- SQL\n- Python\n")
    a, b, c = (ws.people.add(role.id, f"{NAME_CANARY} {i}") for i in range(3))
    _document(ws, a.id, "self_review", 1)
    _document(ws, a.id, "cv", 2)
    _document(ws, b.id, "self_review", 3)
    _document(ws, b.id, "manager_review", 4)
    _document(ws, c.id, "project_summary", 5)
    ws.marks.put(Mark(a.id, "SQL", True, REASON_CANARY, "Reviewer"))
    ws.marks.put(Mark(b.id, "Python", False, REASON_CANARY, "Reviewer"))
    ws.marks.put(Mark(b.id, "A competency the role no longer has", True, "", "Reviewer"))
    import_ratings(ws, f"person_id,rating,manager,cycle\n{a.id},3,M1,2026\n{b.id},4,M2,2026\n")
    export_person(ws, a.id, tmp_path / "export", actor="dpo")
    erase_person(ws, c.id, actor="dpo")
    return int(role.id)


def test_the_draft_covers_employees_with_counts_only(ws: Any, tmp_path: Path) -> None:
    role_id = _staffed(ws, tmp_path)
    text = compliance.assessment(ws, lang="en")
    assert "$" not in text.replace("`veil", "")
    assert "## 8. Employees (people analytics)" in text
    assert "## 9. Risks and measures" in text
    assert "## 10. Sign-off" in text
    assert "Annex III 4(b)" in text
    assert (
        "1 role(s), 2 people, 4 documents (self-reviews: 2, manager reviews: 1, CVs: 1), "
        "2 manager\n  rating(s) recorded for calibration, 2 gap-matrix cell(s) checked" in text
    )
    assert (
        f"Role {role_id} (Data analyst): 2 competencies, 2 people, 4 documents, 2 cell(s) "
        "checked by a reviewer (1 marked shown, 1 not shown)." in text
    )
    assert "employee data sits in its own tables" in text
    assert "never reaches ranking, learning from decisions or any candidate view" in text
    assert "the mark overrides Veil's call" in text
    assert "`veil people gaps --role ID` reports it" in text  # agreement: not computed here
    assert "1 export(s) and 1 erasure(s)" in text
    assert "`veil people export PERSON_ID --out\n  DIR`" in text
    assert "`veil people erase PERSON_ID --yes`" in text
    assert "Veil purges no employee record automatically." in text
    retention = text.split("Veil purges no employee record automatically.")[1].split("\n- ")[0]
    assert "[to complete]" in retention
    assert "`veil people notice`" in text
    for canary in (DOCUMENT_CANARY, NAME_CANARY, REASON_CANARY, "Reviewer"):
        assert canary not in text


def test_the_chinese_draft_covers_employees(ws: Any, tmp_path: Path) -> None:
    _staffed(ws, tmp_path)
    text = compliance.assessment(ws, lang="zh")
    assert "## 八、员工（人员分析）" in text
    assert "## 九、风险与措施" in text
    assert "## 十、签署" in text
    assert "岗位 1 个，员工 2 名，文件 4 份（自我评价 2 份、上级评价 1 份、履历 1 份）" in text
    assert "员工数据保存在单独的数据表中" in text
    assert "Veil 不会自动清除任何员工记录。" in text
    assert "导出 1 次、删除 1 次" in text
    for canary in (DOCUMENT_CANARY, NAME_CANARY, REASON_CANARY):
        assert canary not in text


def test_a_role_without_people_still_gets_the_section(ws: Any) -> None:
    from core.services.people import create_role

    create_role(ws, "Support engineer", "Support engineer\n\nRequirements\n- Linux\n")
    text = compliance.assessment(ws)
    assert "1 role(s), 0 people, 0 documents (no documents yet)" in text
    assert "## 10. Sign-off" in text


def test_without_roles_or_people_there_is_no_employee_section(ws: Any, job_id: int) -> None:
    _filled(ws, job_id)
    for lang, absent in (("en", "Employees"), ("zh", "员工（人员分析）")):
        text = compliance.assessment(ws, lang=lang)
        assert absent not in text
        assert "veil people" not in text
        assert "\n\n\n" not in text
    text = compliance.assessment(ws)
    assert "## 7. Rights of the people concerned" in text
    assert "[to complete]\n\n## 8. Risks and measures" in text
    assert "## 9. Sign-off" in text
