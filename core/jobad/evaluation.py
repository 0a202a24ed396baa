"""Measure the checker against labelled texts: precision and recall on errors, and per category.

A labelled finding is ``{"category", "severity", "quote", "occurrence"}``: the quote's
``occurrence``-th appearance in the text is its span. A predicted finding matches a label when
the categories are equal and the spans overlap (a whole-text finding overlaps every label).
Precision on errors: the predicted errors that match a labelled error; recall on errors: the
labelled errors matched by a predicted error. Per category, severities are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.jobad.model import JURISDICTIONS, Finding, Report

EU_COUNTRIES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Label:
    category: str
    severity: str
    start: int
    end: int


@dataclass
class Tally:
    predicted: int = 0
    predicted_hit: int = 0
    labelled: int = 0
    labelled_hit: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_hit / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.labelled_hit / self.labelled if self.labelled else 1.0

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.predicted_hit += other.predicted_hit
        self.labelled += other.labelled
        self.labelled_hit += other.labelled_hit


@dataclass
class Result:
    errors: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, category, text)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)
    texts: int = 0


def labels_of(text: str, findings: Iterable[Mapping[str, Any]]) -> list[Label]:
    out = []
    for f in findings:
        quote = str(f["quote"])
        start = -1
        for _ in range(int(f.get("occurrence", 0)) + 1):
            start = text.find(quote, start + 1)
            if start < 0:
                raise ValueError(f"quote not found: {quote[:30]!r}")
        out.append(Label(str(f["category"]), str(f["severity"]), start, start + len(quote)))
    return out


def jurisdiction_of(value: str | None) -> str | None:
    if not value:
        return None
    value = value.upper()
    if value in JURISDICTIONS:
        return value
    if value in EU_COUNTRIES:
        return "EU"
    return "UK" if value == "GB" else None


def _hit(f: Finding, lab: Label) -> bool:
    return f.category == lab.category and f.start < lab.end and lab.start < f.end


def _score_text(
    found: Sequence[Finding], labels: Sequence[Label], result: Result, tid: str, text: str
) -> None:
    errors = Tally()
    errors.predicted = sum(1 for f in found if f.severity == "error")
    errors.predicted_hit = sum(
        1
        for f in found
        if f.severity == "error" and any(_hit(f, lab) for lab in labels if lab.severity == "error")
    )
    errors.labelled = sum(1 for lab in labels if lab.severity == "error")
    errors.labelled_hit = sum(
        1
        for lab in labels
        if lab.severity == "error" and any(_hit(f, lab) for f in found if f.severity == "error")
    )
    result.errors.add(errors)
    for cat in {f.category for f in found} | {lab.category for lab in labels}:
        mine = [f for f in found if f.category == cat]
        theirs = [lab for lab in labels if lab.category == cat]
        tally = result.categories.setdefault(cat, Tally())
        tally.predicted += len(mine)
        tally.predicted_hit += sum(1 for f in mine if any(_hit(f, lab) for lab in theirs))
        tally.labelled += len(theirs)
        tally.labelled_hit += sum(1 for lab in theirs if any(_hit(f, lab) for f in mine))
    for lab in labels:
        if not any(_hit(f, lab) for f in found):
            result.misses.append((tid, lab.category, text[lab.start : lab.end]))
    for f in found:
        if f.severity != "advice" and not any(_hit(f, lab) for lab in labels):
            result.false_alarms.append((tid, f.category, f.text[:40]))


def evaluate(
    items: Iterable[Mapping[str, Any]],
    check: Callable[[Mapping[str, Any]], Report],
    *,
    categories: frozenset[str] | None = None,
) -> Result:
    """Run ``check`` on every labelled item and tally the matches. ``categories``: only these
    categories count (e.g. leave style advice out of a set labelled for the law only)."""
    result = Result()
    for item in items:
        text = str(item["text"])
        labels = labels_of(text, item.get("findings", []))
        found = list(check(item).findings)
        if categories is not None:
            found = [f for f in found if f.category in categories]
            labels = [lab for lab in labels if lab.category in categories]
        _score_text(found, labels, result, str(item.get("id", "")), text)
        result.texts += 1
    return result


def format_result(name: str, result: Result) -> str:
    e = result.errors
    total = Tally()
    for t in result.categories.values():
        total.add(t)
    lines = [
        f"{name}: {result.texts} texts; errors: precision {e.precision:.3f} "
        f"({e.predicted_hit}/{e.predicted}), recall {e.recall:.3f} ({e.labelled_hit}/{e.labelled});"
        f" all severities: precision {total.precision:.3f} ({total.predicted_hit}/"
        f"{total.predicted}), recall {total.recall:.3f} ({total.labelled_hit}/{total.labelled})",
        f"  {'category':<28}{'precision':>16}{'recall':>16}",
    ]
    for cat, t in sorted(result.categories.items()):
        lines.append(
            f"  {cat:<28}{t.precision:>8.3f} ({t.predicted_hit:>2}/{t.predicted:>2})"
            f"{t.recall:>8.3f} ({t.labelled_hit:>2}/{t.labelled:>2})"
        )
    return "\n".join(lines)
