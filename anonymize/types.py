"""The package's own plain result types: what callers get back from redaction."""

from __future__ import annotations

from dataclasses import dataclass, field

# Entity types this package reports (placeholders are ``<TYPE_n>``).
PERSON = "PERSON"
EMAIL = "EMAIL"
PHONE = "PHONE"
URL = "URL"
HANDLE = "HANDLE"
ADDRESS = "ADDRESS"
LOCATION = "LOCATION"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
AGE = "AGE"
GENDER = "GENDER"
NATIONALITY = "NATIONALITY"
ETHNICITY = "ETHNICITY"
RELIGION = "RELIGION"
MARITAL_STATUS = "MARITAL_STATUS"
FAMILY_STATUS = "FAMILY_STATUS"
PHOTO = "PHOTO"
ID_NUMBER = "ID_NUMBER"
POLITICAL_AFFILIATION = "POLITICAL_AFFILIATION"
ORGANIZATION = "ORGANIZATION"

ENTITY_TYPES: tuple[str, ...] = (
    PERSON,
    EMAIL,
    PHONE,
    URL,
    HANDLE,
    ADDRESS,
    LOCATION,
    DATE_OF_BIRTH,
    AGE,
    GENDER,
    NATIONALITY,
    ETHNICITY,
    RELIGION,
    MARITAL_STATUS,
    FAMILY_STATUS,
    PHOTO,
    ID_NUMBER,
    POLITICAL_AFFILIATION,
    ORGANIZATION,
)


@dataclass(frozen=True)
class Span:
    """One detected piece of personal data; offsets index the ORIGINAL text."""

    type: str
    start: int
    end: int
    score: float
    recognizer: str


@dataclass(frozen=True)
class RedactionResult:
    """The redacted text, what was found, and the way back (personal: store encrypted only)."""

    text: str
    spans: tuple[Span, ...]
    mapping: dict[str, str] = field(repr=False)
    language: str = "en"

    def __repr__(self) -> str:  # never print personal data by accident
        return f"RedactionResult(language={self.language!r}, spans={len(self.spans)})"


@dataclass(frozen=True)
class RedactionOptions:
    """What to redact. Defaults suit blind resume review."""

    redact_organizations: bool = False  # employers and universities are kept by default
    redact_locations: bool = True  # cities and countries (home towns profile a person)
    entities: frozenset[str] | None = None  # None: every type in ENTITY_TYPES (minus the above)
    extra_allowlist: frozenset[str] = frozenset()  # words never redacted, on top of the built-in
    processes: int = 1  # worker processes for large redact_many batches (2 pays on 2 free cores)
    batch_size: int = 32
    worker_init: str | None = None  # "module:function" each worker process runs first
    score_threshold: float = 0.3

    def wanted(self) -> frozenset[str]:
        base = set(self.entities) if self.entities is not None else set(ENTITY_TYPES)
        if not self.redact_organizations:
            base.discard(ORGANIZATION)
        if not self.redact_locations:
            base.discard(LOCATION)
        return frozenset(base)
