"""The skill-gap matrix on the written people set (tests/data/people/set.json, labelled blind),
through the real intake, Presidio and encoder.

Issue 21 asks for gap detection F1 >= 0.85 and evidence hit >= 0.80. Measured by
bench/eval_people.py: F1 0.656, evidence hit 0.579 on this set; F1 0.853, evidence hit 0.570
on 18 real CVs. The floors below guard what is reached, so that a change that loses it fails;
they are not the issue's targets, which the MiniLM scorer does not reach on review prose
(README, "People")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.people.evaluation import Figures, figures, load_set, run_set
from core.services import Engines
from core.storage import Workspace

pytestmark = pytest.mark.slow

SET = Path(__file__).resolve().parents[2] / "data" / "people" / "set.json"
F1_FLOOR = 0.62
EVIDENCE_FLOOR = 0.52


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Figures]:
    ws = Workspace.create(tmp_path_factory.mktemp("people-set") / "ws.veil", "people set pass 1")
    try:
        with Engines() as engines:
            yield figures(run_set(ws, engines, load_set(SET)))
    finally:
        ws.close()


def test_every_label_is_judged(measured: Figures) -> None:
    assert measured.labels == sum(len(p["labels"]) for p in load_set(SET)["people"])
    assert measured.evidence_labels > 200


def test_gap_detection_f1_floor(measured: Figures) -> None:
    assert measured.f1 >= F1_FLOOR, measured


def test_evidence_hit_floor(measured: Figures) -> None:
    assert measured.evidence_hit >= EVIDENCE_FLOOR, measured
