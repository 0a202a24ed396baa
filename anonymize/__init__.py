"""PII detection and redaction for resumes, built on Presidio. Imports nothing of Veil's."""
