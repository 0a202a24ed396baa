"""Features read the masked text and the scorer's output only: names, placeholders, file names
and metadata change nothing, before or after learning."""

from __future__ import annotations

import numpy as np
import pytest

from core.domain import Requirement
from core.scoring import MemoryCache, Scorer
from core.scoring.training.features import FEATURE_NAMES, FeatureBuilder
from tests.core.scoring.training import shared

pytestmark = pytest.mark.slow

RESUME = """{p}
Data engineer | {e} | {ph}
Eight years of Python, Kafka and Spark; built streaming pipelines at Northwind (fictitious).
{p2} led the move to Snowflake. BSc Computer Science, 2014.
"""
REQS = [Requirement("Python and Kafka"), Requirement("Snowflake", must=False)]


def test_placeholders_change_no_feature() -> None:
    scorer = Scorer(shared.encoder(), MemoryCache())
    a = RESUME.format(p="<PERSON_1>", e="<EMAIL_1>", ph="<PHONE_1>", p2="<PERSON_1>")
    b = RESUME.format(p="<PERSON_12>", e="<EMAIL_3>", ph="<PHONE_2>", p2="<PERSON_7>")
    scores = [scorer.score(REQS, t) for t in (a, b)]
    feats = FeatureBuilder(scorer).build("Data engineer: Python, Kafka", scores, [a, b])
    assert feats[0].summary.shape == (len(FEATURE_NAMES),)
    assert np.array_equal(feats[0].summary, feats[1].summary)
    assert np.array_equal(feats[0].embedding, feats[1].embedding)
    assert feats[0].terms == feats[1].terms
    assert not any("person" in t or "email" in t for t in feats[0].terms)
    assert float(np.linalg.norm(feats[0].embedding)) == pytest.approx(1.0, abs=1e-3)
