"""spaCy's NER stepped from Python finds exactly the entities ``nlp.pipe`` finds (real model)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest

from anonymize import greedy_ner
from anonymize.engine import english_pipeline

DATA = Path(__file__).parents[1] / "data" / "redaction"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_resumes", DATA / "make_resumes.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts() -> list[str]:
    rng = random.Random(2026)
    make = _generator()
    resumes = [make.english_resume(i, rng, jobs=rng.randint(1, 8)).text() for i in range(40)]
    tricky = [line for line in (DATA / "tricky_en.txt").read_text("utf-8").splitlines() if line]
    # empty and blank texts sit between real ones, as views of name-less resumes do
    return [*resumes[:20], "", "   \n", *tricky, "Dana Whitfield", *resumes[20:], ""]


def _entities(docs: Any) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


@pytest.mark.parametrize("batch_size", [1, 7, 32])
def test_entities_are_those_of_nlp_pipe(batch_size: int) -> None:
    nlp = english_pipeline()
    texts = _texts()
    expected = _entities(nlp.pipe(texts, batch_size=batch_size))
    found = _entities(greedy_ner.entity_docs(nlp, texts, batch_size))
    assert found == expected
    assert sum(map(len, found)) > 200  # the texts do hold names, places and organisations


def test_veils_english_pipeline_takes_the_stepped_path() -> None:
    # if a spaCy upgrade removes what the loop needs, NER silently doubles in cost: fail here
    assert greedy_ner._stepper(english_pipeline()) is not None


def test_other_pipelines_go_through_nlp_pipe() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Contoso"}])
    assert greedy_ner._stepper(nlp) is None
    docs = list(greedy_ner.entity_docs(nlp, ["Worked at Contoso.", ""], 8))
    assert _entities(docs) == [[(10, 17, "ORG")], []]
