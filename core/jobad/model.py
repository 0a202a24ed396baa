"""Plain types of the job-ad and review checker: a rule as read from a rules file, and a finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "advice"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advice")

#: jurisdictions a user can choose; "US" alone means federal law only (no state pay rules)
JURISDICTIONS: tuple[str, ...] = ("CN", "EU", "UK", "US", "US-NY", "US-CO", "US-CA", "US-WA")


@dataclass(frozen=True)
class Rule:
    """One rule of a rules file: what it matches, how bad it is, where the duty comes from.

    ``patterns`` (regular expressions) and ``words`` (whole words) find spans; ``check`` names
    a whole-document check instead (``core.jobad.documents``). A match that overlaps a match of
    one of ``unless`` (a negation such as "男女不限" or "competitive salary") is not a finding.
    ``applies``: the jurisdictions where the rule holds (empty: wherever its file is used);
    ``error_in``: where its severity becomes "error"; ``sources``: a jurisdiction's own source.
    """

    id: str
    category: str
    severity: Severity
    source: str
    suggestion: str
    message: str = ""
    file: str = ""
    language: str = "en"
    pattern: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    check: str = ""
    applies: tuple[str, ...] = ()
    error_in: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    replace: dict[str, str] = field(default_factory=dict)
    replacement: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def holds_in(self, jurisdiction: str | None) -> bool:
        """Whether the rule applies: everywhere when no jurisdiction is chosen, unless it needs
        one (``needs_jurisdiction``); else where ``applies`` names the jurisdiction or its
        country ("US" covers "US-NY")."""
        if jurisdiction is None:
            return not self.params.get("needs_jurisdiction", False)
        if not self.applies:
            return True
        country = jurisdiction.split("-")[0]
        return jurisdiction in self.applies or country in self.applies

    def severity_in(self, jurisdiction: str | None) -> Severity:
        if jurisdiction is not None and jurisdiction in self.error_in:
            return "error"
        return self.severity

    def source_in(self, jurisdiction: str | None) -> str:
        if jurisdiction is not None:
            return self.sources.get(jurisdiction) or self.sources.get(
                jurisdiction.split("-")[0], self.source
            )
        return self.source


@dataclass(frozen=True)
class Finding:
    """A problem found in a text: the rule, the span (character offsets into the text as read),
    why it matters (``source``) and what to write instead. ``replacement``, when set, is the
    text that a one-click rewrite puts in place of the span; ``document`` findings concern the
    whole text (length, a missing pay range) and span all of it."""

    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    text: str
    source: str
    suggestion: str
    message: str = ""
    replacement: str | None = None
    document: bool = False

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source": self.source,
            "suggestion": self.suggestion,
            "message": self.message,
            "document": self.document,
        }
        if self.replacement is not None:
            out["replacement"] = self.replacement
        return out


@dataclass(frozen=True)
class Report:
    """The findings in a text, in text order (errors first where spans tie), and its stats."""

    findings: tuple[Finding, ...]
    stats: dict[str, Any]
    language: str
    jurisdiction: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "findings": [f.as_json() for f in self.findings],
            "stats": self.stats,
            "language": self.language,
            "jurisdiction": self.jurisdiction,
        }

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
