"""Run the rules of a language (and jurisdiction) over a text: findings and stats.

``check_posting`` runs the posting rules (law and style), ``check_review`` the review-language
rules; both return a ``Report`` whose findings carry offsets into the text as given. A match that
overlaps a negation of its rule (``unless``) is dropped; where two findings cover the same span,
the more severe is kept; findings of one category that overlap are merged into the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from core.jobad import documents, rulebook, text_stats
from core.jobad.model import JURISDICTIONS, SEVERITIES, Finding, Report, Rule
from core.scoring.chunking import is_chinese

_RANK = {s: i for i, s in enumerate(SEVERITIES)}
#: with no jurisdiction chosen, where two files' rules find the same span the first one's wins
_PRIORITY = ("US", "UK", "EU", "CN", "")


class UnknownJurisdictionError(ValueError):
    pass


def detect_language(text: str) -> str:
    return "zh" if is_chinese(text) else "en"


def normalise_jurisdiction(jurisdiction: str | None) -> str | None:
    if jurisdiction is None or not jurisdiction.strip():
        return None
    value = jurisdiction.strip().upper().replace("_", "-")
    if value == "GB":
        value = "UK"
    if value not in JURISDICTIONS:
        raise UnknownJurisdictionError(value)
    return value


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _has_script(text: str, language: str) -> bool:
    return (_CJK if language == "zh" else _LATIN_WORD).search(text) is not None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _replacement(rule: Rule, matched: str) -> str | None:
    key = re.sub(r"[\s-]+", " ", matched.lower()).strip()
    value = rule.replace.get(key)
    if value is None:
        value = rule.replace.get(matched.lower(), rule.replacement)
    if value and matched[:1].isupper():
        value = value[:1].upper() + value[1:]
    return value


def _has_evidence(rule: Rule, text: str, start: int) -> bool:
    pattern = rule.params.get("evidence")
    if not pattern:
        return False
    s, e = text_stats.sentence_bounds(text, start, rule.language)
    return re.search(str(pattern), text[s:e], re.IGNORECASE) is not None


def match_rule(rule: Rule, text: str, jurisdiction: str | None) -> list[Finding]:
    """The spans one pattern rule finds in ``text``, negations removed."""
    if rule.pattern is None:
        return []
    blocked = [m.span() for m in rule.unless.finditer(text)] if rule.unless else []
    out = []
    for m in rule.pattern.finditer(text):
        span = m.span()
        if span[0] == span[1] or any(_overlaps(span, b) for b in blocked):
            continue
        if rule.params.get("needs_no_evidence") and _has_evidence(rule, text, span[0]):
            continue
        out.append(
            Finding(
                rule=rule.id,
                category=rule.category,
                severity=rule.severity_in(jurisdiction),
                start=span[0],
                end=span[1],
                text=m.group(0),
                source=rule.source_in(jurisdiction),
                suggestion=rule.suggestion,
                message=rule.message,
                replacement=_replacement(rule, m.group(0)),
            )
        )
    return out


def _tidy(findings: Iterable[Finding]) -> list[Finding]:
    """Same span (not whole-text findings): the most severe wins; same category and
    overlapping: the first (longest) wins, unless a later one is more severe."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), _RANK[f.severity]))
    kept: list[Finding] = []
    for f in ordered:
        clash = next(
            (
                k
                for k in kept
                if k.document == f.document
                and (
                    (k.category == f.category and _overlaps((k.start, k.end), (f.start, f.end)))
                    or (not f.document and (k.start, k.end) == (f.start, f.end))
                )
            ),
            None,
        )
        if clash is None:
            kept.append(f)
        elif _RANK[f.severity] < _RANK[clash.severity]:
            kept[kept.index(clash)] = f
    return kept


def run_rules(
    text: str, rules: Iterable[Rule], ctx: documents.Context
) -> tuple[list[Finding], dict[str, int]]:
    """Findings of ``rules`` (those that hold in the context's jurisdiction) and the number of
    matches of each count-only rule."""
    found: list[Finding] = []
    counts: dict[str, int] = {}
    for rule in rules:
        if not rule.holds_in(ctx.jurisdiction):
            continue
        if rule.check:
            found.extend(documents.CHECKS[rule.check](text, rule, ctx))
            continue
        hits = match_rule(rule, text, ctx.jurisdiction)
        counts[rule.id] = len(hits)
        if not rule.params.get("count_only"):
            found.extend(hits)
    return _tidy(found), counts


def _gender_balance(counts: dict[str, int]) -> dict[str, Any]:
    masc = counts.get("style.masculine_coded", 0)
    fem = counts.get("style.feminine_coded", 0)
    verdict = "neutral"
    if masc > fem:
        verdict = "masculine-coded"
    elif fem > masc:
        verdict = "feminine-coded"
    return {"masculine": masc, "feminine": fem, "verdict": verdict}


def _report(
    text: str, kind: str, language: str | None, jurisdiction: str | None, musts: int | None
) -> Report:
    lang = language or detect_language(text)
    where = normalise_jurisdiction(jurisdiction)
    ctx = documents.Context(language=lang, jurisdiction=where, musts=musts)
    files = sorted(rulebook.files_for(kind, lang), key=lambda f: _PRIORITY.index(f.jurisdiction))
    rules = [r for f in files for r in f.rules]  # same span: the first file's rule is kept
    other = "en" if lang == "zh" else "zh"
    if _has_script(text, other):  # mixed text: the other language's wording rules too
        rules += [r for f in rulebook.files_for(kind, other) for r in f.rules if not r.check]
    findings, counts = run_rules(text, rules, ctx)
    stats: dict[str, Any] = {
        "language": lang,
        "jurisdiction": where,
        "characters": len(text),
        "words": len(text_stats.words(text, lang)),
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "advice": sum(1 for f in findings if f.severity == "advice"),
        **ctx.stats,
    }
    if kind == "posting" and lang == "en":
        stats["gender_coding"] = _gender_balance(counts)
    return Report(tuple(findings), stats, lang, where)


def check_posting(
    text: str,
    *,
    jurisdiction: str | None = None,
    language: str | None = None,
    musts: int | None = None,
) -> Report:
    """Check a job posting. ``jurisdiction`` None: every rule of the language that needs no
    jurisdiction (the pay-transparency checks need one); ``musts``: the number of must-haves
    when known (else they are parsed from the text)."""
    return _report(text, "posting", language, jurisdiction, musts)


def check_review(text: str, *, language: str | None = None) -> Report:
    """Check performance-review text for wording applied unevenly (warnings)."""
    return _report(text, "review", language, None, None)
