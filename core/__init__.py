"""Veil's application core: domain, storage, intake, scoring, services, CLI. No Qt here."""

__version__ = "0.1.0"
