"""The DPIA/PIA draft is filled from the workspace's real settings, in English and Chinese."""

from __future__ import annotations

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
