"""Measuring redaction: labelled documents, token-level precision / recall / F2 per entity type,
skills wrongly redacted, and the stock Presidio analyzer for comparison.

Token level (as presidio-research scores it): a token is a run of letters/digits, or one Han
character. A gold token counts as found when a predicted span of a compatible type covers it
(a street address found as LOCATION still protects it); a predicted token is correct when it lies
in a gold span of a compatible type.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anonymize.types import (
    ADDRESS,
    AGE,
    DATE_OF_BIRTH,
    EMAIL,
    ETHNICITY,
    GENDER,
    HANDLE,
    ID_NUMBER,
    LOCATION,
    NATIONALITY,
    PERSON,
    PHONE,
    URL,
)

_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+")
_MARK = re.compile(r"\{\{([A-Z_]+)\|(.+?)\}\}", re.DOTALL)

# gold type -> predicted types that protect it
COMPATIBLE: dict[str, frozenset[str]] = {
    PERSON: frozenset({PERSON, GENDER}),  # "Mr." inside a labelled name is redacted as a cue
    ADDRESS: frozenset({ADDRESS, LOCATION}),
    LOCATION: frozenset({LOCATION, ADDRESS}),
    DATE_OF_BIRTH: frozenset({DATE_OF_BIRTH, AGE}),
    AGE: frozenset({AGE, DATE_OF_BIRTH}),
    NATIONALITY: frozenset({NATIONALITY, ETHNICITY, LOCATION}),
    ETHNICITY: frozenset({ETHNICITY, NATIONALITY}),
    URL: frozenset({URL, HANDLE}),
    HANDLE: frozenset({HANDLE, URL}),
}
# presidio-research synthetic set -> our types (others are not scored)
SYNTH_TYPES = {
    "PERSON": PERSON,
    "EMAIL_ADDRESS": EMAIL,
    "PHONE_NUMBER": PHONE,
    "STREET_ADDRESS": ADDRESS,
    "ZIP_CODE": ADDRESS,
    "GPE": LOCATION,
    "US_SSN": ID_NUMBER,
    "US_DRIVER_LICENSE": ID_NUMBER,
    # scored like stock Presidio's output (STOCK_TYPES): card and bank numbers are ID numbers,
    # an IP address a URL; left out, Veil's correct finds of them counted as false positives
    "CREDIT_CARD": ID_NUMBER,
    "IBAN_CODE": ID_NUMBER,
    "IP_ADDRESS": URL,
    "DOMAIN_NAME": URL,
    "AGE": AGE,
    "NRP": NATIONALITY,
}
# stock Presidio entity names -> ours
STOCK_TYPES = {
    "EMAIL_ADDRESS": EMAIL,
    "PHONE_NUMBER": PHONE,
    "NRP": NATIONALITY,
    "DATE_TIME": DATE_OF_BIRTH,
    "US_SSN": ID_NUMBER,
    "US_PASSPORT": ID_NUMBER,
    "US_DRIVER_LICENSE": ID_NUMBER,
    "US_BANK_NUMBER": ID_NUMBER,
    "US_ITIN": ID_NUMBER,
    "UK_NHS": ID_NUMBER,
    "UK_NINO": ID_NUMBER,
    "CREDIT_CARD": ID_NUMBER,
    "IBAN_CODE": ID_NUMBER,
    "MEDICAL_LICENSE": ID_NUMBER,
    "IP_ADDRESS": URL,
    "CRYPTO": ID_NUMBER,
}


@dataclass(frozen=True)
class LabelledDoc:
    id: str
    language: str
    text: str
    spans: tuple[tuple[str, int, int], ...]
    skills: tuple[tuple[int, int], ...] = ()


def load_jsonl(path: Path) -> list[LabelledDoc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        docs.append(
            LabelledDoc(
                rec["id"],
                rec["language"],
                rec["text"],
                tuple((s["type"], s["start"], s["end"]) for s in rec["spans"]),
                tuple((s["start"], s["end"]) for s in rec.get("skills", ())),
            )
        )
    return docs


def parse_marked(text: str, doc_id: str, language: str) -> LabelledDoc:
    """``{{PERSON|Jane Doe}}`` marks a span, ``{{SKILL|Kafka}}`` a skill mention."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    skills: list[tuple[int, int]] = []
    cursor = length = 0
    for match in _MARK.finditer(text):
        out.append(text[cursor : match.start()])
        length += match.start() - cursor
        kind, value = match.group(1), match.group(2)
        if kind == "SKILL":
            skills.append((length, length + len(value)))
        else:
            spans.append((kind, length, length + len(value)))
        out.append(value)
        length += len(value)
        cursor = match.end()
    out.append(text[cursor:])
    return LabelledDoc(doc_id, language, "".join(out), tuple(spans), tuple(skills))


def load_marked(path: Path, language: str) -> list[LabelledDoc]:
    chunks = path.read_text(encoding="utf-8").split("\n=====\n")
    return [
        parse_marked(chunk.strip("\n") + "\n", f"{path.stem}-{i:02d}", language)
        for i, chunk in enumerate(chunks)
        if chunk.strip() and not chunk.lstrip().startswith("#!")
    ]


def load_presidio_synth(path: Path, limit: int | None = None) -> list[LabelledDoc]:
    records = json.loads(path.read_text(encoding="utf-8"))[:limit]
    docs = []
    for i, rec in enumerate(records):
        spans = tuple(
            (SYNTH_TYPES[s["entity_type"]], s["start_position"], s["end_position"])
            for s in rec["spans"]
            if s["entity_type"] in SYNTH_TYPES
        )
        docs.append(LabelledDoc(f"synth-{i:04d}", "en", rec["full_text"], spans))
    return docs


@dataclass
class Tally:
    tp_recall: Counter[str]
    gold: Counter[str]
    tp_precision: Counter[str]
    predicted: Counter[str]
    skills_total: int = 0
    skills_redacted: int = 0

    def recall(self, kind: str) -> float:
        return self.tp_recall[kind] / self.gold[kind] if self.gold[kind] else float("nan")

    def precision(self, kind: str) -> float:
        return (
            self.tp_precision[kind] / self.predicted[kind] if self.predicted[kind] else float("nan")
        )

    def f_beta(self, kind: str, beta: float = 2.0) -> float:
        p, r = self.precision(kind), self.recall(kind)
        if p != p or r != r or p + r == 0:  # nan or zero
            return 0.0 if r == r else float("nan")
        return (1 + beta**2) * p * r / (beta**2 * p + r)

    @property
    def skill_error_rate(self) -> float:
        return self.skills_redacted / self.skills_total if self.skills_total else 0.0


Predicted = Sequence[tuple[str, int, int]]


def _compatible(gold: str, pred: str) -> bool:
    return pred == gold or pred in COMPATIBLE.get(gold, frozenset())


def score(docs: Sequence[LabelledDoc], predictions: Sequence[Predicted]) -> Tally:
    tally = Tally(Counter(), Counter(), Counter(), Counter())
    for doc, predicted in zip(docs, predictions, strict=True):
        for token in _TOKEN.finditer(doc.text):
            s, e = token.span()
            gold = next((k for k, a, b in doc.spans if a < e and s < b), None)
            pred = next((k for k, a, b in predicted if a < e and s < b), None)
            if gold is not None:
                tally.gold[gold] += 1
                if pred is not None and _compatible(gold, pred):
                    tally.tp_recall[gold] += 1
            if pred is not None:
                tally.predicted[pred] += 1
                if gold is not None and _compatible(gold, pred):
                    tally.tp_precision[pred] += 1
        for a, b in doc.skills:
            tally.skills_total += 1
            if any(pa < b and a < pb for _, pa, pb in predicted):
                tally.skills_redacted += 1
    return tally


def ours(redactor: Any) -> Callable[[Sequence[LabelledDoc]], list[Predicted]]:
    def run(docs: Sequence[LabelledDoc]) -> list[Predicted]:
        results = redactor.redact_many([d.text for d in docs], [d.language for d in docs])
        return [[(s.type, s.start, s.end) for s in r.spans] for r in results]

    return run


def stock_presidio() -> Callable[[Sequence[LabelledDoc]], list[Predicted]]:
    """Presidio's default analyzer and recognizers over the same spaCy model (all components)."""
    from anonymize.engine import MODEL_PACKAGE, configure_tldextract, import_presidio

    configure_tldextract()
    import_presidio()
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": MODEL_PACKAGE}])
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)

    def run(docs: Sequence[LabelledDoc]) -> list[Predicted]:
        out = batch.analyze_iterator([d.text for d in docs], language="en", batch_size=32)
        return [
            [(STOCK_TYPES.get(r.entity_type, r.entity_type), r.start, r.end) for r in results]
            for results in out
        ]

    return run


def entity_rows(tallies: Iterable[Tally]) -> list[str]:
    kinds: set[str] = set()
    for t in tallies:
        kinds |= set(t.gold)
    return sorted(kinds)
