"""PII detection and redaction for resumes, built on Presidio. Imports nothing of Veil's.

from anonymize import Redactor, RedactionOptions, RedactionResult, Span
result = Redactor().redact(text)          # result.text, result.spans, result.mapping
"""

from anonymize.redactor import Redactor
from anonymize.types import ENTITY_TYPES, RedactionOptions, RedactionResult, Span

__all__ = ["ENTITY_TYPES", "RedactionOptions", "RedactionResult", "Redactor", "Span"]
