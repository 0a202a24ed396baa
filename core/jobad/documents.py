"""Whole-document checks named by a rule's ``check``: pay range, benefits, length, the number of
must-haves and readability. Each returns the findings for one rule (possibly none)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.jobad import text_stats
from core.jobad.model import Finding, Rule

_CURRENCY = r"(?:[$£€¥]|US\$|USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|CAD|AUD|RMB|CNY)"
_NUMBER = r"\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?[kKmM]?"
_AMOUNT = (
    rf"(?:{_CURRENCY}\s?(?:{_NUMBER})|(?:{_NUMBER})\s?(?:{_CURRENCY}|dollars|euros?|pounds|"
    r"元|万|千))"
)
_TO = r"\s*(?:-|–|—|~|to|and|up\s+to|until|bis|à)\s*"
_UNIT = r"(?:\s?/\s?(?:hour|hr|year|yr|month|mo|annum)|\s+(?:per|an|a)\s+(?:hour|year|month))?"
_BIG = r"\d{1,3}(?:[,.\s]\d{3})+|\d+(?:[.,]\d+)?\s?[kK]"  # 85,000 or 85k: not "3-5"
PAY_RANGE = re.compile(
    rf"{_AMOUNT}{_UNIT}{_TO}(?:{_CURRENCY}\s?)?(?:{_NUMBER})"
    rf"|(?:{_NUMBER}){_TO}(?:{_NUMBER})\s?(?:{_CURRENCY}|dollars|euros?|pounds)"
    rf"|(?:salary|pay|compensation|wages?|remuneration)[^.\n\d]{{0,30}}(?:{_BIG}){_TO}(?:{_BIG})",
    re.IGNORECASE,
)
_BETWEEN = re.compile(rf"between\s+{_AMOUNT}\s+and\s+", re.IGNORECASE)
PAY_SINGLE = re.compile(
    rf"(?:salary|pay|wage|compensation|remuneration|rate|gross|per\s+(?:year|annum|hour|month))"
    rf"[^.\n]{{0,60}}{_AMOUNT}|{_AMOUNT}[^.\n]{{0,40}}(?:per\s+(?:year|annum|hour|month)|"
    r"/\s?(?:year|yr|hour|hr|month|mo)|a\s+year|an\s+hour|annually|gross|salary)",
    re.IGNORECASE,
)
BENEFITS = re.compile(
    r"\b(?:benefits?|health(?:care|\s+insurance)|medical|dental|vision|401\s?\(?k\)?|pension|"
    r"retirement|paid\s+time\s+off|pto|vacation|holidays?|paid\s+leave|sick\s+leave|"
    r"parental\s+leave|insurance|stock|equity|bonus)\b",
    re.IGNORECASE,
)


@dataclass
class Context:
    """What a check may need beyond the text: its language, the jurisdiction, and the number
    of must-haves when the caller knows it (a stored job's edited requirements)."""

    language: str
    jurisdiction: str | None
    musts: int | None = None
    stats: dict[str, Any] = field(default_factory=dict)


def document_finding(rule: Rule, text: str, ctx: Context, message: str = "") -> Finding:
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=rule.severity_in(ctx.jurisdiction),
        start=0,
        end=len(text),
        text="",
        source=rule.source_in(ctx.jurisdiction),
        suggestion=rule.suggestion,
        message=message or rule.message,
        document=True,
    )


def pay_stated(text: str, *, single_ok: bool) -> bool:
    if PAY_RANGE.search(text) or _BETWEEN.search(text):
        return True
    return single_ok and PAY_SINGLE.search(text) is not None


def check_pay_range(text: str, rule: Rule, ctx: Context) -> list[Finding]:
    stated = pay_stated(text, single_ok=bool(rule.params.get("single_ok", False)))
    ctx.stats["pay_stated"] = stated
    return [] if stated else [document_finding(rule, text, ctx)]


def check_benefits(text: str, rule: Rule, ctx: Context) -> list[Finding]:
    return [] if BENEFITS.search(text) else [document_finding(rule, text, ctx)]


def check_length(text: str, rule: Rule, ctx: Context) -> list[Finding]:
    n = len(text_stats.words(text, ctx.language))
    low, high = int(rule.params["min_words"]), int(rule.params["max_words"])
    if low <= n <= high or not text.strip():
        return []
    side = "short" if n < low else "long"
    return [document_finding(rule, text, ctx, f"{rule.message} ({n} words: too {side}).")]


def check_musts(text: str, rule: Rule, ctx: Context) -> list[Finding]:
    musts = ctx.musts
    if musts is None:
        from core.scoring.requirements import parse_requirements

        musts = sum(1 for r in parse_requirements(text) if r.must)
    ctx.stats["must_haves"] = musts
    limit = int(rule.params["max_musts"])
    if musts <= limit:
        return []
    return [document_finding(rule, text, ctx, f"{rule.message} ({musts} found).")]


def check_readability(text: str, rule: Rule, ctx: Context) -> list[Finding]:
    figures = text_stats.readability(text, ctx.language)
    ctx.stats["readability"] = figures
    out: list[Finding] = []
    longest = int(rule.params["max_sentence_words"])
    for s in text_stats.sentences(text, ctx.language):
        if s.words > longest:
            out.append(
                Finding(
                    rule=rule.id,
                    category=rule.category,
                    severity=rule.severity,
                    start=s.start,
                    end=s.end,
                    text=text[s.start : s.end],
                    source=rule.source,
                    suggestion=rule.suggestion,
                    message=f"{rule.message} (a sentence of {s.words} words).",
                )
            )
    hard = figures["words_per_sentence"] > float(rule.params["max_average_words"])
    if "min_flesch" in rule.params and figures["words"] >= 30:
        hard = hard or figures["flesch_reading_ease"] < float(rule.params["min_flesch"])
    if hard:
        out.append(document_finding(rule, text, ctx, _readability_message(rule, figures)))
    return out


def _readability_message(rule: Rule, figures: dict[str, float]) -> str:
    parts = [f"{figures['words_per_sentence']:g} words per sentence"]
    if "flesch_reading_ease" in figures:
        parts.append(f"Flesch reading ease {figures['flesch_reading_ease']:g}")
    return f"{rule.message} ({', '.join(parts)})."


CHECKS: dict[str, Callable[[str, Rule, Context], list[Finding]]] = {
    "pay_range": check_pay_range,
    "benefits": check_benefits,
    "length": check_length,
    "too_many_musts": check_musts,
    "readability": check_readability,
}
