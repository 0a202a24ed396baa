"""Veil's domain types: plain frozen dataclasses passed between storage, services, CLI and GUI.

Fields marked *personal* hold data about a person; they exist only in memory and inside the
encrypted workspace, and never go to logs, error messages or plaintext files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DecisionKind(StrEnum):
    SHORTLIST = "shortlist"
    HOLD = "hold"
    REJECT = "reject"


@dataclass(frozen=True)
class Requirement:
    """One requirement of a job. ``must`` separates must-have from nice-to-have."""

    text: str
    must: bool = True
    weight: float = 1.0


@dataclass(frozen=True)
class Job:
    id: int
    title: str
    text: str
    requirements: tuple[Requirement, ...] = ()
    created_at: str = ""


@dataclass(frozen=True)
class Candidate:
    """A candidate as reviewers see them first: a number and redacted text, no identity."""

    id: int
    created_at: str = ""
    language: str = ""
    redacted_text: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"Candidate {self.id}"


@dataclass(frozen=True)
class Document:
    """The original file of a candidate, stored encrypted. Every field but ids is *personal*."""

    candidate_id: int
    sha256: str
    filename: str
    media_type: str
    data: bytes
    text: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """Where a requirement is best supported: offsets into the candidate's redacted text."""

    start: int
    end: int
    text: str
    similarity: float


@dataclass(frozen=True)
class RequirementScore:
    requirement: Requirement
    satisfaction: float  # 0..1
    similarity: float  # best semantic similarity found (cosine); 0 when not computed
    evidence: Evidence | None = None
    matched: tuple[str, ...] = ()  # exact or near-exact terms found in the resume
    method: str = "semantic+lexical"  # or "lexical" where the encoder cannot read the language

    @property
    def status(self) -> str:
        """``met``, ``partly`` or ``missing``, for checklists."""
        if self.satisfaction >= 0.7:
            return "met"
        if self.satisfaction >= 0.35:
            return "partly"
        return "missing"


@dataclass(frozen=True)
class Score:
    """A candidate's fit for a job, 0-100, with every part that made it."""

    score: float
    requirements: tuple[RequirementScore, ...]
    candidate_id: int | None = None
    job_id: int | None = None
    model_version: str = ""
    notes: tuple[str, ...] = ()
    components: dict[str, float] = field(default_factory=dict)

    @property
    def must_total(self) -> int:
        return sum(1 for r in self.requirements if r.requirement.must)

    @property
    def must_met(self) -> int:
        return sum(1 for r in self.requirements if r.requirement.must and r.status == "met")


@dataclass(frozen=True)
class Decision:
    job_id: int
    candidate_id: int
    kind: DecisionKind
    reason: str = ""
    reviewer: str = ""
    id: int = 0
    created_at: str = ""


@dataclass(frozen=True)
class ModelVersion:
    """A model trained on the workspace's decisions (weights stay in storage)."""

    id: int
    version: str  # "v1", "v2", ...
    kind: str  # "head" or "head+encoder"
    created_at: str
    data_hash: str  # SHA-256 of the training decisions and features
    base_model_hash: str  # the encoder it was trained on
    metrics: dict[str, Any] = field(default_factory=dict)
    examples: int = 0
    encoder_hash: str = ""  # SHA-256 of the fine-tuned encoder's weights, if any
    active: bool = False
    adopted_at: str = ""  # last adoption, "" if never adopted


@dataclass(frozen=True)
class AuditEvent:
    """One entry of the hash-chained audit log. Ids only, never personal data."""

    seq: int
    at: str
    kind: str
    actor: str
    subject: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditVerification:
    """The result of walking the audit chain: intact, or the first event that does not fit."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str = ""
