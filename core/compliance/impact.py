"""Adverse-impact arithmetic: selection rates, scoring rates, impact ratios, Fisher p-values.

Pure computation on plain data, no database. The definitions are the regulators':

- *selection rate* = selected / people in a group; *impact ratio* = a group's rate / the rate of
  the most selected group (EEOC four-fifths rule, 29 CFR 1607.4(D); NYC 6 RCNY 5-301(b));
- *scoring rate* = the share of a group scoring **above** the median score of the whole sample
  (a score equal to the median does not count), and its impact ratio (6 RCNY 5-301(c));
- a group under 2% of the people with a known value may be left out of the ratios, its counts
  and rate still reported (6 RCNY 5-301(d)); people with no known value are counted apart.

A ratio below 0.8 is evidence of adverse impact; a smaller difference can still matter when it
is statistically significant, hence a two-sided Fisher exact p-value of each group against the
reference group, and a warning where groups are too small for the ratio to mean much.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

FOUR_FIFTHS = 0.8
SMALL_SHARE = 0.02  # 6 RCNY 5-301(d)
SMALL_SAMPLE = 30  # fewer people than this in a compared group: the ratio is unstable
SIGNIFICANCE = 0.05

#: Answers that say nothing about the person's group (counted as unknown, never as a group).
UNKNOWN_VALUES = frozenset(
    {
        "",
        "unknown",
        "n/a",
        "na",
        "none",
        "decline",
        "declined",
        "declined to state",
        "decline to state",
        "decline to self-identify",
        "prefer not to say",
        "prefer not to answer",
        "not disclosed",
        "未知",
        "不愿透露",
        "不愿回答",
    }
)


def is_known(value: str | None) -> bool:
    return value is not None and " ".join(value.split()).casefold() not in UNKNOWN_VALUES


@dataclass(frozen=True)
class Person:
    """One applicant as the audit sees them: answers, outcome, score (None: not scored)."""

    answers: Mapping[str, str]
    selected: bool = False
    score: float | None = None


@dataclass(frozen=True)
class Rate:
    """One group's count, hits and rate, its ratio to the reference and the p-value of that."""

    n: int
    hits: int
    rate: float | None
    ratio: float | None = None
    p_value: float | None = None
    excluded_small: bool = False


@dataclass(frozen=True)
class GroupResult:
    category: str
    group: str
    n: int
    selected: int
    selection: Rate
    scoring: Rate
    excluded_small: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "group": self.group,
            "n": self.n,
            "selected": self.selected,
            "selection_rate": self.selection.rate,
            "impact_ratio": self.selection.ratio,
            "scoring_rate": self.scoring.rate,
            "scoring_impact_ratio": self.scoring.ratio,
            "p_value": self.selection.p_value,
            "scoring_p_value": self.scoring.p_value,
            "excluded_small": self.excluded_small,
        }


@dataclass(frozen=True)
class ImpactWarning:
    """Something the reader of the report must know; ``kind`` is stable, for translations."""

    kind: str  # small_sample | adverse_impact | significant | no_decisions | no_scores | ...
    category: str = ""
    group: str = ""
    measure: str = ""  # "selection" or "scoring", where it applies
    value: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "category": self.category,
            "group": self.group,
            "measure": self.measure,
            "value": self.value,
        }


@dataclass(frozen=True)
class ImpactReport:
    job: int | None
    median_score: float | None
    unknown: int
    groups: tuple[GroupResult, ...]
    warnings: tuple[ImpactWarning, ...] = ()
    people: int = 0
    categories: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "job": self.job,
            "median_score": self.median_score,
            "unknown": self.unknown,
            "categories": [g.as_json() for g in self.groups],
            "warnings": [w.as_json() for w in self.warnings],
        }


def fisher_p(hits_a: int, n_a: int, hits_b: int, n_b: int) -> float:
    """Two-sided Fisher exact p-value of a 2x2 table: group a against group b."""
    from scipy.stats import fisher_exact  # imported on first use: scipy is slow to import

    table = [[hits_a, n_a - hits_a], [hits_b, n_b - hits_b]]
    return float(fisher_exact(table, alternative="two-sided").pvalue)


def rates(counts: Mapping[str, tuple[int, int]], *, exclude_small: bool = True) -> dict[str, Rate]:
    """Rates and impact ratios of groups given as ``{group: (n, hits)}``.

    The reference is the group with the highest rate among those not left out as small (under
    2% of all the people counted here, when ``exclude_small``); a small group keeps its rate
    but gets no ratio. Ratios are None when the reference rate is 0 (nobody selected)."""
    total = sum(n for n, _ in counts.values())
    out: dict[str, Rate] = {}
    for group, (n, hits) in counts.items():
        small = exclude_small and total > 0 and n / total < SMALL_SHARE
        out[group] = Rate(n, hits, hits / n if n else None, excluded_small=small)
    candidates = [g for g, r in out.items() if r.rate is not None and not r.excluded_small]
    if not candidates:
        return out
    reference = max(candidates, key=lambda g: (out[g].rate or 0.0, out[g].n))
    best = out[reference]
    if not best.rate:
        return out
    for group in candidates:
        r = out[group]
        ratio = (r.rate or 0.0) / best.rate
        p = None if group == reference else fisher_p(r.hits, r.n, best.hits, best.n)
        out[group] = Rate(r.n, r.hits, r.rate, ratio, p, False)
    return out


def median_score(people: Iterable[Person]) -> float | None:
    scores = [p.score for p in people if p.score is not None]
    return float(statistics.median(scores)) if scores else None


def _grouping(people: Sequence[Person], keys: Sequence[str]) -> dict[str, list[Person]]:
    groups: dict[str, list[Person]] = {}
    for person in people:
        values = [person.answers.get(k) for k in keys]
        if all(is_known(v) for v in values):
            name = " / ".join(" ".join(str(v).split()) for v in values)
            groups.setdefault(name, []).append(person)
    return dict(sorted(groups.items()))


def _category_results(
    name: str, groups: Mapping[str, list[Person]], median: float | None, exclude_small: bool
) -> list[GroupResult]:
    selection = rates(
        {g: (len(ps), sum(p.selected for p in ps)) for g, ps in groups.items()},
        exclude_small=exclude_small,
    )
    scored = {g: [p.score for p in ps if p.score is not None] for g, ps in groups.items()}
    scoring = rates(
        {
            g: (len(s), sum(1 for x in s if median is not None and x > median))
            for g, s in scored.items()
        },
        exclude_small=exclude_small,
    )
    return [
        GroupResult(
            category=name,
            group=g,
            n=len(ps),
            selected=selection[g].hits,
            selection=selection[g],
            scoring=scoring[g],
            excluded_small=selection[g].excluded_small,
        )
        for g, ps in groups.items()
    ]


def _warnings(results: Sequence[GroupResult]) -> list[ImpactWarning]:
    out: list[ImpactWarning] = []
    for r in results:
        if r.excluded_small:
            out.append(ImpactWarning("excluded_small", r.category, r.group, value=float(r.n)))
        elif r.n < SMALL_SAMPLE:
            out.append(ImpactWarning("small_sample", r.category, r.group, value=float(r.n)))
        for measure, rate in (("selection", r.selection), ("scoring", r.scoring)):
            if rate.ratio is None:
                continue
            if rate.ratio < FOUR_FIFTHS:
                out.append(
                    ImpactWarning("adverse_impact", r.category, r.group, measure, rate.ratio)
                )
            elif rate.p_value is not None and rate.p_value < SIGNIFICANCE:
                out.append(ImpactWarning("significant", r.category, r.group, measure, rate.p_value))
    return out


def impact_report(
    people: Sequence[Person],
    categories: Sequence[str],
    *,
    intersections: Sequence[Sequence[str]] = (),
    job: int | None = None,
    exclude_small: bool = True,
) -> ImpactReport:
    """Every group of every category (and of each intersection of categories), with rates,
    ratios and p-values; ``unknown`` counts the people without a known value in at least one
    of ``categories``. The median is that of every scored person, unknown ones included."""
    median = median_score(people)
    results: list[GroupResult] = []
    names: list[str] = []
    for keys in [[c] for c in categories] + [list(k) for k in intersections]:
        name = " × ".join(keys)
        names.append(name)
        results += _category_results(name, _grouping(people, keys), median, exclude_small)
    unknown = sum(1 for p in people if not all(is_known(p.answers.get(c)) for c in categories))
    warnings = _warnings(results)
    if people and not any(p.selected for p in people):
        warnings.insert(0, ImpactWarning("no_decisions"))
    if people and median is None:
        warnings.insert(0, ImpactWarning("no_scores"))
    if not categories:
        warnings.insert(0, ImpactWarning("no_self_identification"))
    return ImpactReport(
        job=job,
        median_score=median,
        unknown=unknown,
        groups=tuple(results),
        warnings=tuple(warnings),
        people=len(people),
        categories=tuple(names),
    )
